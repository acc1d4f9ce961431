// Worker-thread entry for piscina: registers tsx (not inherited from the main thread) and exposes the
// TypeScript task dispatcher.
import { register } from "tsx/esm/api";

register();
const tasks = await import("./tasks.ts");

export default tasks.default;
