import type { CreatorsService } from "../creators/service.ts";
import type { UsersService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json } from "../../http/openapi.ts";
import { epochMs, idField } from "../../lib/fields.ts";
import { userSchema } from "./schemas.ts";
import { z } from "zod";

const tags = ["users"];

const me = apiRoute(
  {
    method: "get",
    path: "/me",
    tags,
    operationId: "getMe",
    summary: "The signed-in person's account",
    responses: { 200: json(z.strictObject({ user: userSchema }), "The account.") },
  },
  { auth: "required" },
);

// The web UI asks this on every page: a visitor is an answer (null), not an error in the browser console.
const current = apiRoute(
  {
    method: "get",
    path: "/current",
    tags,
    operationId: "getCurrentUser",
    summary: "The signed-in person's account, or null for a visitor",
    responses: {
      200: json(
        z.strictObject({ user: userSchema.nullable() }),
        "The account, or null when no one is signed in.",
      ),
    },
  },
  { auth: "optional" },
);

const blockedSchema = z
  .strictObject({
    items: z.array(
      z.strictObject({
        user: z.strictObject({ id: idField, username: z.string(), displayName: z.string() }),
        blockedAt: epochMs,
      }),
    ),
  })
  .meta({ id: "BlockedPeople" });

const blocked = apiRoute(
  {
    method: "get",
    path: "/me/blocks",
    tags,
    operationId: "listBlockedPeople",
    summary: "The people the signed-in person blocked, newest first",
    responses: { 200: json(blockedSchema, "The blocked people.") },
  },
  { auth: "required" },
);

const usernameParam = z.object({ username: z.string().min(1).max(30) });

const block = apiRoute(
  {
    method: "post",
    path: "/{username}/block",
    tags,
    operationId: "blockUser",
    summary: "Block a person: neither of you can write to the other",
    request: { params: usernameParam },
    responses: { 204: { description: "Blocked (again is fine)." } },
  },
  { auth: "required", errors: { 400: "`self_block`: not yourself.", 404: "`not_found`: no such user." } },
);

const unblock = apiRoute(
  {
    method: "delete",
    path: "/{username}/block",
    tags,
    operationId: "unblockUser",
    summary: "Lift a block",
    request: { params: usernameParam },
    responses: { 204: { description: "Unblocked (or was not blocked)." } },
  },
  { auth: "required", errors: { 404: "`not_found`: no such user." } },
);

export function usersRoutes({ creators, users }: { creators: CreatorsService; users: UsersService }) {
  return apiApp()
    .openapi(me, async (c) => c.json({ user: await creators.self(requireViewer(c).user) }, 200))
    .openapi(current, async (c) => {
      const viewer = c.get("viewer");
      return c.json({ user: viewer ? await creators.self(viewer.user) : null }, 200);
    })
    .openapi(blocked, async (c) => c.json({ items: await users.blocked(requireViewer(c).user.id) }, 200))
    .openapi(block, async (c) => {
      await users.block(requireViewer(c).user.id, c.req.valid("param").username);
      return c.body(null, 204);
    })
    .openapi(unblock, async (c) => {
      await users.unblock(requireViewer(c).user.id, c.req.valid("param").username);
      return c.body(null, 204);
    });
}
