// A big site seeded straight through drizzle, shared by the feed and capacity benchmarks: creators with
// profiles, posts over the last ~6 months (30 % public, 50 % subscribers-only, 20 % pay-per-view), fans
// with live subscriptions, a few likes and one PPV unlock each, and sessions for the fans that drive the
// load. One shared password hash, so no argon2 per user; a fixed PRNG seed, so every run seeds the same
// shape (ids stay random).
import type { Config } from "../../src/config/schema.ts";
import {
  creatorProfiles,
  postLikes,
  postUnlocks,
  posts,
  subscriptions,
  users,
  type CreatorProfileRow,
  type PostRow,
  type SubscriptionRow,
  type UserRow,
} from "../../src/db/schema.ts";
import { newId } from "../../src/lib/ids.ts";
import { prng } from "../../tests/helpers/prng.ts";
import type { buildApp } from "../../src/main.ts";

export type BuiltApp = Awaited<ReturnType<typeof buildApp>>;

export interface SiteShape {
  creators: number;
  posts: number;
  fans: number;
  subsPerFan: number;
  /** Fans (spread over the whole population) that get a session: the load drivers' viewers. */
  loadFans: number;
}

export interface SeededSite {
  admin: UserRow;
  creators: UserRow[];
  profiles: CreatorProfileRow[];
  fans: UserRow[];
  posts: PostRow[];
  /** Each creator's posts, by creator id. */
  postsOf: Map<string, PostRow[]>;
  /** The creators each fan subscribes to, by fan id. */
  subscribedTo: Map<string, UserRow[]>;
  /** The PPV post each fan bought (at most one), by fan id. */
  unlockedBy: Map<string, string>;
  loadFans: UserRow[];
  /** Bearer tokens of `loadFans`, in the same order. */
  tokens: string[];
  counts: Record<string, number>;
}

export const DAY = 86_400_000;

export type Prng = ReturnType<typeof prng>;

const WORDS = (
  "new set today behind the scenes thank you all for the support shooting again tomorrow " +
  "this one is special long week finally here morning light studio session coffee first " +
  "preview full version for subscribers tell me what you think more soon"
).split(" ");

export function sentence(rnd: Prng, minWords: number, maxWords: number): string {
  const n = minWords + rnd.below(maxWords - minWords + 1);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[rnd.below(WORDS.length)]!);
  const text = out.join(" ");
  return text[0]!.toUpperCase() + text.slice(1) + ".";
}

export function* chunks<T>(rows: T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const pad = (n: number) => String(n).padStart(5, "0");

/** SQLite allows 32,766 bound parameters per statement; 1,000 rows x <= 14 columns stays under it. */
export const BATCH = 1_000;

/** Seeds `shape` into the app's (empty, migrated) database and completes the site's setup. */
export async function seedSite(
  { ctx, services }: BuiltApp,
  config: Config,
  shape: SiteShape,
): Promise<SeededSite> {
  const rnd = prng(20240601);
  const now = Date.now();
  const passwordHash = await services.auth.hashPassword("bench-password");
  const currency = config.payments.currency;

  const user = (kind: string, i: number, role: UserRow["role"], at: number): UserRow => ({
    id: newId(),
    email: `${kind}${pad(i)}@bench.invalid`,
    username: `${kind}${pad(i)}`,
    displayName: `${kind[0]!.toUpperCase()}${kind.slice(1)} ${i}`,
    passwordHash,
    role,
    ageConfirmedAt: at,
    status: "active",
    statusReason: null,
    suspendedUntil: null,
    emailVerifiedAt: null,
    twoFactorEnabledAt: null,
    createdAt: at,
    updatedAt: at,
  });

  const admin = user("admin", 0, "admin", now - 400 * DAY);
  const creators: UserRow[] = [];
  const profiles: CreatorProfileRow[] = [];
  for (let i = 0; i < shape.creators; i++) {
    const at = now - (200 + rnd.below(200)) * DAY;
    const u = user("creator", i, "creator", at);
    creators.push(u);
    profiles.push({
      userId: u.id,
      bio: sentence(rnd, 5, 25),
      priceCents: 299 + 100 * rnd.below(20),
      currency,
      bundles: [],
      dmPolicy: "subscribers",
      welcomeMessage: null,
      verifiedAt: null,
      avatarMediaId: null,
      bannerMediaId: null,
      trialDays: 0,
      createdAt: at,
      updatedAt: at,
    });
  }
  const fans: UserRow[] = [];
  for (let i = 0; i < shape.fans; i++) fans.push(user("fan", i, "fan", now - (30 + rnd.below(300)) * DAY));

  // Posts over the last ~6 months: 30 % public, 50 % subscribers-only, 20 % pay-per-view.
  const postRows: PostRow[] = [];
  const postsOf = new Map<string, PostRow[]>(creators.map((c) => [c.id, []]));
  for (let i = 0; i < shape.posts; i++) {
    const creator = creators[rnd.below(shape.creators)]!;
    const at = now - 60_000 - rnd.below(180 * DAY);
    const roll = rnd.next();
    const visibility = roll < 0.3 ? "public" : roll < 0.8 ? "subscribers" : "ppv";
    const row: PostRow = {
      id: newId(),
      creatorId: creator.id,
      text: sentence(rnd, 4, 60),
      visibility,
      priceCents: visibility === "ppv" ? 199 + 100 * rnd.below(30) : null,
      status: "published",
      publishAt: null,
      publishedAt: at,
      likesCount: 0,
      commentsCount: 0,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    postRows.push(row);
    postsOf.get(creator.id)!.push(row);
  }

  // `subsPerFan` distinct creators per fan, all live; each fan liked a few posts and bought one PPV post.
  const subRows: SubscriptionRow[] = [];
  const likeRows: (typeof postLikes.$inferInsert)[] = [];
  const unlockRows: (typeof postUnlocks.$inferInsert)[] = [];
  const subscribedTo = new Map<string, UserRow[]>();
  const unlockedBy = new Map<string, string>();
  for (const fan of fans) {
    const picked = new Set<number>();
    while (picked.size < shape.subsPerFan) picked.add(rnd.below(shape.creators));
    const mine = [...picked].map((i) => creators[i]!);
    subscribedTo.set(fan.id, mine);
    for (const [k, ci] of [...picked].entries()) {
      const creator = creators[ci]!;
      const start = now - (1 + rnd.below(25)) * DAY;
      subRows.push({
        id: newId(),
        fanId: fan.id,
        creatorId: creator.id,
        status: "active",
        priceCents: profiles[ci]!.priceCents,
        currency,
        months: 1,
        autoRenew: true,
        providerRef: null,
        currentPeriodStart: start,
        currentPeriodEnd: start + 30 * DAY,
        createdAt: start - (k % 3) * 30 * DAY,
        updatedAt: start,
      });
    }
    const liked = new Set<PostRow>();
    for (let j = 0; j < 5; j++) {
      const list = postsOf.get(mine[rnd.below(mine.length)]!.id)!;
      if (list.length > 0) liked.add(list[rnd.below(list.length)]!);
    }
    for (const p of liked) {
      p.likesCount++;
      likeRows.push({ postId: p.id, userId: fan.id, createdAt: now - rnd.below(30 * DAY) });
    }
    const ppv = postsOf.get(mine[0]!.id)!.filter((p) => p.visibility === "ppv");
    if (ppv.length > 0) {
      const postId = ppv[rnd.below(ppv.length)]!.id;
      unlockRows.push({ userId: fan.id, postId, createdAt: now - rnd.below(30 * DAY) });
      unlockedBy.set(fan.id, postId);
    }
  }

  const loadFans = Array.from(
    { length: shape.loadFans },
    (_, i) => fans[Math.floor((i * shape.fans) / shape.loadFans)]!,
  );

  await ctx.db.write(async (tx) => {
    for (const part of chunks([admin, ...creators, ...fans], BATCH)) await tx.insert(users).values(part);
    for (const part of chunks(profiles, BATCH)) await tx.insert(creatorProfiles).values(part);
  });
  await ctx.db.write(async (tx) => {
    for (const part of chunks(postRows, BATCH)) await tx.insert(posts).values(part);
  });
  await ctx.db.write(async (tx) => {
    for (const part of chunks(subRows, BATCH)) await tx.insert(subscriptions).values(part);
    for (const part of chunks(likeRows, BATCH)) await tx.insert(postLikes).values(part);
    for (const part of chunks(unlockRows, BATCH)) await tx.insert(postUnlocks).values(part);
  });
  const tokens = await ctx.db.write(async (tx) => {
    await services.site.update(tx, { name: "Bench", setupCompletedAt: now });
    const out: string[] = [];
    for (const f of loadFans) out.push((await services.auth.createSession(tx, f.id)).token);
    return out;
  });
  ctx.db.raw?.writer.pragma("optimize");

  return {
    admin,
    creators,
    profiles,
    fans,
    posts: postRows,
    postsOf,
    subscribedTo,
    unlockedBy,
    loadFans,
    tokens,
    counts: {
      users: 1 + creators.length + fans.length,
      creators: creators.length,
      fans: fans.length,
      posts: postRows.length,
      subscriptions: subRows.length,
      likes: likeRows.length,
      unlocks: unlockRows.length,
      sessions: tokens.length,
    },
  };
}
