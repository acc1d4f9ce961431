// DMCA (17 U.S.C. § 512): notices from the public form (every element of § 512(c)(3) required,
// rate-limited per address); the admin takes the named content down (the notice's URLs resolved to posts
// of this site by the posts module) or rejects the notice. A takedown records a strike on each creator
// whose content went and tells them (in-app and by mail, whatever they chose: it is a legal notice). The
// creator may send a counter-notice (§ 512(g)(3)); the admin may restore the content once the waiting
// period (a site setting, 14 days ≈ 10 business days) has passed since it; restoring withdraws the
// strike. A creator with `dmcaStrikeLimit` active strikes is suspended as a repeat infringer (§ 512(i)).
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { HOUR } from "../../lib/clock.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { Conflict, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import type { Port } from "../../lib/port.ts";
import { days, type Actor, type ComplianceDeps } from "./intake.ts";
import type { ComplianceContent } from "./records.ts";
import { dmcaRepo } from "./repo.ts";
import type {
  CounterNotice,
  DmcaClaimant,
  DmcaNoticeRow,
  DmcaStatus,
  DmcaStrikeRow,
  DmcaTarget,
} from "./tables.ts";

export interface NoticeInput {
  claimant: DmcaClaimant;
  work: string;
  urls: string[];
  goodFaith: true;
  accuracy: true;
  signature: string;
}

export function createDmca(ctx: AppContext, deps: ComplianceDeps, content: Port<ComplianceContent>) {
  const now = () => ctx.clock.now();

  const restorableAt = (s: DmcaStrikeRow, waitDays: number) =>
    s.counteredAt === null ? null : s.counteredAt + days(waitDays);

  async function names(ids: string[]) {
    return new Map((await deps.users.namesByIds([...new Set(ids)])).map((n) => [n.id, n]));
  }

  function strikeView(s: DmcaStrikeRow, waitDays: number, person?: { username: string }) {
    return {
      userId: s.userId,
      username: person?.username ?? "",
      counter: s.counter,
      counteredAt: s.counteredAt,
      restorableAt: restorableAt(s, waitDays),
      withdrawnAt: s.withdrawnAt,
      createdAt: s.createdAt,
    };
  }

  async function adminView(n: DmcaNoticeRow) {
    const waitDays = (await deps.site.settings()).dmcaRestoreWaitDays;
    const strikes = await dmcaRepo.strikesOfNotice(ctx.db.read, n.id);
    const people = await names(strikes.map((s) => s.userId));
    return {
      id: n.id,
      status: n.status,
      claimant: n.claimant,
      work: n.work,
      urls: n.urls,
      signature: n.signature,
      ip: n.ip,
      targets: n.targets,
      rejectReason: n.rejectReason,
      decidedAt: n.decidedAt,
      restoredAt: n.restoredAt,
      createdAt: n.createdAt,
      strikes: strikes.map((s) => strikeView(s, waitDays, people.get(s.userId))),
    };
  }

  async function noticeOr404(db: DrizzleDb, id: string) {
    const n = await dmcaRepo.byId(db, id);
    if (!n) throw new NotFound("Notice");
    return n;
  }

  /** What the notice's URLs name on this site now. */
  async function resolve(urls: string[]): Promise<DmcaTarget[]> {
    const out: DmcaTarget[] = [];
    for (const url of urls)
      for (const post of await content.get().resolveUrl(url))
        if (!out.some((t) => t.id === post.id)) out.push({ type: "post", ...post, url });
    return out;
  }

  /** Suspends a creator with too many active strikes (inside the takedown's write). */
  async function repeatInfringerTx(tx: DrizzleDb, admin: Actor, userId: string, limit: number) {
    const strikes = await dmcaRepo.activeStrikes(tx, userId);
    if (strikes < limit) return;
    const reason = `Repeated copyright infringement: ${strikes} DMCA strikes.`;
    await deps.users.setStatusTx(tx, userId, { status: "suspended", reason, until: null });
    await deps.audit.recordTx(tx, {
      actorId: admin.id,
      ip: admin.ip,
      action: "user.suspend",
      target: { type: "user", id: userId },
      details: { automatic: true, cause: "dmca_repeat_infringer", strikes, limit },
    });
  }

  return {
    /** A notice from the public form; at most `[compliance] dmca_notices_per_hour` per address. */
    async submit(input: NoticeInput, ip: string) {
      const row: DmcaNoticeRow = {
        id: newId(),
        status: "open",
        claimant: input.claimant,
        work: input.work,
        urls: input.urls,
        signature: input.signature,
        ip,
        targets: null,
        deciderId: null,
        decidedAt: null,
        rejectReason: null,
        restoredAt: null,
        createdAt: now(),
      };
      await ctx.db.write(async (tx) => {
        await deps.rateLimit.consumeTx(
          tx,
          [[`dmca:ip:${ip}`, { max: ctx.config.compliance.dmca_notices_per_hour, windowMs: HOUR }]],
          "Too many notices from this address; try again later.",
        );
        await dmcaRepo.insert(tx, row);
      });
      return { id: row.id, status: row.status, createdAt: row.createdAt };
    },

    async list(status: DmcaStatus | null, cursor: Cursor | null, limit: number) {
      const p = page(await dmcaRepo.list(ctx.db.read, status, cursor, limit + 1), limit, (r) => ({
        key: r.createdAt,
        id: r.id,
      }));
      return { items: await Promise.all(p.items.map(adminView)), nextCursor: p.nextCursor };
    },

    /** One notice for the admin, with what its URLs name on this site now (while it is open). */
    async get(id: string) {
      const n = await noticeOr404(ctx.db.read, id);
      return { ...(await adminView(n)), resolved: n.status === "open" ? await resolve(n.urls) : null };
    },

    async takedown(admin: Actor, id: string) {
      const notice = await noticeOr404(ctx.db.read, id);
      if (notice.status !== "open") throw new Conflict(`This notice is ${notice.status}.`, "dmca_not_open");
      const targets = await resolve(notice.urls);
      if (targets.length === 0)
        throw new Conflict(
          "None of the notice's URLs names a post or medium on this site: reject the notice instead.",
          "nothing_to_take_down",
        );
      const settings = await deps.site.settings();
      await ctx.db.write(async (tx) => {
        const t = now();
        const moved = await dmcaRepo.move(tx, id, ["open"], {
          status: "taken_down",
          targets,
          deciderId: admin.id,
          decidedAt: t,
        });
        if (!moved) throw new Conflict("This notice was decided meanwhile.", "dmca_not_open");
        await content.get().takeDownTx(
          tx,
          targets.map((x) => x.id),
        );
        const creators = [...new Set(targets.map((x) => x.creatorId))];
        await dmcaRepo.insertStrikes(
          tx,
          creators.map((userId) => ({
            id: newId(),
            noticeId: id,
            userId,
            counter: null,
            counteredAt: null,
            withdrawnAt: null,
            createdAt: t,
          })),
        );
        await deps.audit.recordTx(tx, {
          actorId: admin.id,
          ip: admin.ip,
          action: "dmca.takedown",
          target: { type: "dmca", id },
          details: { posts: targets.map((x) => x.id), creators },
        });
        for (const userId of creators) {
          const theirs = targets.filter((x) => x.creatorId === userId);
          await deps.notifications.notifyTx(tx, {
            userId,
            kind: "dmca_notice",
            required: true,
            text:
              `${theirs.length === 1 ? "Your post was" : `${theirs.length} of your posts were`} removed after a ` +
              `copyright (DMCA) notice from ${notice.claimant.name}. If you believe this is a mistake, you can ` +
              `send a counter-notice.`,
            quote: `Work: ${notice.work}\nNamed: ${theirs.map((x) => x.url).join(", ")}`,
            link: `/dmca/notices/${id}`,
            data: { noticeId: id, postIds: theirs.map((x) => x.id) },
          });
          await repeatInfringerTx(tx, admin, userId, settings.dmcaStrikeLimit);
        }
      });
      return this.get(id);
    },

    async reject(admin: Actor, id: string, reason: string) {
      await ctx.db.write(async (tx) => {
        const n = await noticeOr404(tx, id);
        const moved = await dmcaRepo.move(tx, id, ["open"], {
          status: "rejected",
          rejectReason: reason,
          deciderId: admin.id,
          decidedAt: now(),
        });
        if (!moved) throw new Conflict(`This notice is ${n.status}.`, "dmca_not_open");
        await deps.audit.recordTx(tx, {
          actorId: admin.id,
          ip: admin.ip,
          action: "dmca.reject",
          target: { type: "dmca", id },
          details: { reason },
        });
      });
      return this.get(id);
    },

    /** The notices about a creator's content, newest first. */
    async mine(userId: string, cursor: Cursor | null, limit: number) {
      const p = page(await dmcaRepo.strikesOf(ctx.db.read, userId, cursor, limit + 1), limit, (s) => ({
        key: s.createdAt,
        id: s.id,
      }));
      return {
        items: await Promise.all(p.items.map((s) => this.forCreator(userId, s.noticeId))),
        nextCursor: p.nextCursor,
      };
    },

    /** A notice as the creator whose content it took sees it. */
    async forCreator(userId: string, id: string) {
      const strike = await dmcaRepo.strike(ctx.db.read, id, userId);
      if (!strike) throw new NotFound("Notice");
      const n = (await dmcaRepo.byId(ctx.db.read, id))!;
      const waitDays = (await deps.site.settings()).dmcaRestoreWaitDays;
      return {
        id: n.id,
        status: n.status,
        claimant: { name: n.claimant.name, email: n.claimant.email },
        work: n.work,
        urls: (n.targets ?? []).filter((x) => x.creatorId === userId).map((x) => x.url),
        postIds: (n.targets ?? []).filter((x) => x.creatorId === userId).map((x) => x.id),
        decidedAt: n.decidedAt,
        createdAt: n.createdAt,
        counter: strike.counter,
        counteredAt: strike.counteredAt,
        restorableAt: restorableAt(strike, waitDays),
        withdrawnAt: strike.withdrawnAt,
      };
    },

    /** The creator's counter-notice; the admin may restore once the waiting period is over. */
    async counter(actor: Actor, id: string, counter: CounterNotice) {
      await ctx.db.write(async (tx) => {
        const strike = await dmcaRepo.strike(tx, id, actor.id);
        if (!strike) throw new NotFound("Notice");
        if (strike.counter) throw new Conflict("You already sent a counter-notice.", "already_countered");
        if (strike.withdrawnAt) throw new Conflict("Your content was restored already.", "already_restored");
        const t = now();
        await dmcaRepo.updateStrike(tx, strike.id, { counter, counteredAt: t });
        await dmcaRepo.move(tx, id, ["taken_down", "countered"], { status: "countered" });
        await deps.audit.recordTx(tx, {
          actorId: actor.id,
          ip: actor.ip,
          action: "dmca.counter",
          target: { type: "dmca", id },
        });
      });
      return this.forCreator(actor.id, id);
    },

    /** Restores what counter-noticing creators had taken down, once their waiting period is over. */
    async restore(admin: Actor, id: string) {
      const waitDays = (await deps.site.settings()).dmcaRestoreWaitDays;
      await ctx.db.write(async (tx) => {
        const n = await noticeOr404(tx, id);
        const strikes = (await dmcaRepo.strikesOfNotice(tx, id)).filter((s) => s.counter && !s.withdrawnAt);
        if (n.status !== "countered" || strikes.length === 0)
          throw new Conflict("Content is restored only after a counter-notice.", "no_counter_notice");
        const t = now();
        const due = strikes.filter((s) => restorableAt(s, waitDays)! <= t);
        if (due.length === 0) {
          const at = Math.min(...strikes.map((s) => restorableAt(s, waitDays)!));
          throw new Conflict(
            `The waiting period after the counter-notice runs until ${new Date(at).toISOString().slice(0, 10)}.`,
            "waiting_period",
            { restorableAt: at },
          );
        }
        const creators = due.map((s) => s.userId);
        const posts = (n.targets ?? []).filter((x) => creators.includes(x.creatorId));
        await content.get().restoreTx(tx, posts);
        for (const s of due) await dmcaRepo.updateStrike(tx, s.id, { withdrawnAt: t });
        const left = strikes.length - due.length;
        if (left === 0) await dmcaRepo.move(tx, id, ["countered"], { status: "restored", restoredAt: t });
        await deps.audit.recordTx(tx, {
          actorId: admin.id,
          ip: admin.ip,
          action: "dmca.restore",
          target: { type: "dmca", id },
          details: { posts: posts.map((x) => x.id), creators },
        });
        for (const userId of creators)
          await deps.notifications.notifyTx(tx, {
            userId,
            kind: "dmca_restored",
            text: "Your content removed after a copyright notice is restored following your counter-notice.",
            link: `/dmca/notices/${id}`,
            data: { noticeId: id },
          });
      });
      return this.get(id);
    },
  };
}

export type Dmca = ReturnType<typeof createDmca>;
