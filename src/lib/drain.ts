// What to do with the rest of a request body the server has refused: read it and throw it away, so the
// client gets to read the answer and its keep-alive connection stays usable for its next request.

/** Bytes read and thrown away before a refusal is answered. */
export const DRAIN_CAP = 32 * 1024 * 1024;

/**
 * Reads what is left of a refused body, up to DRAIN_CAP, before answering: HTTP clients that are still
 * sending when the server closes the connection report a network error instead of our answer.
 *
 * Past the cap it goes on reading in the background instead of cancelling. The stream under a request
 * body stops taking data while nobody reads it, and the HTTP server (@hono/node-server) drains an
 * unread body after the answer for a bounded time only (500 ms, 64 MB) before it closes the
 * connection: a body left stalled would always be cut, after an answer that said keep-alive. (An
 * answer with `Connection: close` would be worse: the connection closes at once, the client's unsent
 * bytes make the kernel reset it, and a client still sending loses our answer.)
 */
export async function discard(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
  let left = DRAIN_CAP;
  try {
    while (left > 0) {
      const { done, value } = await reader.read();
      if (done) return;
      left -= value.length;
    }
  } catch {
    return; // the client went away
  }
  void (async () => {
    try {
      while (!(await reader.read()).done);
    } catch {
      /* the connection was closed */
    }
  })();
}
