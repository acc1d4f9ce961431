import type { CreatorsService } from "../creators/service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json } from "../../http/openapi.ts";
import { userSchema } from "./schemas.ts";
import { z } from "zod";

const me = apiRoute(
  {
    method: "get",
    path: "/me",
    tags: ["users"],
    operationId: "getMe",
    summary: "The signed-in person's account",
    responses: { 200: json(z.strictObject({ user: userSchema }), "The account.") },
  },
  { auth: "required" },
);

export function usersRoutes({ creators }: { creators: CreatorsService }) {
  return apiApp().openapi(me, async (c) => c.json({ user: await creators.self(requireViewer(c).user) }, 200));
}
