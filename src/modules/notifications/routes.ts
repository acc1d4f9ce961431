// Notifications: the list (with the unread count) and marking them read; a person's channels per kind
// (mounted at /users/me/notification-settings); web push: the site's key and a browser's subscription.
import type { NotificationsService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { decodeCursor, pageQuery } from "../../lib/cursor.ts";
import { apiApp, apiRoute, json, jsonBody } from "../../http/openapi.ts";
import {
  notificationPageSchema,
  notificationSettingsBody,
  notificationSettingsEnvelope,
  pushKeySchema,
  pushSubscriptionBody,
  pushSubscriptionEnvelope,
  pushUnsubscribeBody,
} from "./schemas.ts";

const tags = ["notifications"];

const list = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "listNotifications",
    summary: "The person's notifications, newest first, and how many are unread",
    request: { query: pageQuery },
    responses: { 200: json(notificationPageSchema, "A page of notifications.") },
  },
  { auth: "required", errors: { 400: "`bad_cursor`: the cursor is not one this API gave out." } },
);

const markRead = apiRoute(
  {
    method: "post",
    path: "/read",
    tags,
    operationId: "markNotificationsRead",
    summary: "Mark every notification read",
    responses: { 204: { description: "Done." } },
  },
  { auth: "required" },
);

export function notificationsRoutes({ notifications }: { notifications: NotificationsService }) {
  return apiApp()
    .openapi(list, async (c) => {
      const q = c.req.valid("query");
      return c.json(await notifications.list(requireViewer(c).user.id, decodeCursor(q.cursor), q.limit), 200);
    })
    .openapi(markRead, async (c) => {
      await notifications.markAllRead(requireViewer(c).user.id);
      return c.body(null, 204);
    });
}

const getSettings = apiRoute(
  {
    method: "get",
    path: "/",
    tags,
    operationId: "getNotificationSettings",
    summary: "Which channels (in-app, e-mail, push) the person gets each kind of notification on",
    responses: { 200: json(notificationSettingsEnvelope, "Every kind, with its channels.") },
  },
  { auth: "required" },
);

const putSettings = apiRoute(
  {
    method: "put",
    path: "/",
    tags,
    operationId: "updateNotificationSettings",
    summary: "Change the channels of some kinds; the others stay as they are",
    request: { body: jsonBody(notificationSettingsBody) },
    responses: { 200: json(notificationSettingsEnvelope, "Every kind, with its channels as they now are.") },
  },
  { auth: "required" },
);

/** Mounted at /users/me/notification-settings. */
export function notificationSettingsRoutes({ notifications }: { notifications: NotificationsService }) {
  return apiApp()
    .openapi(getSettings, async (c) =>
      c.json({ settings: await notifications.settings(requireViewer(c).user.id) }, 200),
    )
    .openapi(putSettings, async (c) =>
      c.json(
        {
          settings: await notifications.updateSettings(
            requireViewer(c).user.id,
            c.req.valid("json").settings,
          ),
        },
        200,
      ),
    );
}

const pushKey = apiRoute(
  {
    method: "get",
    path: "/key",
    tags,
    operationId: "getPushKey",
    summary: "The site's web push key, for PushManager.subscribe({ applicationServerKey })",
    responses: { 200: json(pushKeySchema, "The key.") },
  },
  { auth: "required" },
);

const subscribe = apiRoute(
  {
    method: "post",
    path: "/subscriptions",
    tags,
    operationId: "subscribePush",
    summary: "Receive web push notifications in this browser",
    description: "Idempotent per endpoint: subscribing the same browser again replaces its keys.",
    request: { body: jsonBody(pushSubscriptionBody) },
    responses: { 201: json(pushSubscriptionEnvelope, "Subscribed.") },
  },
  { auth: "required", errors: { 400: "`invalid_request`: not an https endpoint, or not a browser's keys." } },
);

const unsubscribe = apiRoute(
  {
    method: "delete",
    path: "/subscriptions",
    tags,
    operationId: "unsubscribePush",
    summary: "Stop web push to this browser",
    request: { body: jsonBody(pushUnsubscribeBody) },
    responses: { 204: { description: "Done (also when it was not subscribed)." } },
  },
  { auth: "required" },
);

/** Mounted at /push. */
export function pushRoutes({ notifications }: { notifications: NotificationsService }) {
  return apiApp()
    .openapi(pushKey, async (c) => {
      requireViewer(c);
      return c.json({ publicKey: await notifications.push.publicKey() }, 200);
    })
    .openapi(subscribe, async (c) => {
      const body = c.req.valid("json");
      await notifications.push.subscribe(requireViewer(c).user.id, body);
      return c.json({ subscription: { endpoint: body.endpoint } }, 201);
    })
    .openapi(unsubscribe, async (c) => {
      await notifications.push.unsubscribe(requireViewer(c).user.id, c.req.valid("json").endpoint);
      return c.body(null, 204);
    });
}
