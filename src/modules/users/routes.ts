import { Hono } from "hono";
import type { AppContext } from "../../context.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import type { AppEnv } from "../../http/types.ts";

export function usersRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get("/me", (c) =>
    c.json({ user: ctx.services.users.self(requireViewer(c).user) }),
  );
}
