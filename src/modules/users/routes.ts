import { Hono } from "hono";
import type { AppContext } from "../../context.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import type { AppEnv } from "../../http/types.ts";
import { toSelf } from "./service.ts";

export function usersRoutes(_ctx: AppContext) {
  return new Hono<AppEnv>().get("/me", (c) => c.json({ user: toSelf(requireViewer(c).user) }));
}
