// A random id made in the browser (getRandomValues also works on a plain-HTTP site, where randomUUID does
// not): the client ids of chat messages, the idempotency keys of tips.
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
