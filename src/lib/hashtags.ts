// Hashtags in post text: `#` then Unicode letters, digits and `_`, not glued to a word before it (so
// "page#top" and "&#39;" are not tags). Stored lowercased, so #Yoga and #yoga are one tag; all-digit runs
// ("#1") are numbers, not tags. The web's RichText links the same pattern (web/src/lib/hashtags.ts).
const HASHTAG = /(?<![\p{L}\p{N}_&#/])#([\p{L}\p{N}_]{1,64})(?![\p{L}\p{N}_])/gu;
const TAG = /^[\p{L}\p{N}_]{1,64}$/u;

export const MAX_TAGS_PER_POST = 30;

/** A tag as stored: NFC, lowercased. */
export const normalizeTag = (tag: string): string => tag.normalize("NFC").toLowerCase();

/** Whether `tag` (without the `#`) is a well-formed tag. */
export const isTag = (tag: string): boolean => TAG.test(tag) && !/^\p{N}+$/u.test(tag);

/** The distinct tags of a text, in order of first use, at most MAX_TAGS_PER_POST. */
export function parseHashtags(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.normalize("NFC").matchAll(HASHTAG)) {
    const tag = normalizeTag(m[1]!);
    if (isTag(tag)) out.add(tag);
    if (out.size === MAX_TAGS_PER_POST) break;
  }
  return [...out];
}

/**
 * The words of a search box, safe for either engine's full-text syntax: runs of letters and digits,
 * lowercased, so quotes, operators, `*`, `:` and NUL never reach the query parser.
 */
export function searchTerms(q: string, max = 8): string[] {
  const words =
    q
      .normalize("NFC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.slice(0, 64)))].slice(0, max);
}
