// Referrals, one level: every creator's link (`/signup?ref=<username>`) records who signed up through
// it (first referrer wins, never oneself). For REFERRAL_MONTHS after the referred person becomes a
// creator, the referrer earns the site's referral share of the platform fee on their sales; payments
// asks `shareTx` inside each sale's transaction and moves it in the ledger (payments/referral-share.ts).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { publicUrl } from "../../config/load.ts";
import { DAY } from "../../lib/clock.ts";
import { Forbidden } from "../../lib/errors.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { SiteService } from "../site/service.ts";
import type { UsersService } from "../users/service.ts";
import { referralsRepo } from "./repo.ts";

/** "12 months" is 365 days from the moment the referred person's creator profile was made. */
export const REFERRAL_WINDOW_MS = 365 * DAY;

export function createReferralsService(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "byUsername" | "byId">;
    creators: Pick<CreatorsService, "isCreator" | "creatorSince">;
    site: Pick<SiteService, "settings">;
  },
) {
  const { users, creators, site } = deps;

  return {
    /**
     * Inside the sign-up's write: records the referrer named by `code` (a creator's username). An unknown
     * code, a non-creator or oneself records nothing (a sign-up never fails over a referral).
     */
    async recordTx(tx: DrizzleDb, referredId: string, code: string): Promise<void> {
      const referrer = await users.byUsername(code.trim());
      if (!referrer || referrer.id === referredId || !(await creators.isCreator(referrer.id, tx))) return;
      await referralsRepo.insert(tx, { referredId, referrerId: referrer.id, createdAt: ctx.clock.now() });
    },

    /**
     * Inside a sale's write: who earns a referral share of the platform fee on a sale by `creatorId` at
     * `at`, and how much of the fee (basis points); null when nobody does.
     */
    async shareTx(
      tx: DrizzleDb,
      creatorId: string,
      at: number,
    ): Promise<{ referrerId: string; shareBasisPoints: number } | null> {
      const ref = await referralsRepo.ofReferred(tx, creatorId);
      if (!ref) return null;
      const since = await creators.creatorSince(creatorId, tx);
      if (since === null || at < since || at >= since + REFERRAL_WINDOW_MS) return null;
      const shareBasisPoints = Math.round((await site.settings(tx)).referralSharePercent * 100);
      return shareBasisPoints > 0 ? { referrerId: ref.referrerId, shareBasisPoints } : null;
    },

    /** GET /referrals: the caller's link and the people who came through it (creators only). */
    async mine(userId: string) {
      const me = await users.byId(userId);
      if (!me || !(await creators.isCreator(userId)))
        throw new Forbidden("Only creators have a referral link.", "not_a_creator");
      const ids = await referralsRepo.referredIds(ctx.db.read, userId);
      let creatorsCount = 0;
      for (const id of ids) if (await creators.isCreator(id)) creatorsCount++;
      return {
        code: me.username,
        url: `${publicUrl(ctx.config)}/signup?ref=${encodeURIComponent(me.username)}`,
        referredCount: ids.length,
        creatorsCount,
        sharePercent: (await site.settings()).referralSharePercent,
        months: 12,
      };
    },

    /** GDPR export: who referred the person, if anyone. */
    async personalData(userId: string) {
      const ref = await referralsRepo.ofReferred(ctx.db.read, userId);
      return { referredBy: ref ? ((await users.byId(ref.referrerId))?.username ?? "deleted") : null };
    },
  };
}

export type ReferralsService = ReturnType<typeof createReferralsService>;
