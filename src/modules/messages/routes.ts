// Messaging routes: conversations and their messages, read receipts, unsend, PPV message unlocks and
// mass messages. Real-time delivery is /ws (src/http/ws.ts).
import type { MessagesService } from "./service.ts";
import { requireEntitlementViewer, requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { apiApp, apiRoute, json, jsonBody, listRoute } from "../../http/openapi.ts";
import { idParam } from "../../http/validate.ts";
import { checkoutStarted, PURCHASE_ERRORS, respond } from "../payments/routes.ts";
import { unlockBody } from "../payments/schemas.ts";
import {
  conversationEnvelope,
  conversationPageSchema,
  massAudienceQuery,
  massAudienceSchema,
  massMessageBody,
  massMessageEnvelope,
  massMessagePageSchema,
  messageEnvelope,
  messageListQuery,
  messagePageSchema,
  readBody,
  sendMessageBody,
  startConversationBody,
  unreadSchema,
} from "./schemas.ts";

const tags = ["messages"];
const NOT_A_MEMBER = "`not_found`: no such conversation (or not one of yours).";
const MAY_NOT_WRITE = [
  "`dm_not_allowed`: fans write to creators they subscribe to (or who take messages from everyone); creators to their fans.",
  "`blocked`: one of you blocked the other.",
];

const start = apiRoute(
  {
    method: "post",
    path: "/",
    tags,
    operationId: "startConversation",
    summary: "The conversation with a person (made if new)",
    request: { body: jsonBody(startConversationBody) },
    responses: {
      200: json(conversationEnvelope, "The existing conversation of this pair."),
      201: json(conversationEnvelope, "A new conversation."),
    },
  },
  {
    auth: "required",
    errors: {
      400: "`self_message`: not with yourself.",
      403: MAY_NOT_WRITE,
      404: "`not_found`: no such user.",
    },
  },
);

const list = listRoute(
  {
    path: "/",
    tags,
    operationId: "listConversations",
    summary: "The person's conversations, most recent activity first",
    page: conversationPageSchema,
    what: "conversations",
  },
  { auth: "required" },
);

const unread = apiRoute(
  {
    method: "get",
    path: "/unread",
    tags,
    operationId: "getUnreadMessages",
    summary: "How many messages are unread, in how many conversations (the nav badge)",
    responses: { 200: json(unreadSchema, "The counts.") },
  },
  { auth: "required" },
);

const getOne = apiRoute(
  {
    method: "get",
    path: "/{id}",
    tags,
    operationId: "getConversation",
    summary: "One conversation, with whether the viewer may write in it now",
    request: { params: idParam },
    responses: { 200: json(conversationEnvelope, "The conversation.") },
  },
  { auth: "required", errors: { 404: NOT_A_MEMBER } },
);

const history = listRoute(
  {
    path: "/{id}/messages",
    tags,
    operationId: "listMessages",
    summary: "A conversation's messages, newest first",
    params: idParam,
    query: messageListQuery,
    page: messagePageSchema,
    what: "messages",
  },
  { auth: "required", errors: { 404: NOT_A_MEMBER } },
);

const send = apiRoute(
  {
    method: "post",
    path: "/{id}/messages",
    tags,
    operationId: "sendMessage",
    summary: "Send a message (free, or pay-per-view from a creator)",
    request: { params: idParam, body: jsonBody(sendMessageBody) },
    responses: {
      200: json(messageEnvelope, "A retry with a `clientId` seen before: the message it made."),
      201: json(messageEnvelope, "Sent."),
    },
  },
  {
    auth: "required",
    errors: {
      400: "`ppv_needs_media`: a priced message without media; `invalid_request`: empty, or media not yours.",
      403: [
        ...MAY_NOT_WRITE,
        "`not_a_creator`: only creators price messages.",
        "`kyc_required`: this site requires an approved identity verification first.",
      ],
      404: NOT_A_MEMBER,
      409: "`client_id_reused`: this clientId was used in another conversation.",
      429: "`rate_limited`: too many messages in a minute.",
    },
  },
);

const markRead = apiRoute(
  {
    method: "post",
    path: "/{id}/read",
    tags,
    operationId: "markConversationRead",
    summary: "Read up to a message (the other person sees the read receipt)",
    request: { params: idParam, body: jsonBody(readBody) },
    responses: { 204: { description: "Done (moving back is ignored)." } },
  },
  { auth: "required", errors: { 404: [NOT_A_MEMBER, "`not_found`: no such message in it."] } },
);

export function conversationsRoutes({ messages }: { messages: MessagesService }) {
  return apiApp()
    .openapi(start, async (c) => {
      const { conversation, created } = await messages.start(
        requireViewer(c).user,
        c.req.valid("json").username,
      );
      return created ? c.json({ conversation }, 201) : c.json({ conversation }, 200);
    })
    .openapi(list, async (c) => {
      const q = c.req.valid("query");
      return c.json(await messages.list(requireEntitlementViewer(c), decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(unread, async (c) => c.json(await messages.unreadTotal(requireViewer(c).user.id), 200))
    .openapi(getOne, async (c) =>
      c.json(await messages.get(requireViewer(c).user, c.req.valid("param").id), 200),
    )
    .openapi(history, async (c) => {
      const q = c.req.valid("query");
      return c.json(
        await messages.messages(
          requireEntitlementViewer(c),
          c.req.valid("param").id,
          decodeCursor(q.cursor),
          q.limit,
        ),
        200,
      );
    })
    .openapi(send, async (c) => {
      const { message, created } = await messages.send(
        requireViewer(c).user,
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return created ? c.json({ message }, 201) : c.json({ message }, 200);
    })
    .openapi(markRead, async (c) => {
      await messages.markRead(
        requireEntitlementViewer(c),
        c.req.valid("param").id,
        c.req.valid("json").messageId,
      );
      return c.body(null, 204);
    });
}

const startMass = apiRoute(
  {
    method: "post",
    path: "/mass",
    tags,
    operationId: "sendMassMessage",
    summary: "Send one message to many fans (creators only); it goes out in the background",
    request: { body: jsonBody(massMessageBody) },
    responses: { 202: json(massMessageEnvelope, "Queued: follow `GET /messages/mass/{id}` to `done`.") },
  },
  {
    auth: "required",
    errors: {
      400: "`ppv_needs_media`: priced without media; `invalid_request`: empty, media not yours, too far ahead.",
      403: [
        "`not_a_creator`: only creators send mass messages.",
        "`kyc_required`: this site requires an approved identity verification first.",
      ],
      404: "The `audience.listId` list is not one of yours.",
      429: "`rate_limited`: the day's mass messages are used up.",
    },
  },
);

const massList = listRoute(
  {
    path: "/mass",
    tags,
    operationId: "listMassMessages",
    summary: "The creator's mass messages, newest first",
    page: massMessagePageSchema,
    what: "mass messages",
  },
  { auth: "required" },
);

const massAudience = apiRoute(
  {
    method: "get",
    path: "/mass/audience",
    tags,
    operationId: "getMassAudience",
    summary: "How many fans each mass-message audience reaches now (creators only)",
    request: { query: massAudienceQuery },
    responses: { 200: json(massAudienceSchema, "The audience sizes.") },
  },
  {
    auth: "required",
    errors: { 403: "`not_a_creator`: only creators send mass messages.", 404: "No such list of yours." },
  },
);

const massOne = apiRoute(
  {
    method: "get",
    path: "/mass/{id}",
    tags,
    operationId: "getMassMessage",
    summary: "A mass message and how far it got",
    request: { params: idParam },
    responses: { 200: json(massMessageEnvelope, "The mass message.") },
  },
  { auth: "required", errors: { 404: "`not_found`: no such mass message of yours." } },
);

const massCancel = apiRoute(
  {
    method: "delete",
    path: "/mass/{id}",
    tags,
    operationId: "cancelMassMessage",
    summary: "Stop a scheduled or sending mass message (copies already sent stay)",
    request: { params: idParam },
    responses: { 200: json(massMessageEnvelope, "Canceled.") },
  },
  {
    auth: "required",
    errors: { 404: "`not_found`: no such mass message of yours.", 409: "`already_sent`: it is done." },
  },
);

const unsend = apiRoute(
  {
    method: "delete",
    path: "/{id}",
    tags,
    operationId: "unsendMessage",
    summary: "Unsend one of your messages (within 24 hours, unless it was bought)",
    request: { params: idParam },
    responses: { 204: { description: "Gone for both people." } },
  },
  {
    auth: "required",
    errors: {
      404: "`not_found`: no such message of yours.",
      409: ["`unsend_window_passed`: older than 24 hours.", "`message_bought`: it was bought."],
    },
  },
);

const unlock = apiRoute(
  {
    method: "post",
    path: "/{id}/unlock",
    tags,
    operationId: "unlockMessage",
    summary: "Buy a pay-per-view message",
    request: { params: idParam, body: jsonBody(unlockBody) },
    responses: {
      200: json(messageEnvelope, "Paid from the wallet: the message, unlocked."),
      202: checkoutStarted,
    },
  },
  {
    auth: "required",
    errors: {
      ...PURCHASE_ERRORS,
      400: [PURCHASE_ERRORS[400], "`not_ppv`: the message is free."],
      404: "`not_found`: no such message in your conversations.",
      409: [PURCHASE_ERRORS[409], "`already_owned`: already unlocked."],
    },
  },
);

// `/mass/audience` is registered before `/mass/{id}`, which would take "audience" for an id.
export function messagesRoutes({ messages }: { messages: MessagesService }) {
  return apiApp()
    .openapi(startMass, async (c) =>
      c.json({ massMessage: await messages.startMass(requireViewer(c).user, c.req.valid("json")) }, 202),
    )
    .openapi(massList, async (c) => {
      const q = c.req.valid("query");
      return c.json(await messages.massMessages(requireViewer(c).user, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(massAudience, async (c) =>
      c.json(await messages.massAudience(requireViewer(c).user, c.req.valid("query").listId), 200),
    )
    .openapi(massOne, async (c) =>
      c.json(
        { massMessage: await messages.massMessage(requireViewer(c).user, c.req.valid("param").id) },
        200,
      ),
    )
    .openapi(massCancel, async (c) =>
      c.json({ massMessage: await messages.cancelMass(requireViewer(c).user, c.req.valid("param").id) }, 200),
    )
    .openapi(unsend, async (c) => {
      await messages.unsend(requireEntitlementViewer(c), c.req.valid("param").id);
      return c.body(null, 204);
    })
    .openapi(unlock, async (c) =>
      respond(
        c,
        await messages.unlock(requireViewer(c).user, c.req.valid("param").id, c.req.valid("json").payWith),
        "message",
        200,
      ),
    );
}
