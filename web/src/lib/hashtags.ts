// Hashtags in text segments, as the server parses them (src/lib/hashtags.ts): `#` then letters, digits
// and `_`, not glued to a word before it, not all digits. Links go to /tags/<lowercased tag>.
import type { Segment } from "./linkify";

export type TagSegment = Segment | { kind: "tag"; text: string; tag: string };

const HASHTAG = /(?<![\p{L}\p{N}_&#/])#([\p{L}\p{N}_]{1,64})(?![\p{L}\p{N}_])/gu;

/** Splits the plain-text segments further at hashtags (links stay as they are). */
export function withHashtags(segments: Segment[]): TagSegment[] {
  const out: TagSegment[] = [];
  for (const seg of segments) {
    if (seg.kind !== "text") {
      out.push(seg);
      continue;
    }
    let last = 0;
    for (const m of seg.text.matchAll(HASHTAG)) {
      if (/^\p{N}+$/u.test(m[1]!)) continue;
      const start = m.index ?? 0;
      if (start > last) out.push({ kind: "text", text: seg.text.slice(last, start) });
      out.push({ kind: "tag", text: m[0], tag: m[1]!.normalize("NFC").toLowerCase() });
      last = start + m[0].length;
    }
    if (last < seg.text.length) out.push({ kind: "text", text: seg.text.slice(last) });
  }
  return out;
}
