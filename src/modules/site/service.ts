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
  /** Creators must pass identity verification (KYC) before they sell anything, go live or get paid. */
  requireCreatorVerification: boolean;
  /** The 2257 custodian-of-records statement shown on the public /2257 page. */
  custodianOfRecords: string;
  /** Days KYC and 2257 records (and their documents) are kept after the account they belong to is closed. */
  recordsRetentionDays: number;
  /** Active DMCA strikes that suspend a creator as a repeat infringer. */
  dmcaStrikeLimit: number;
  /** Days after a counter-notice before the admin may restore the content (10 business days ≈ 14). */
  dmcaRestoreWaitDays: number;
  /** A referrer's share of the platform fee on a referred creator's sales for their first year, percent. */
  referralSharePercent: number;
}

/** The settings the admin console edits. */
const ADMIN_KEYS = [
  "name",
  "platformFeePercent",
  "payoutMinimumCents",
  "watermark",
  "requireCreatorVerification",
  "custodianOfRecords",
  "recordsRetentionDays",
  "dmcaStrikeLimit",
  "dmcaRestoreWaitDays",
  "referralSharePercent",
] as const;
export type AdminSettings = Pick<SiteSettings, (typeof ADMIN_KEYS)[number]>;
const adminView = (st: SiteSettings): AdminSettings =>
  Object.fromEntries(ADMIN_KEYS.map((k) => [k, st[k]])) as AdminSettings;

const DEFAULTS: SiteSettings = {
  name: "Fanz",
  platformFeePercent: 20,
  payoutMinimumCents: 2000,
  watermark: false,
  setupCompletedAt: null,
  requireCreatorVerification: false,
  custodianOfRecords: "",
  // 28 CFR 75.4: records are kept at least seven years.
  recordsRetentionDays: 7 * 365,
  dmcaStrikeLimit: 3,
  dmcaRestoreWaitDays: 14,
  referralSharePercent: 5,
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
    adminSettings: async () => adminView(await settings()),
    async updateSettings(
      patch: Partial<AdminSettings>,
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
      return adminView(await settings());
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
