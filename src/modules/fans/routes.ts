// A creator's fans (GET /fans) and their lists of fans (/lists, members).
import type { FansService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { apiApp, apiRoute, json, jsonBody, listRoute } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import {
  fanListBody,
  fanListEnvelope,
  fanListsSchema,
  fanPageSchema,
  fansQuery,
  memberParams,
} from "./schemas.ts";

const tags = ["fans"];
const NOT_A_CREATOR = "`not_a_creator`: only creators have fans and lists.";

const listFans = listRoute(
  {
    path: "/",
    tags,
    operationId: "listFans",
    summary: "The creator's fans: since when, status, renewal, lifetime spend (from the ledger)",
    query: fansQuery,
    page: fanPageSchema,
    what: "fans",
  },
  { auth: "required", errors: { 403: NOT_A_CREATOR, 404: "No such list." } },
);

const getLists = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listFanLists",
    summary: "The creator's lists of fans with their member counts",
    responses: { 200: json(fanListsSchema, "The lists, oldest first.") },
  },
  { auth: "required", errors: { 403: NOT_A_CREATOR } },
);

const createList = apiRoute(
  {
    method: "post",
    path: "/",
    tags,
    operationId: "createFanList",
    summary: "Make a list of fans",
    request: { body: jsonBody(fanListBody) },
    responses: { 201: json(fanListEnvelope, "The new list.") },
  },
  {
    auth: "required",
    errors: {
      403: NOT_A_CREATOR,
      409: ["`list_name_taken`: a list of that name exists.", "`too_many_lists`: the creator has 100 lists."],
    },
  },
);

const renameList = apiRoute(
  {
    method: "patch",
    path: "/{id}",
    tags,
    operationId: "renameFanList",
    summary: "Rename a list",
    request: { params: idParam, body: jsonBody(fanListBody) },
    responses: { 200: json(fanListEnvelope, "The list.") },
  },
  {
    auth: "required",
    errors: { 404: "No such list of yours.", 409: "`list_name_taken`: a list of that name exists." },
  },
);

const deleteList = apiRoute(
  {
    method: "delete",
    path: "/{id}",
    tags,
    operationId: "deleteFanList",
    summary: "Delete a list (the fans stay fans)",
    request: { params: idParam },
    responses: { 204: { description: "Deleted." } },
  },
  { auth: "required", errors: { 404: "No such list of yours." } },
);

const addMember = apiRoute(
  {
    method: "put",
    path: "/{id}/members/{userId}",
    tags,
    operationId: "addFanListMember",
    summary: "Put a fan on a list (idempotent; only the creator's own fans, current or lapsed)",
    request: { params: memberParams },
    responses: { 200: json(fanListEnvelope, "The list.") },
  },
  {
    auth: "required",
    errors: { 400: "`not_a_fan`: this person never subscribed to you.", 404: "No such list of yours." },
  },
);

const removeMember = apiRoute(
  {
    method: "delete",
    path: "/{id}/members/{userId}",
    tags,
    operationId: "removeFanListMember",
    summary: "Take a fan off a list",
    request: { params: memberParams },
    responses: { 200: json(fanListEnvelope, "The list.") },
  },
  { auth: "required", errors: { 404: "No such list of yours." } },
);

export function fansRoutes({ fans }: { fans: FansService }) {
  return apiApp().openapi(listFans, async (c) => {
    const q = c.req.valid("query");
    const page = await fans.fans(requireViewer(c).user.id, { ...q, cursor: decodeCursor(q.cursor) });
    return c.json(page, 200);
  });
}

export function fanListsRoutes({ fans }: { fans: FansService }) {
  return apiApp()
    .openapi(getLists, async (c) => c.json({ items: await fans.lists(requireViewer(c).user.id) }, 200))
    .openapi(createList, async (c) =>
      c.json({ list: await fans.createList(requireViewer(c).user.id, c.req.valid("json").name) }, 201),
    )
    .openapi(renameList, async (c) =>
      c.json(
        {
          list: await fans.renameList(
            requireViewer(c).user.id,
            c.req.valid("param").id,
            c.req.valid("json").name,
          ),
        },
        200,
      ),
    )
    .openapi(deleteList, async (c) => {
      await fans.deleteList(requireViewer(c).user.id, c.req.valid("param").id);
      return c.body(null, 204);
    })
    .openapi(addMember, async (c) => {
      const p = c.req.valid("param");
      return c.json({ list: await fans.addMember(requireViewer(c).user.id, p.id, p.userId) }, 200);
    })
    .openapi(removeMember, async (c) => {
      const p = c.req.valid("param");
      return c.json({ list: await fans.removeMember(requireViewer(c).user.id, p.id, p.userId) }, 200);
    });
}
