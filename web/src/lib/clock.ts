// A minute tick so relative times ("5 min") stay current without re-fetching.
import { createSignal } from "solid-js";

const [now, setNow] = createSignal(Date.now());
setInterval(() => setNow(Date.now()), 30_000);

export { now };
