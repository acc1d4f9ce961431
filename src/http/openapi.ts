// The API contract's shared parts. Every /api/v1 route is declared with createRoute (@hono/zod-openapi):
// the zod schemas it validates its input with and the ones that describe its answers, so the OpenAPI 3.1
// document at /api/v1/openapi.json and the web client's generated types (web/src/api/schema.gen.ts) come
// from the same schemas the server runs. Here: the error body, response and request helpers, the
// error responses the middleware adds to every operation, and the document itself. (The page wrapper,
// `pageOf`, sits with the cursors in src/lib/cursor.ts, where the modules' schemas can reach it.)
import { createRoute, OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { Context, TypedResponse } from "hono";
import { z } from "zod";
import pkg from "../../package.json" with { type: "json" };
import { pageQuery } from "../lib/cursor.ts";
import type { JsonText } from "../lib/json-text.ts";
import { API_SCOPES, scopeFor } from "../lib/scopes.ts";
import { INTEGRATIONS_GUIDE } from "./api-docs.ts";
import { SESSION_COOKIE } from "./middleware/session.ts";
import type { AppEnv } from "./types.ts";
import { throwInvalid } from "./validate.ts";

/** Every failure's body, whatever the status (src/http/middleware/errors.ts writes it). */
export const ErrorBody = z
  .strictObject({
    error: z.strictObject({
      code: z
        .string()
        .meta({ description: "Stable and machine-readable, e.g. `not_found`, `rate_limited`." }),
      message: z.string().meta({ description: "For people: show it as it is." }),
      details: z
        .object({
          fields: z
            .record(z.string(), z.string())
            .optional()
            .meta({ description: "Validation errors: the message for each field, by its path." }),
          retryAfterSeconds: z
            .number()
            .int()
            .optional()
            .meta({ description: "Rate limits: when to try again (also the Retry-After header)." }),
        })
        .catchall(z.unknown())
        .optional(),
    }),
  })
  .meta({ id: "ErrorBody" });

/** A module's routes: their validation failures are our 400 `invalid_request`, as with validate(). */
export const apiApp = () => new OpenAPIHono<AppEnv>({ defaultHook: throwInvalid });

/** A JSON answer. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** Sends JSON text as the typed answer it holds (see JsonText). */
export const sendJsonText = <T, S extends 200 | 201>(c: Context, text: JsonText<T>, status: S) =>
  c.body(text, status, { "content-type": "application/json" }) as unknown as TypedResponse<T, S, "json">;

/** A JSON request body (required unless said otherwise). */
export const jsonBody = <S extends z.ZodType>(schema: S, opts: { required?: boolean } = {}) => ({
  required: opts.required ?? true,
  content: { "application/json": { schema } },
});

type ErrorStatus = 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 429 | 451 | 502 | 503;
/** An operation's own error responses: per status, one line per error code (markdown). */
export type ErrorLines = Partial<Record<ErrorStatus, string | string[]>>;

/** The 451 of every route that shows a creator or their content (their blocked countries). */
export const GEO_BLOCKED = "`geo_blocked`: the creator does not show their content in the viewer's country.";

const SIGNED_IN = [{ session: [] }, { bearer: [] }];
const SECURITY = { required: SIGNED_IN, optional: [{}, ...SIGNED_IN], none: [] };

/**
 * A /api/v1 route: createRoute plus the error responses the API's middleware adds to it (invalid input,
 * a bad token, the Origin check, the body limit, the setup gate) and its security. `auth`: "required"
 * (401 without a session), "optional" (anonymous allowed), "none" (needs no session). Error responses are
 * thrown, never returned, so they are left out of the handler's type.
 */
export function apiRoute<const R extends RouteConfig>(
  route: R,
  opts: { auth: keyof typeof SECURITY; errors?: ErrorLines; beforeSetup?: boolean },
): R {
  const req = route.request;
  const media = req?.body?.content["application/json"];
  const body = media && "schema" in media ? media : undefined;
  const validated = req?.params || req?.query || body?.schema instanceof z.ZodType;
  const lines: ErrorLines = {};
  const add = (status: ErrorStatus, more: string | string[] | undefined) => {
    if (more) lines[status] = [...[lines[status] ?? []].flat(), ...[more].flat()];
  };
  if (validated) add(400, "`invalid_request`: a parameter or the body does not validate (`details.fields`).");
  for (const [status, more] of Object.entries(opts.errors ?? {})) add(Number(status) as ErrorStatus, more);
  if (opts.auth === "required") add(401, "`unauthorized`: not logged in.");
  if (opts.auth !== "none")
    add(
      403,
      "`insufficient_scope`: an API key without this operation's scope (or any key, where none opens it).",
    );
  add(401, "`invalid_token`: the bearer token is invalid or expired.");
  if (route.method !== "get")
    add(403, "`bad_origin`: a cookie-authenticated request without this site's Origin (CSRF).");
  if (body) add(413, "`payload_too_large`: the JSON body is over 1 MiB.");
  if (body?.schema instanceof z.ZodType)
    add(415, "`unsupported_media_type`: the body is not sent as application/json.");
  if (!opts.beforeSetup) add(503, "`setup_required`: the site has not been set up yet.");
  const errors = Object.fromEntries(
    Object.entries(lines)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([status, list]) => [
        status,
        json(
          ErrorBody,
          [list]
            .flat()
            .map((l) => `- ${l}`)
            .join("\n"),
        ),
      ]),
  );
  return createRoute({
    ...route,
    security: SECURITY[opts.auth],
    responses: { ...route.responses, ...errors },
  }) as R;
}

/** The 400 of every keyset-paged list: a cursor that `decodeCursor` refuses. */
const BAD_CURSOR = "`bad_cursor`: the cursor is not one this API gave out.";

/**
 * A keyset-paged list, GET `path`: `query` (`?cursor=&limit=` unless the list has filters or another limit
 * of its own) and the page `{items, nextCursor}` (a `pageOf` schema) answered as "A page of <what>.". Its
 * `bad_cursor` 400 comes first, before the route's own errors. The handler decodes `cursor` with decodeCursor.
 */
export function listRoute<
  const P extends string,
  S extends z.ZodType,
  Q extends z.ZodObject = typeof pageQuery,
  I extends z.ZodObject | undefined = undefined,
>(
  spec: {
    path: P;
    tags: string[];
    operationId: string;
    summary: string;
    page: S;
    what: string;
    query?: Q;
    params?: I;
  },
  opts: { auth: "required" | "optional"; errors?: ErrorLines },
) {
  const { path, tags, operationId, summary, page, what, params } = spec;
  const query = (spec.query ?? pageQuery) as Q;
  // Spelled out so that the handler's c.req.valid("param") is typed (an optional `params` would lose it).
  const request = { params, query } as I extends z.ZodObject ? { params: I; query: Q } : { query: Q };
  const { 400: more, ...errors } = opts.errors ?? {};
  return apiRoute(
    {
      method: "get",
      path,
      tags,
      operationId,
      summary,
      request,
      responses: { 200: json(page, `A page of ${what}.`) },
    },
    { auth: opts.auth, errors: { 400: [BAD_CURSOR, ...[more ?? []].flat()], ...errors } },
  );
}

const TAGS = [
  { name: "site", description: "The site's public settings." },
  { name: "setup", description: "The first-run wizard: the first admin and the site's name." },
  { name: "auth", description: "Sign-up, log-in and sessions (cookie `fanz_session` or a bearer token)." },
  { name: "users", description: "The signed-in person." },
  { name: "creators", description: "Creator profiles: price, bundles, trial, avatar and banner." },
  { name: "posts", description: "Posts, likes, comments, and the fan's feed." },
  { name: "subscriptions", description: "A fan's subscriptions to creators." },
  { name: "payments", description: "Wallet, top-ups, unlocks, tips, earnings and provider webhooks." },
  { name: "payouts", description: "A creator's payout method and payout requests." },
  { name: "media", description: "Uploads to the creator's vault and their processing state." },
  {
    name: "messages",
    description:
      "Conversations, direct and pay-per-view messages, read receipts and mass messages; live over `GET /ws`.",
  },
  { name: "notifications", description: "Notifications: in-app, the channels a person chooses, web push." },
  {
    name: "compliance",
    description: "Identity verification (KYC), 2257 records and releases, DMCA notices and counter-notices.",
  },
  { name: "admin", description: "The admin console: payouts, refunds, settings, the job queue." },
  {
    name: "api-keys",
    description: "Scoped API keys (`Authorization: Bearer fanz_…`), managed by a signed-in person.",
  },
  {
    name: "outgoing-webhooks",
    description: "Signed HTTP callbacks of the site's events to a URL of the owner's (`Fanz-Signature`).",
  },
  { name: "meta", description: "This document." },
];

const DESCRIPTION = `The HTTP API of a Fanz site. JSON in and out; timestamps are epoch milliseconds and amounts
are integer cents (\`…Cents\`) in the currency given next to them. A single resource is wrapped by its name
(\`{"post": …}\`), a list is \`{items, nextCursor}\`, every error is \`{"error": {code, message, details?}}\`.

Authenticate with the \`fanz_session\` cookie (set by sign-up, log-in and setup; state-changing requests must
carry this site's \`Origin\`) or with \`Authorization: Bearer <token>\` using the \`token\` those answers return.

${INTEGRATIONS_GUIDE}`;

/** Serves the document of every route declared on `app` (build it after mounting them) at GET `path`. */
export function serveOpenApiDocument(app: OpenAPIHono<AppEnv>, path: string) {
  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: SESSION_COOKIE,
    description: "The session cookie; state-changing requests must also send this site's Origin.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "fanz_…",
    description:
      "An API key; each operation lists the scope it needs. Scopes:\n" +
      Object.entries(API_SCOPES)
        .map(([scope, what]) => `- \`${scope}\`: ${what}`)
        .join("\n"),
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "The `token` returned by sign-up, log-in or setup.",
  });
  // Built on first request (it reads every route's schemas), then kept: routes do not change at run time.
  let document: Record<string, unknown> | null = null;
  const route = createRoute({
    method: "get",
    path,
    tags: ["meta"],
    operationId: "getOpenApiDocument",
    summary: "This OpenAPI document",
    description: "Works before setup and without a session.",
    security: [],
    responses: {
      200: json(z.record(z.string(), z.unknown()).meta({ description: "OpenAPI 3.1" }), "The document."),
    },
  });
  return app.openapi(route, (c) => {
    document ??= buildOpenApiDocument(app);
    c.header("Cache-Control", "no-cache");
    return c.json(document, 200);
  });
}

type Operation = { security?: Record<string, string[]>[] };

/** The OpenAPI 3.1 document of the routes declared on `app`. */
export function buildOpenApiDocument(app: OpenAPIHono<AppEnv>): Record<string, unknown> {
  const doc = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: { title: "Fanz API", version: pkg.version, description: DESCRIPTION },
    tags: TAGS,
  }) as unknown as { paths?: Record<string, Record<string, Operation>> };
  // Each signed-in operation an API key may call names its scope, from the table the middleware enforces.
  for (const [path, item] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(item)) {
      const scope = scopeFor(method, path);
      if (scope && op.security?.length) op.security = [...op.security, { apiKey: [scope] }];
    }
  return doc as Record<string, unknown>;
}
