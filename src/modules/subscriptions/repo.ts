import {
  and,
  asc,
  count,
  eq,
  gt,
  gte,
  isNotNull,
  isNull,
  lte,
  desc,
  not,
  or,
  sql,
  type Placeholder,
  type SQLWrapper,
} from "drizzle-orm";
import { prepared } from "../../db/prepared.ts";
import { before } from "../../db/keyset.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { all, dayOfEpochMs, firstRow, rows } from "../../db/query.ts";
import type { Cursor } from "../../lib/cursor.ts";
import { users } from "../users/tables.ts";
import { subscriptions, type SubscriptionRow } from "./tables.ts";

/**
 * The fan and the creator both in good standing: active, or suspended until a time now past. While either
 * is banned or suspended their paid subscriptions are not renewed (and nothing is charged for the time).
 */
const bothInGoodStanding = (now: number) => {
  const good = (id: SQLWrapper) =>
    sql`NOT EXISTS (SELECT 1 FROM ${users} WHERE ${users.id} = ${id} AND NOT (${users.status} = 'active' OR (${users.status} = 'suspended' AND ${users.suspendedUntil} <= ${now})))`;
  return and(good(subscriptions.fanId), good(subscriptions.creatorId));
};

/** Who a mass message reaches. */
export type Audience = "subscribers" | "expired" | "all";

const entitled = (now: number | Placeholder) =>
  and(eq(subscriptions.status, "active"), gt(subscriptions.currentPeriodEnd, now));

/** A creator's fans that an audience takes in: with access now, without it any more, or all. */
const audienceOf = (creatorId: string, who: Audience, now: number) =>
  and(
    eq(subscriptions.creatorId, creatorId),
    who === "subscribers" ? entitled(now) : who === "expired" ? not(entitled(now)!) : undefined,
  );

export const subscriptionsRepo = {
  byId: (db: DrizzleDb, id: string) =>
    db.select().from(subscriptions).where(eq(subscriptions.id, id)).then(firstRow),
  byProviderRef: (db: DrizzleDb, ref: string) =>
    db.select().from(subscriptions).where(eq(subscriptions.providerRef, ref)).then(firstRow),
  byPair: (db: DrizzleDb, fanId: string, creatorId: string) =>
    db
      .select()
      .from(subscriptions)
      .where(and(eq(subscriptions.fanId, fanId), eq(subscriptions.creatorId, creatorId)))
      .then(firstRow),
  insert: async (db: DrizzleDb, row: SubscriptionRow): Promise<void> => {
    await db.insert(subscriptions).values(row);
  },
  /** Starts a new active period (renewals: a hot path, so prepared once). */
  setPeriod: async (db: DrizzleDb, id: string, start: number, end: number, now: number): Promise<void> => {
    await prepared(db, "subscriptions.setPeriod", () =>
      db
        .update(subscriptions)
        .set({
          status: "active",
          currentPeriodStart: sql`${sql.placeholder("start")}`,
          currentPeriodEnd: sql`${sql.placeholder("end")}`,
          updatedAt: sql`${sql.placeholder("now")}`,
        })
        .where(eq(subscriptions.id, sql.placeholder("id")))
        .prepare(),
    ).run({ id, start, end, now });
  },
  update: async (db: DrizzleDb, id: string, patch: Partial<Omit<SubscriptionRow, "id">>): Promise<void> => {
    await db.update(subscriptions).set(patch).where(eq(subscriptions.id, id));
  },
  /** The fan's subscriptions that grant access now, with the end of their current period. */
  liveOfFan: (
    db: DrizzleDb,
    fanId: string,
    now: number,
  ): Promise<{ creatorId: string; currentPeriodEnd: number }[]> =>
    prepared(db, "subscriptions.liveOfFan", () =>
      db
        .select({ creatorId: subscriptions.creatorId, currentPeriodEnd: subscriptions.currentPeriodEnd })
        .from(subscriptions)
        .where(and(eq(subscriptions.fanId, sql.placeholder("fan")), entitled(sql.placeholder("now"))))
        .prepare(),
    ).all({ fan: fanId, now }),
  listOfFan: (
    db: DrizzleDb,
    fanId: string,
    cursor: Cursor | null,
    limit: number,
  ): Promise<SubscriptionRow[]> =>
    all(
      db
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.fanId, fanId), before(subscriptions.createdAt, subscriptions.id, cursor)))
        .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
        .limit(limit),
    ),
  /** How many paid subscriptions to a creator give access now (served by the (creator_id, status) index). */
  livePaidOfCreator: async (db: DrizzleDb, creatorId: string, now: number): Promise<number> =>
    (await db
      .select({ n: count() })
      .from(subscriptions)
      .where(and(eq(subscriptions.creatorId, creatorId), entitled(now), gt(subscriptions.priceCents, 0)))
      .then(firstRow))!.n,
  /**
   * Paid auto-renewing rows whose period has ended and that we charge ourselves (no provider subscription),
   * between people in good standing (held accounts wait; the row stays due and renews once released).
   */
  dueForRenewal: (db: DrizzleDb, now: number, limit: number): Promise<SubscriptionRow[]> =>
    all(
      db
        .select()
        .from(subscriptions)
        .where(
          and(
            eq(subscriptions.status, "active"),
            lte(subscriptions.currentPeriodEnd, now),
            eq(subscriptions.autoRenew, true),
            gt(subscriptions.priceCents, 0),
            isNull(subscriptions.providerRef),
            bothInGoodStanding(now),
          ),
        )
        .limit(limit),
    ),
  /**
   * Active rows whose period has ended and that are not ours to charge: free ones, ones without
   * auto-renew, and provider-renewed ones (served by the (status, current_period_end) index).
   */
  due: (db: DrizzleDb, now: number, limit: number): Promise<SubscriptionRow[]> =>
    all(
      db
        .select()
        .from(subscriptions)
        .where(
          and(
            eq(subscriptions.status, "active"),
            lte(subscriptions.currentPeriodEnd, now),
            or(
              eq(subscriptions.autoRenew, false),
              eq(subscriptions.priceCents, 0),
              isNotNull(subscriptions.providerRef),
            ),
          ),
        )
        .limit(limit),
    ),
  /** A creator's fans in id order after `afterFanId`: live subscribers, lapsed ones, or both. */
  audience: (
    db: DrizzleDb,
    creatorId: string,
    who: Audience,
    afterFanId: string | null,
    limit: number,
    now: number,
  ): Promise<string[]> =>
    db
      .select({ fanId: subscriptions.fanId })
      .from(subscriptions)
      .where(
        and(
          audienceOf(creatorId, who, now),
          afterFanId === null ? undefined : gt(subscriptions.fanId, afterFanId),
        ),
      )
      .orderBy(asc(subscriptions.fanId))
      .limit(limit)
      .then((r) => r.map((x) => x.fanId)),
  audienceCount: async (db: DrizzleDb, creatorId: string, who: Audience, now: number): Promise<number> =>
    (await db
      .select({ n: count() })
      .from(subscriptions)
      .where(audienceOf(creatorId, who, now))
      .then(firstRow))!.n,
};

/** Discovery's rankings: per creator, subscriptions started since a time, and live subscribers now. */
export const subscriptionRankingsRepo = {
  startedSince: (db: DrizzleDb, since: number) =>
    db
      .select({ creatorId: subscriptions.creatorId, n: count() })
      .from(subscriptions)
      .where(gte(subscriptions.createdAt, since))
      .groupBy(subscriptions.creatorId),
  live: (db: DrizzleDb, now: number) =>
    db
      .select({ creatorId: subscriptions.creatorId, n: count() })
      .from(subscriptions)
      .where(entitled(now))
      .groupBy(subscriptions.creatorId),
};

/** What GDPR export and erasure read and change of a person's subscriptions. */
export const subscriptionsPrivacyRepo = {
  asFan: (db: DrizzleDb, fanId: string) =>
    db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.fanId, fanId))
      .orderBy(asc(subscriptions.createdAt)),
  /** A creator's subscribers counted by status (other people's subscriptions are theirs, not in an export). */
  countsAsCreator: (db: DrizzleDb, creatorId: string) =>
    db
      .select({ status: subscriptions.status, n: count() })
      .from(subscriptions)
      .where(eq(subscriptions.creatorId, creatorId))
      .groupBy(subscriptions.status),
  /** Erasure: nothing renews any more, either side; provider-renewed ones are listed to stop there too. */
  async stopRenewals(db: DrizzleDb, userId: string, now: number): Promise<{ providerRef: string }[]> {
    const who = or(eq(subscriptions.fanId, userId), eq(subscriptions.creatorId, userId));
    const atProvider = await db
      .select({ providerRef: subscriptions.providerRef })
      .from(subscriptions)
      .where(and(who, eq(subscriptions.autoRenew, true), isNotNull(subscriptions.providerRef)));
    await db
      .update(subscriptions)
      .set({ autoRenew: false, updatedAt: now })
      .where(and(who, eq(subscriptions.autoRenew, true)));
    return atProvider.map((r) => ({ providerRef: r.providerRef! }));
  },
};

/**
 * When a subscription row's access ended (null while it lasts): the end of its period, or earlier when it
 * was ended (refund, chargeback: `updated_at` is when). A row is renewed in place, so a fan who lapsed
 * and came back counts from their first start and the gap is not kept.
 */
const endedAt = (now: number) =>
  sql`CASE WHEN status = 'active' THEN (CASE WHEN current_period_end <= ${now} THEN current_period_end END)
    ELSE (CASE WHEN updated_at < current_period_end THEN updated_at ELSE current_period_end END) END`;

/** What analytics and the fans list read of a creator's subscriptions. */
export const subscriptionsAnalyticsRepo = {
  /**
   * Subscriptions started and ended per UTC day from `start` to `now`, in one query; day -1 sums what
   * started and ended before `start` (so the active count at the start is its new minus its churned).
   */
  startsAndEnds: (db: DrizzleDb, creatorId: string, start: number, now: number) =>
    rows<{ day: number; started: number | string; ended: number | string }>(
      db,
      sql`SELECT day, SUM(n) AS started, SUM(c) AS ended FROM (
          SELECT CASE WHEN created_at < ${start} THEN -1 ELSE ${dayOfEpochMs(sql`created_at`)} END AS day,
            1 AS n, 0 AS c
          FROM subscriptions WHERE creator_id = ${creatorId} AND created_at <= ${now}
          UNION ALL
          SELECT CASE WHEN ended < ${start} THEN -1 ELSE ${dayOfEpochMs(sql`ended`)} END AS day, 0 AS n, 1 AS c
          FROM (SELECT ${endedAt(now)} AS ended FROM subscriptions WHERE creator_id = ${creatorId}) x
          WHERE ended IS NOT NULL AND ended <= ${now}
        ) u GROUP BY day`,
    ),
  /** Every subscription row of a creator (one per fan) with when its access ended. */
  fansOf: (db: DrizzleDb, creatorId: string, now: number) =>
    rows<{
      fanId: string;
      status: string;
      currentPeriodEnd: number | string;
      autoRenew: number | boolean;
      createdAt: number | string;
      endedAt: number | string | null;
    }>(
      db,
      sql`SELECT fan_id AS "fanId", status, current_period_end AS "currentPeriodEnd", auto_renew AS "autoRenew",
          created_at AS "createdAt", ${endedAt(now)} AS "endedAt"
        FROM subscriptions WHERE creator_id = ${creatorId}`,
    ),
};
