import { Hono } from "hono";
import type { UsersService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import type { AppEnv } from "../../http/types.ts";

export function usersRoutes({ users }: { users: UsersService }) {
  return new Hono<AppEnv>().get("/me", (c) => c.json({ user: users.self(requireViewer(c).user) }));
}
