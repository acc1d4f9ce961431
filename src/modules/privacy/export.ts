// Building a person's GDPR export: a zip (yazl) of JSON files, one per kind of data, each gathered by
// the module that owns it, plus the originals of the person's own media read through the storage
// interface (local disk or the bucket). Nothing of anyone else goes in: other people appear only as
// usernames, in the person's own conversations and purchases. Runs as a persistent job: the zip is
// written to data_dir/tmp, then stored under `exports/<id>/` and the row marked ready.
import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { DAY } from "../../lib/clock.ts";
import type { JobHandler } from "../../jobs/registry.ts";
import type { PrivacyDeps } from "./service.ts";
import { exportsRepo } from "./repo.ts";

export const EXPORT_JOB = "privacy.export";

const README = `Your data from this site, as it was when the export was made.

profile.json        your account and, if you are a creator, your creator profile
sessions.json       where you were signed in (when each session began and when it ends)
posts.json          your posts, your comments and your likes
messages.json       your conversations (the other person by username) and mass messages
subscriptions.json  your subscriptions; as a creator, your subscribers counted by status
money.json          what you paid for and started (purchases, tips, top-ups, payouts) and every line
                    of your own ledger accounts (wallet, earnings)
payouts.json        your payout requests and your payout method (masked)
notifications.json  your notifications and notification choices
live.json           the live streams you hosted and the chat and tip lines you wrote in any stream
growth.json         who referred you, if anyone, and your fan lists (their names and sizes)
integrations.json   your API keys (names, scopes, last use; never the keys) and webhooks (never their secrets)
media.json          your photos and videos; their original files are in media/

Times are milliseconds since 1970-01-01 UTC; amounts are in cents of the currency next to them.
`;

const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + "\n");

export function createExportJob(ctx: AppContext, deps: PrivacyDeps): JobHandler {
  const {
    users,
    auth,
    creators,
    posts,
    messages,
    media,
    payments,
    subscriptions,
    notifications,
    payouts,
    live,
    referrals,
    fans,
  } = deps;

  /** Writes the zip to `path`; returns its size. */
  async function build(userId: string, path: string): Promise<number> {
    const [
      account,
      creator,
      sessions,
      content,
      convs,
      subs,
      money,
      paid,
      notes,
      own,
      streams,
      referral,
      lists,
      identities,
      keys,
      hooks,
    ] = await Promise.all([
      users.personalData(userId),
      creators.personalData(userId),
      auth.personalData(userId),
      posts.personalData(userId),
      messages.personalData(userId),
      subscriptions.personalData(userId),
      payments.privacy.personalData(userId),
      payouts.personalData(userId),
      notifications.personalData(userId),
      media.privacy.personalData(userId),
      live.personalData(userId),
      referrals.personalData(userId),
      fans.personalData(userId),
      deps.sso.personalData(userId),
      deps.apiKeys.personalData(userId),
      deps.webhooks.personalData(userId),
    ]);
    const zip = new ZipFile();
    const written = pipeline(zip.outputStream, createWriteStream(path, { mode: 0o600 }));
    const exportedAt = new Date(ctx.clock.now()).toISOString();
    zip.addBuffer(Buffer.from(README), "README.txt");
    zip.addBuffer(json({ exportedAt, ...account, ...creator }), "profile.json");
    zip.addBuffer(json({ ...sessions, ...identities }), "sessions.json");
    zip.addBuffer(json(content), "posts.json");
    zip.addBuffer(json(convs), "messages.json");
    zip.addBuffer(json(subs), "subscriptions.json");
    zip.addBuffer(json(money), "money.json");
    zip.addBuffer(json(paid), "payouts.json");
    zip.addBuffer(json(notes), "notifications.json");
    zip.addBuffer(json(streams), "live.json");
    zip.addBuffer(json({ ...referral, ...lists }), "growth.json");
    zip.addBuffer(json({ ...keys, ...hooks }), "integrations.json");
    const files = await media.privacy.originalsOf(userId);
    const present = new Set<string>();
    for (const f of files) {
      // A medium whose original is gone (a failed upload) is listed without its file.
      if (!(await f.file.stat())) continue;
      present.add(f.name);
      zip.addReadStreamLazy(`media/${f.name}`, {}, (cb) => {
        f.file.open(null).then(
          (s) => cb(null, s),
          (err: unknown) => cb(err as Error, undefined as never),
        );
      });
    }
    const listed = own.media.map((m) => ({ ...m, file: present.has(m.file.slice(6)) ? m.file : null }));
    zip.addBuffer(json({ media: listed }), "media.json");
    zip.end();
    await written;
    return (await stat(path)).size;
  }

  return {
    async run(payload) {
      const { id } = payload as { id: string };
      const row = await exportsRepo.byId(ctx.db.read, id);
      if (!row || (row.status !== "queued" && row.status !== "running")) return null;
      await ctx.db.write((tx) => exportsRepo.update(tx, id, { status: "running" }));
      const tmp = join(ctx.paths.tmp, `export-${id}.zip`);
      try {
        const size = await build(row.userId, tmp);
        const key = `exports/${id}/fanz-data-export.zip`;
        await ctx.storage.put(key, createReadStream(tmp), size);
        return { key, size };
      } finally {
        await rm(tmp, { force: true });
      }
    },
    async onDone(tx: DrizzleDb, payload, result) {
      const { id } = payload as { id: string };
      if (!result) return;
      const { key, size } = result as { key: string; size: number };
      const now = ctx.clock.now();
      await exportsRepo.update(tx, id, {
        status: "ready",
        fileKey: key,
        sizeBytes: size,
        readyAt: now,
        expiresAt: now + ctx.config.privacy.export_days * DAY,
        error: null,
      });
    },
    async onFailed(tx: DrizzleDb, payload, reason) {
      const { id } = payload as { id: string };
      await exportsRepo.update(tx, id, { status: "failed", error: reason.slice(0, 500) });
    },
  };
}
