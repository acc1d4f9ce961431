// Titled steps with a progress bar on stderr: a redrawn bar when stderr is a terminal, plain lines
// otherwise (logs, CI), so a long backup shows what it is doing without garbling a log file.
export interface Step {
  /** Reports progress in the step's unit (bytes by default). */
  progress(done: number, total: number): void;
  done(detail?: string): void;
  fail(detail?: string): void;
}

export function formatBytes(n: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}

export function createSteps(out: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(out.isTTY);
  let index = 0;
  return {
    /** `format` shows the progress figures (bytes by default; e.g. rows for a copy). */
    step(title: string, format: (n: number) => string = formatBytes): Step {
      const n = ++index;
      const label = `[${n}] ${title}`;
      let lastDraw = 0;
      let drawn = false;
      out.write(tty ? label : `${label}...\n`);
      const clear = () => {
        if (tty) out.write("\r\x1b[K");
      };
      return {
        progress(done, total) {
          if (!tty) return;
          const now = Date.now();
          if (now - lastDraw < 100 && done < total) return;
          lastDraw = now;
          drawn = true;
          const ratio = total > 0 ? Math.min(1, done / total) : 1;
          const width = 30;
          const filled = Math.round(ratio * width);
          clear();
          out.write(
            `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.floor(ratio * 100)}% ` +
              `${format(done)} / ${format(total)}`,
          );
        },
        done(detail) {
          if (tty) {
            if (drawn) clear();
            else out.write("\r");
            out.write(`${label}: done${detail ? ` (${detail})` : ""}\n`);
          } else out.write(`${label}: done${detail ? ` (${detail})` : ""}\n`);
        },
        fail(detail) {
          if (tty) clear();
          out.write(`${label}: failed${detail ? ` (${detail})` : ""}\n`);
        },
      };
    },
  };
}
