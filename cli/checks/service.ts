// Doctor: is the site answering? The systemd service's state when Fanz is installed as one, and in any case
// whether something answers /readyz on the configured port.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Check } from "./types.ts";

export const serviceCheck: Check = {
  title: "Service",
  async run(ctx) {
    const port = ctx.config.server.port;
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(3000) }).then(
      (r) => r.ok,
      () => false,
    );
    const systemd = existsSync("/etc/systemd/system/fanz.service") && existsSync("/usr/bin/systemctl");
    const state = systemd
      ? spawnSync("systemctl", ["is-active", "fanz"], { encoding: "utf8" }).stdout.trim() || "unknown"
      : null;
    const where = state ? `systemd: ${state}; ` : "";
    if (ready) return { status: "pass", message: `${where}ready on port ${port}` };
    if (state && state !== "active") {
      return {
        status: "fail",
        message: `${where}nothing ready on port ${port}`,
        suggestion:
          "Start it with `systemctl start fanz`; see `journalctl -u fanz -n 50` for why it stopped.",
      };
    }
    return {
      status: "warn",
      message: `nothing answers on port ${port}`,
      suggestion: "Start the site (`fanzctl serve`, or `systemctl start fanz` on an installed server).",
    };
  },
};
