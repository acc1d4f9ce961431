// 2257 records: who performs in a post besides its creator. Either a verified creator of this site (an
// approved KYC), named by username, who must confirm, or a release the creator keeps (the performer's
// legal identity, ID document and signed model release, uploaded here).
//
// The rule for co-performers: a post that names a co-performer who has not confirmed is held. The posts
// module keeps it a draft (visible to its creator only) and this module remembers that it is to be
// published (at once, or at its scheduled time); when the last co-performer confirms it is published. A
// co-performer who declines keeps it held until the creator removes them. Once a post is published its
// co-performers are fixed and releases can only be added.
import { z } from "zod";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { newId } from "../../lib/ids.ts";
import type { Port } from "../../lib/port.ts";
import { visibleText } from "../../lib/text.ts";
import type { DocumentStore } from "./documents.ts";
import {
  dateOfBirth,
  legalName,
  parseFields,
  requireAdult,
  seal,
  unseal,
  type ReleaseIdentity,
} from "./identity.ts";
import { documentRows, type Actor, type ComplianceDeps, type Intake, type UploadRequest } from "./intake.ts";
import type { Kyc } from "./kyc.ts";
import { documentsRepo, recordsRepo, releasesRepo } from "./repo.ts";
import type { PostPerformerRow, ReleaseRow } from "./tables.ts";

/** What the posts module does for this one (connected in src/services.ts). */
export interface ComplianceContent {
  /** Publishes a held post now that every co-performer confirmed (now, or at `publishAt`). */
  releaseHeldTx(tx: DrizzleDb, postId: string, publishAt: number | null): Promise<void>;
  /** Live posts a site URL names (`/posts/<id>`, a medium's `/media/<id>/…` carried by posts). */
  resolveUrl(url: string): Promise<{ id: string; creatorId: string; publishedAt: number | null }[]>;
  /** Takes posts down (they disappear everywhere); answers the ones it took. */
  takeDownTx(tx: DrizzleDb, postIds: string[]): Promise<void>;
  /** Puts taken-down posts back as they were. */
  restoreTx(tx: DrizzleDb, posts: { id: string; publishedAt: number | null }[]): Promise<void>;
  /** Posts in id order after `afterId` (the 2257 export walks every post). */
  postsAfter(
    afterId: string,
    limit: number,
  ): Promise<
    { id: string; creatorId: string; status: string; publishedAt: number | null; createdAt: number }[]
  >;
}

const otherNames = z
  .string()
  .max(1000, "At most 1000 characters.")
  .optional()
  .transform((s) =>
    (s ?? "")
      .split(/[\n,;]/)
      .map((n) => n.trim())
      .filter((n) => n.length > 0)
      .slice(0, 20),
  )
  .pipe(z.array(visibleText({ max: 200 })));
const releaseFields = z.object({ legalName, dateOfBirth, otherNames });

/** What posts tell this module when a post is written. */
export interface PerformersInput {
  postId: string;
  creatorId: string;
  /** Usernames; undefined = unchanged. */
  coPerformers?: string[] | undefined;
  /** undefined = unchanged. */
  releaseIds?: string[] | undefined;
  /** Whether the post is live already (its performers are then fixed; releases can be added). */
  published: boolean;
  /** The creator asks to publish (at once or at `publishAt`), or keeps a draft (null), or "keep": as it was. */
  wantsPublish: { publishAt: number | null } | null | "keep";
}

export function createRecords(
  ctx: AppContext,
  deps: ComplianceDeps,
  store: DocumentStore,
  intake: Intake,
  kyc: Pick<Kyc, "isVerified">,
  content: Port<ComplianceContent>,
) {
  const now = () => ctx.clock.now();
  const identityOf = (r: ReleaseRow) => unseal<ReleaseIdentity>(store.sealer, r.identity);
  const releaseView = (r: ReleaseRow) => ({ id: r.id, ...identityOf(r), createdAt: r.createdAt });

  /** The people named, by username: each a creator with an approved verification, not the poster. */
  async function coPerformerIds(tx: DrizzleDb, creatorId: string, usernames: string[]): Promise<string[]> {
    const ids: string[] = [];
    const bad: Record<string, string> = {};
    for (const [i, name] of usernames.entries()) {
      const u = await deps.users.byUsername(name.replace(/^@/, ""));
      if (!u || u.role === "fan") bad[`coPerformers.${i}.username`] = "No creator with this username";
      else if (u.id === creatorId) bad[`coPerformers.${i}.username`] = "You are the post's creator";
      else if (!(await kyc.isVerified(u.id, tx)))
        bad[`coPerformers.${i}.username`] =
          "Not verified: co-performers need an approved identity verification";
      else if (ids.includes(u.id)) bad[`coPerformers.${i}.username`] = "Named twice";
      else ids.push(u.id);
    }
    if (Object.keys(bad).length > 0)
      throw new Invalid(
        "Co-performers must be verified creators of this site (or add a release instead).",
        { fields: bad },
        "co_performer_not_verified",
      );
    return ids;
  }

  async function checkReleases(tx: DrizzleDb, creatorId: string, ids: string[]): Promise<void> {
    const found = new Map((await releasesRepo.byIds(tx, ids)).map((r) => [r.id, r]));
    const bad = Object.fromEntries(
      ids.flatMap((id, i) =>
        found.get(id)?.creatorId === creatorId ? [] : [[`releaseIds.${i}`, "Not one of your releases"]],
      ),
    );
    if (new Set(ids).size !== ids.length) bad.releaseIds = "Listed twice";
    if (Object.keys(bad).length > 0) throw new Invalid("Name only your own releases.", { fields: bad });
  }

  return {
    /**
     * Inside the post's write: records its performers and says whether it must wait (`held`: keep it a
     * draft) or may now be published (`release`, when the last unconfirmed co-performer was removed).
     */
    async performersTx(
      tx: DrizzleDb,
      input: PerformersInput,
    ): Promise<{ held: boolean; release: { publishAt: number | null } | null }> {
      const t = now();
      const record = await recordsRepo.record(tx, input.postId);
      if (!record && !input.coPerformers?.length && !input.releaseIds?.length)
        return { held: false, release: null };
      const existing = await recordsRepo.performersOf(tx, [input.postId]);
      const added: PostPerformerRow[] = [];
      const removed: string[] = [];
      if (input.coPerformers !== undefined) {
        const ids = await coPerformerIds(tx, input.creatorId, input.coPerformers);
        const before = existing.filter((p) => p.kind === "co_performer");
        const changed = before.length !== ids.length || before.some((p) => !ids.includes(p.performerId!));
        if (changed && input.published)
          throw new Conflict(
            "A published post's co-performers cannot change (add a release instead).",
            "performers_locked",
          );
        removed.push(...before.filter((p) => !ids.includes(p.performerId!)).map((p) => p.id));
        for (const id of ids.filter((id) => !before.some((p) => p.performerId === id)))
          added.push({
            id: newId(),
            postId: input.postId,
            kind: "co_performer",
            performerId: id,
            releaseId: null,
            status: "pending",
            createdAt: t,
            decidedAt: null,
          });
      }
      if (input.releaseIds !== undefined) {
        await checkReleases(tx, input.creatorId, input.releaseIds);
        const before = existing.filter((p) => p.kind === "release");
        const gone = before.filter((p) => !input.releaseIds!.includes(p.releaseId!));
        if (gone.length > 0 && input.published)
          throw new Conflict("A published post's releases can be added, not removed.", "performers_locked");
        removed.push(...gone.map((p) => p.id));
        for (const id of input.releaseIds.filter((id) => !before.some((p) => p.releaseId === id)))
          added.push({
            id: newId(),
            postId: input.postId,
            kind: "release",
            performerId: null,
            releaseId: id,
            status: "confirmed",
            createdAt: t,
            decidedAt: t,
          });
      }
      await recordsRepo.removePerformers(tx, removed);
      await recordsRepo.insertPerformers(tx, added);
      const now_ = [...existing.filter((p) => !removed.includes(p.id)), ...added];
      const waiting = now_.some((p) => p.kind === "co_performer" && p.status !== "confirmed");
      const wants = input.wantsPublish === "keep" ? (record?.pendingPublish ?? null) : input.wantsPublish;
      const held = waiting && wants !== null && !input.published;
      await recordsRepo.upsertRecord(tx, {
        postId: input.postId,
        creatorId: input.creatorId,
        pendingPublish: held ? wants : null,
        createdAt: record?.createdAt ?? t,
        updatedAt: t,
      });
      for (const p of added.filter((p) => p.kind === "co_performer"))
        await deps.notifications.notifyTx(tx, {
          userId: p.performerId!,
          kind: "co_performer_request",
          actorId: input.creatorId,
          text: "You were named as a co-performer in a post: confirm it to let the post be published.",
          link: "/settings/records",
          data: { postId: input.postId, requestId: p.id },
        });
      // "keep" with nobody left to wait for: the post the creator asked to publish goes out now.
      const release =
        !held && input.wantsPublish === "keep" && record?.pendingPublish ? record.pendingPublish : null;
      return { held, release };
    },

    /** The creator's posts that wait for co-performers, with who they wait for. */
    async held(creatorId: string) {
      const records = await recordsRepo.heldOf(ctx.db.read, creatorId);
      const performers = await recordsRepo.performersOf(
        ctx.db.read,
        records.map((r) => r.postId),
      );
      const names = new Map(
        (
          await deps.users.namesByIds([
            ...new Set(performers.flatMap((p) => (p.performerId ? [p.performerId] : []))),
          ])
        ).map((n) => [n.id, n]),
      );
      return records.map((r) => ({
        postId: r.postId,
        publishAt: r.pendingPublish?.publishAt ?? null,
        waitingFor: performers
          .filter((p) => p.postId === r.postId && p.kind === "co_performer" && p.status !== "confirmed")
          .map((p) => ({ username: names.get(p.performerId!)?.username ?? "", status: p.status })),
      }));
    },

    /** The post's performers, for its creator (or an admin). */
    async ofPost(viewer: { id: string; role: string }, postId: string) {
      const record = await recordsRepo.record(ctx.db.read, postId);
      if (record && record.creatorId !== viewer.id && viewer.role !== "admin") throw new NotFound("Post");
      const performers = await recordsRepo.performersOf(ctx.db.read, [postId]);
      const names = new Map(
        (await deps.users.namesByIds(performers.flatMap((p) => (p.performerId ? [p.performerId] : [])))).map(
          (n) => [n.id, n],
        ),
      );
      const rel = new Map(
        (
          await releasesRepo.byIds(
            ctx.db.read,
            performers.flatMap((p) => (p.releaseId ? [p.releaseId] : [])),
          )
        ).map((r) => [r.id, r]),
      );
      return {
        held: record?.pendingPublish != null,
        coPerformers: performers
          .filter((p) => p.kind === "co_performer")
          .map((p) => ({ username: names.get(p.performerId!)?.username ?? "", status: p.status })),
        releases: performers
          .filter((p) => p.kind === "release" && rel.has(p.releaseId!))
          .map((p) => ({ id: p.releaseId!, legalName: identityOf(rel.get(p.releaseId!)!).legalName })),
      };
    },

    /** What a person was asked to confirm as a co-performer, newest first. */
    async requests(userId: string, cursor: Cursor | null, limit: number) {
      const p = page(await recordsRepo.requestsOf(ctx.db.read, userId, cursor, limit + 1), limit, (r) => ({
        key: r.createdAt,
        id: r.id,
      }));
      const creators = new Map<string, string>();
      for (const r of p.items) {
        const rec = await recordsRepo.record(ctx.db.read, r.postId);
        if (rec) creators.set(r.postId, rec.creatorId);
      }
      const names = new Map(
        (await deps.users.namesByIds([...new Set(creators.values())])).map((n) => [n.id, n]),
      );
      return {
        items: p.items.map((r) => {
          const c = names.get(creators.get(r.postId) ?? "");
          return {
            id: r.id,
            postId: r.postId,
            creator: { username: c?.username ?? "", displayName: c?.displayName ?? "" },
            status: r.status,
            createdAt: r.createdAt,
            decidedAt: r.decidedAt,
          };
        }),
        nextCursor: p.nextCursor,
      };
    },

    /** The named co-performer confirms (or declines); the last confirmation publishes a held post. */
    async decide(actor: Actor, requestId: string, decision: "confirmed" | "declined") {
      await ctx.db.write(async (tx) => {
        const req = await recordsRepo.performerById(tx, requestId);
        if (!req || req.performerId !== actor.id) throw new NotFound("Request");
        if (req.status !== "pending")
          throw new Conflict(`You already ${req.status} this request.`, "already_decided");
        await recordsRepo.decide(tx, requestId, decision, now());
        const record = (await recordsRepo.record(tx, req.postId))!;
        if (decision === "declined") {
          await deps.notifications.notifyTx(tx, {
            userId: record.creatorId,
            kind: "co_performer_declined",
            actorId: actor.id,
            text: "A co-performer declined to be named in your post; it stays unpublished until you remove them.",
            link: `/posts/${req.postId}`,
            data: { postId: req.postId },
          });
          return;
        }
        const all = await recordsRepo.performersOf(tx, [req.postId]);
        const waiting = all.some((p) => p.kind === "co_performer" && p.status !== "confirmed");
        if (waiting || !record.pendingPublish) return;
        await content.get().releaseHeldTx(tx, req.postId, record.pendingPublish.publishAt);
        await recordsRepo.setPending(tx, req.postId, null, now());
        await deps.notifications.notifyTx(tx, {
          userId: record.creatorId,
          kind: "post_released",
          text: "Every co-performer confirmed: your post is published.",
          link: `/posts/${req.postId}`,
          data: { postId: req.postId },
        });
      });
    },

    /** A performer's release: legal identity (18+), other names, ID document and the signed release. */
    async addRelease(actor: Actor, isCreator: boolean, req: UploadRequest) {
      if (!isCreator)
        await intake.refuse(req, new Forbidden("Set up your creator profile first.", "not_a_creator"));
      const row = await intake.receive(
        req,
        { files: ["idDocument", "releaseDocument"], fields: ["legalName", "dateOfBirth", "otherNames"] },
        `release:${actor.id}`,
        async (form, commit) => {
          const identity = parseFields(releaseFields, form.fields);
          requireAdult(identity.dateOfBirth, now());
          await commit();
          const t = now();
          const docs = documentRows(
            form,
            actor.id,
            { idDocument: "id_document", releaseDocument: "release" },
            t,
          );
          const row: ReleaseRow = {
            id: newId(),
            creatorId: actor.id,
            identity: seal(store.sealer, identity),
            idDocumentId: docs[0]!.id,
            releaseDocumentId: docs[1]!.id,
            createdAt: t,
            retainUntil: null,
          };
          await ctx.db.write(async (tx) => {
            await documentsRepo.insert(tx, docs);
            await releasesRepo.insert(tx, row);
            await deps.audit.recordTx(tx, {
              actorId: actor.id,
              ip: actor.ip,
              action: "release.create",
              target: { type: "release", id: row.id },
            });
          });
          return row;
        },
      );
      return releaseView(row);
    },

    async releases(creatorId: string, cursor: Cursor | null, limit: number) {
      const p = page(await releasesRepo.ofCreator(ctx.db.read, creatorId, cursor, limit + 1), limit, (r) => ({
        key: r.createdAt,
        id: r.id,
      }));
      return { items: p.items.map(releaseView), nextCursor: p.nextCursor };
    },

    identityOf,
  };
}

export type Records = ReturnType<typeof createRecords>;
