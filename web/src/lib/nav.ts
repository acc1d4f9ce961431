/** A safe in-app path from a `next` query parameter (never another origin). */
export function safeNext(v: string | string[] | undefined): string {
  const s = (Array.isArray(v) ? v[0] : v) ?? "";
  return s.startsWith("/") && !s.startsWith("//") ? s : "/";
}
