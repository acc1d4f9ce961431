// Holds real answers to the API contract: every response a test gets through `checked` must be declared
// by its operation (status and content type) and parse with the operation's own zod response schema.
// Response schemas are strict objects, so a missing, extra or wrongly typed field fails the parse.
import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import { z } from "zod";
import type { Actor, Res, TestApp } from "./api.ts";

interface Operation {
  id: string;
  method: string;
  path: string;
  pattern: RegExp;
  params: number;
  route: RouteConfig;
}

export function contract(http: OpenAPIHono<any>) {
  const operations: Operation[] = http.openAPIRegistry.definitions.flatMap((d) =>
    d.type === "route"
      ? [
          {
            id: d.route.operationId ?? `${d.route.method} ${d.route.path}`,
            method: d.route.method.toUpperCase(),
            path: d.route.path,
            pattern: new RegExp(`^${d.route.path.replace(/\{[^}]+\}/g, "[^/]+").replace(/\./g, "\\.")}$`),
            params: (d.route.path.match(/\{/g) ?? []).length,
            route: d.route,
          },
        ]
      : [],
  );
  /** Operation id -> statuses seen. */
  const seen = new Map<string, Set<number>>();

  function operationOf(method: string, url: string): Operation {
    const path = new URL(url, "http://x").pathname;
    // A literal segment wins over a parameter (/posts/mine over /posts/{id}).
    const op = operations
      .filter((o) => o.method === method && o.pattern.test(path))
      .sort((a, b) => a.params - b.params)[0];
    if (!op) throw new Error(`${method} ${path} is not an operation of the document`);
    return op;
  }

  /** Throws unless `res` is an answer the operation declares, in the declared shape. */
  function check(method: string, url: string, res: Res): void {
    const op = operationOf(method, url);
    const declared = op.route.responses[res.status] as
      { content?: Record<string, { schema?: unknown }> } | undefined;
    const what = `${op.id} (${method} ${url}) answered ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
    if (!declared) throw new Error(`${what}: status not declared`);
    if (!seen.has(op.id)) seen.set(op.id, new Set());
    seen.get(op.id)!.add(res.status);
    const content = declared.content ?? {};
    const types = Object.keys(content);
    if (types.length === 0) {
      if (res.body !== null) throw new Error(`${what}: a body where none is declared`);
      return;
    }
    const type = res.headers.get("content-type") ?? "";
    const media = types.find((t) => type.startsWith(t));
    if (!media) throw new Error(`${what}: content type ${type}, declared ${types.join(", ")}`);
    const schema = content[media]!.schema;
    if (!(schema instanceof z.ZodType)) return;
    const parsed = schema.safeParse(res.body);
    if (!parsed.success)
      throw new Error(`${what}: does not match its schema:\n${z.prettifyError(parsed.error)}`);
  }

  /** Operations never answered with a success so far: a 2xx, or a redirect for those that only redirect. */
  const untested = () =>
    operations.filter((o) => ![...(seen.get(o.id) ?? [])].some((s) => s >= 200 && s < 400)).map((o) => o.id);

  return { operations, check, untested, seen };
}

/** `app.call` and friends, each answer checked against the contract. */
export function checkedClient(app: TestApp, c: ReturnType<typeof contract>) {
  const call = async <T = any>(
    method: string,
    path: string,
    init: Parameters<TestApp["call"]>[2] = {},
  ): Promise<Res<T>> => {
    const res = await app.call<T>(method, path, init);
    c.check(method, path, res);
    return res;
  };
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>("GET", path, { token }),
    post: <T = any>(path: string, body?: unknown, token?: string) => call<T>("POST", path, { body, token }),
    put: <T = any>(path: string, body?: unknown, token?: string) => call<T>("PUT", path, { body, token }),
    patch: <T = any>(path: string, body?: unknown, token?: string) => call<T>("PATCH", path, { body, token }),
    del: <T = any>(path: string, token?: string) => call<T>("DELETE", path, { token }),
    async upload(a: Actor, bytes: Buffer, fileName: string, path = "/api/v1/media") {
      const res = await app.upload(a, bytes, fileName, path);
      c.check("POST", path, res);
      return res;
    },
  };
}
