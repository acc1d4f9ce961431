import { Hono } from "hono";
import type { CreatorsService } from "../creators/service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import type { AppEnv } from "../../http/types.ts";

export function usersRoutes({ creators }: { creators: CreatorsService }) {
  return new Hono<AppEnv>().get("/me", (c) => c.json({ user: creators.self(requireViewer(c).user) }));
}
