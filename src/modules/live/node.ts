// What runs on a node for live streams: on every node, the viewer counts of its /ws rooms (reported every
// few seconds); on the ingest node (`[live] ingest`), the RTMP listener, one ffmpeg per live stream, and
// the heartbeats that tell the other nodes the stream is still received. At start the ingest node ends
// what a previous run left live (a crash), and the scheduler's `live-stale` step ends streams whose
// heartbeats stopped (the ingest node died).
import { join } from "node:path";
import type { AppContext } from "../../context.ts";
import { findFfmpeg } from "../../lib/ffmpeg.ts";
import { startIngest, type Ingest } from "./ingest.ts";
import type { LiveService } from "./service.ts";
import { startTransmux, type Transmuxer } from "./transmux.ts";

const HEARTBEAT_MS = 5000;
const VIEWERS_MS = 3000;

const redactUrl = (text: string) => text.replace(/rtmp:\/\/\S+/g, "rtmp://…");

export interface LiveNode {
  /** The RTMP port (null: this node takes no RTMP). */
  rtmpPort: number | null;
  /** ffmpeg processes of live streams on this node (tests, /readyz). */
  transmuxers(): Map<string, Transmuxer>;
  close(): Promise<void>;
}

export async function startLiveNode(ctx: AppContext, live: LiveService): Promise<LiveNode> {
  const cfg = ctx.config.live;
  const log = ctx.logger;
  const running = new Map<string, Transmuxer>();
  /** Streams being ended (awaited at shutdown, before the database closes). */
  const endings = new Set<Promise<void>>();
  /** Each publisher's own transmuxer (a reconnect's new one must not be stopped by the old one leaving). */
  const ofPublisher = new WeakMap<object, Transmuxer>();
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, name: string, fn: () => Promise<unknown>) => {
    let busy = false;
    const t = setInterval(() => {
      if (busy) return;
      busy = true;
      fn()
        .catch((err: unknown) => log.warn(`live ${name} failed`, { err: String(err) }))
        .finally(() => (busy = false));
    }, ms);
    t.unref();
    timers.push(t);
  };
  if (cfg.enabled) every(VIEWERS_MS, "viewer count", () => live.reportViewers());

  let ingest: Ingest | null = null;
  const ffmpeg = cfg.enabled && cfg.ingest ? findFfmpeg(ctx.config.media.ffmpeg_path).found : null;
  if (cfg.enabled && cfg.ingest && !ffmpeg) log.error("live ingest off: no ffmpeg found");
  if (ffmpeg) {
    const ended = await live.endOrphans((node) => node !== ctx.nodeId);
    if (ended > 0) log.warn("live streams left by a previous run ended", { ended });
    try {
      ingest = await startIngest({
        host: cfg.rtmp_host,
        port: cfg.rtmp_port,
        logger: log,
        hooks: {
          publish: (keyHash) => live.ingestHooks.publish(keyHash),
          started(p, playUrl) {
            running.get(p.streamId)?.stop();
            const t = startTransmux({
              ffmpeg: ffmpeg.path,
              input: playUrl,
              dir: join(ctx.paths.live, p.streamId),
              segmentSeconds: cfg.segment_seconds,
              transcode: cfg.transcode,
            });
            running.set(p.streamId, t);
            ofPublisher.set(p, t);
            log.info("live stream started", { streamId: p.streamId, pid: t.child.pid });
            void t.exited.then(({ code, stderr }) => {
              // Stopped by us (the publisher left), or replaced by a reconnect's transmuxer: nothing to do.
              if (running.get(p.streamId) !== t) return;
              running.delete(p.streamId);
              if (t.stopping) return;
              // ffmpeg gave up while the publisher still sends: cut it, OBS reconnects and we start again.
              if (ingest?.publishers().some((x) => x.streamId === p.streamId && x.keyHash === p.keyHash)) {
                log.warn("live transmuxer exited while publishing", { code, stderr: redactUrl(stderr) });
                ingest.kick(p.keyHash);
              }
            });
          },
          left(p) {
            ofPublisher.get(p)?.stop();
            const done = live.ingestHooks
              .left(p.streamId, p.publishedAt)
              .catch((err: unknown) => log.error("ending a live stream failed", { err: String(err) }))
              .finally(() => endings.delete(done));
            endings.add(done);
          },
        },
      });
    } catch (err) {
      log.error("live ingest off: the RTMP port could not be opened", {
        port: cfg.rtmp_port,
        err: String(err),
      });
    }
  }
  if (ingest) {
    const i = ingest;
    live.attachIngest({ port: i.port, kick: (h) => i.kick(h) });
    ctx.signals.on("live.kick", (hash) => {
      if (typeof hash === "string") i.kick(hash);
    });
    every(HEARTBEAT_MS, "heartbeat", () => live.ingestHooks.heartbeat([...running.keys()]));
  }

  return {
    rtmpPort: ingest?.port ?? null,
    transmuxers: () => running,
    async close() {
      for (const t of timers) clearInterval(t);
      live.attachIngest(null);
      const exits = [...running.values()].map((t) => t.exited);
      for (const t of running.values()) t.stop();
      await ingest?.close();
      await Promise.all(exits);
      await Promise.all([...endings]);
    },
  };
}
