// Site settings the owner changes at run time (stored in the DB, unlike config.toml which the operator owns).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { randomBytes } from "node:crypto";
import { siteRepo } from "./repo.ts";

export interface SiteSettings {
  name: string;
  /** The site's cut of every sale, in percent (two decimals at most). */
  platformFeePercent: number;
  /** The smallest payout a creator may request. */
  payoutMinimumCents: number;
  /** Draw "site name · @creator" on the feed and full image variants of new uploads. */
  watermark: boolean;
  /** Set once the setup wizard has created the first admin. */
  setupCompletedAt: number | null;
}

const DEFAULTS: SiteSettings = {
  name: "Fanz",
  platformFeePercent: 20,
  payoutMinimumCents: 2000,
  watermark: false,
  setupCompletedAt: null,
};

export function createSiteService(ctx: AppContext) {
  // Setup never reverts, so once seen complete it is cached; before that every check reads the DB
  // (another node, or the CLI, may have completed it).
  let setupDone = false;

  async function settings(db: DrizzleDb = ctx.db.read): Promise<SiteSettings> {
    const out: Record<string, unknown> = { ...DEFAULTS };
    for (const row of await siteRepo.all(db)) {
      if (row.key in DEFAULTS) out[row.key] = JSON.parse(row.value) as unknown;
    }
    return out as unknown as SiteSettings;
  }

  return {
    settings,
    async isSetupComplete(): Promise<boolean> {
      if (!setupDone) setupDone = (await settings()).setupCompletedAt !== null;
      return setupDone;
    },
    async update(tx: DrizzleDb, patch: Partial<SiteSettings>): Promise<void> {
      const now = ctx.clock.now();
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) await siteRepo.put(tx, key, JSON.stringify(value), now);
      }
    },
    /** Internal values that are not settings (e.g. the setup token hash). */
    secret: {
      get: async (key: string, db: DrizzleDb = ctx.db.read) =>
        (await siteRepo.get(db, `secret:${key}`))?.value ?? null,
      put: (tx: DrizzleDb, key: string, value: string) =>
        siteRepo.put(tx, `secret:${key}`, value, ctx.clock.now()),
      remove: (tx: DrizzleDb, key: string) => siteRepo.remove(tx, `secret:${key}`),
    },
    /** What the admin settings page edits. */
    async adminSettings() {
      const st = await settings();
      return {
        name: st.name,
        platformFeePercent: st.platformFeePercent,
        payoutMinimumCents: st.payoutMinimumCents,
        watermark: st.watermark,
      };
    },
    async updateSettings(
      patch: Partial<Pick<SiteSettings, "name" | "platformFeePercent" | "payoutMinimumCents" | "watermark">>,
      /** Runs in the same write with the settings as they were (the admin console's audit entry). */
      inTx?: (tx: DrizzleDb, before: SiteSettings) => Promise<void>,
    ) {
      await ctx.db.write(async (tx) => {
        const before = await settings(tx);
        const now = ctx.clock.now();
        for (const [key, value] of Object.entries(patch)) {
          if (value !== undefined) await siteRepo.put(tx, key, JSON.stringify(value), now);
        }
        await inTx?.(tx, before);
      });
      const st = await settings();
      return {
        name: st.name,
        platformFeePercent: st.platformFeePercent,
        payoutMinimumCents: st.payoutMinimumCents,
        watermark: st.watermark,
      };
    },
    /** A random secret of the site (e.g. the sandbox webhook key), created on first use. */
    async generatedSecret(name: string): Promise<string> {
      const key = `secret:${name}`;
      const existing = (await siteRepo.get(ctx.db.read, key))?.value;
      if (existing) return existing;
      return ctx.db.write(async (tx) => {
        const raced = (await siteRepo.get(tx, key))?.value;
        if (raced) return raced;
        const secret = randomBytes(32).toString("hex");
        await siteRepo.put(tx, key, secret, ctx.clock.now());
        return secret;
      });
    },
    present: async () => {
      const s = await settings();
      return {
        name: s.name,
        setupRequired: s.setupCompletedAt === null,
        currency: ctx.config.payments.currency,
        live: ctx.config.live.enabled,
      };
    },
  };
}

export type SiteService = ReturnType<typeof createSiteService>;
