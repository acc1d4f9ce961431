// The admin console's people: search, one person's page, ban / suspend / unban, roles, the creator badge.
// Every route needs an admin; every change writes an audit entry (admin/accounts.ts).
import { z } from "zod";
import type { AdminService } from "../service.ts";
import { decodeCursor } from "../../../lib/cursor.ts";
import { requireViewer } from "../../../http/middleware/session.ts";
import { apiApp, apiRoute, json, jsonBody, type ErrorLines } from "../../../http/openapi.ts";
import { idParam } from "../../../http/validate.ts";
import { actorOf } from "../routes.ts";
import {
  adminUserDetailSchema,
  adminUserPageSchema,
  adminUsersQuery,
  banBody,
  roleBody,
  suspendBody,
} from "../schemas.ts";

const tags = ["admin"];
const ADMIN = "`admin_only`: only site admins can do this.";
const NO_USER = "`not_found`: no such person.";
const envelope = z.strictObject({ user: adminUserDetailSchema });
const HOLD_RULES = [ADMIN, "`self_action`: not on yourself.", "`last_admin`: not on the site's last admin."];

/** A change without a body (unban, verify, unverify). */
function change(path: string, operationId: string, summary: string, errors: ErrorLines) {
  return apiRoute(
    {
      method: "post",
      path,
      tags,
      operationId,
      summary,
      request: { params: idParam },
      responses: { 200: json(envelope, "The person as they now are.") },
    },
    { auth: "required", errors: { 404: NO_USER, ...errors } },
  );
}

const listUsers = apiRoute(
  {
    method: "get",
    path: "/users",
    tags,
    operationId: "listAdminUsers",
    summary: "People, newest accounts first: by name or e-mail, role and status",
    request: { query: adminUsersQuery },
    responses: { 200: json(adminUserPageSchema, "A page of people.") },
  },
  { auth: "required", errors: { 403: ADMIN, 400: "`bad_cursor`: the cursor is not one this API gave out." } },
);

const getUser = apiRoute(
  {
    method: "get",
    path: "/users/{id}",
    tags,
    operationId: "getAdminUser",
    summary: "One person, with their posts, subscribers, earnings and open reports",
    request: { params: idParam },
    responses: { 200: json(envelope, "The person.") },
  },
  { auth: "required", errors: { 403: ADMIN, 404: NO_USER } },
);

const ban = apiRoute(
  {
    method: "post",
    path: "/users/{id}/ban",
    tags,
    operationId: "banUser",
    summary: "Ban: sessions end, content disappears, renewals and payouts are held",
    request: { params: idParam, body: jsonBody(banBody) },
    responses: { 200: json(envelope, "The person, banned.") },
  },
  { auth: "required", errors: { 403: HOLD_RULES, 404: NO_USER } },
);
const suspend = apiRoute(
  {
    method: "post",
    path: "/users/{id}/suspend",
    tags,
    operationId: "suspendUser",
    summary: "Suspend until a time: as a ban, ending by itself",
    request: { params: idParam, body: jsonBody(suspendBody) },
    responses: { 200: json(envelope, "The person, suspended.") },
  },
  {
    auth: "required",
    errors: { 403: HOLD_RULES, 404: NO_USER, 400: "`invalid_request`: the end is not in the future." },
  },
);
const setRole = apiRoute(
  {
    method: "put",
    path: "/users/{id}/role",
    tags,
    operationId: "setUserRole",
    summary: "Change a person's role",
    request: { params: idParam, body: jsonBody(roleBody) },
    responses: { 200: json(envelope, "The person with the new role.") },
  },
  { auth: "required", errors: { 403: HOLD_RULES, 404: NO_USER } },
);
const unban = change("/users/{id}/unban", "unbanUser", "Lift a ban or a suspension", { 403: ADMIN });
const NO_CREATOR = { 403: ADMIN, 404: "`not_found`: no such creator." };
const verify = change(
  "/creators/{id}/verify",
  "verifyCreator",
  "Give a creator the verified badge",
  NO_CREATOR,
);
const unverify = change(
  "/creators/{id}/unverify",
  "unverifyCreator",
  "Take the verified badge back",
  NO_CREATOR,
);

export function adminPeopleRoutes({ admin }: { admin: AdminService }) {
  const app = apiApp();
  app.use("*", async (c, next) => {
    admin.authorize(requireViewer(c));
    await next();
  });
  return app
    .openapi(listUsers, async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await admin.search(
          { query: q.query || null, role: q.role ?? null, status: q.status ?? null },
          decodeCursor(q.cursor),
          q.limit,
        ),
        200,
      );
    })
    .openapi(getUser, async (c) => c.json({ user: await admin.detail(c.req.valid("param").id) }, 200))
    .openapi(ban, async (c) =>
      c.json({ user: await admin.ban(actorOf(c), c.req.valid("param").id, c.req.valid("json").reason) }, 200),
    )
    .openapi(suspend, async (c) => {
      const b = c.req.valid("json");
      return c.json(
        { user: await admin.suspend(actorOf(c), c.req.valid("param").id, b.until, b.reason) },
        200,
      );
    })
    .openapi(unban, async (c) =>
      c.json({ user: await admin.unban(actorOf(c), c.req.valid("param").id) }, 200),
    )
    .openapi(setRole, async (c) =>
      c.json(
        { user: await admin.setRole(actorOf(c), c.req.valid("param").id, c.req.valid("json").role) },
        200,
      ),
    )
    .openapi(verify, async (c) =>
      c.json({ user: await admin.setVerified(actorOf(c), c.req.valid("param").id, true) }, 200),
    )
    .openapi(unverify, async (c) =>
      c.json({ user: await admin.setVerified(actorOf(c), c.req.valid("param").id, false) }, 200),
    );
}
