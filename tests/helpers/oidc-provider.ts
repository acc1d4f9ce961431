// A real OpenID provider for the tests (node-oidc-provider) on 127.0.0.1: one static confidential client,
// accounts whose claims the test sets, and an interaction that signs in whoever `signInAs` names at once
// (no forms), granting the scopes asked for. Its issuer is known before the site starts (the listening
// socket comes first), the client's redirect URI once the site's address is known (`connect`).
import { createSign, generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  preferred_username?: string;
}

export const TEST_CLIENT = { id: "fanz-site", secret: "fanz-site-secret-0123456789" };

export async function startOidcProvider() {
  const accounts = new Map<string, TestAccount>();
  let current: string | null = null;
  let provider: Provider | null = null;
  const server: Server = createServer((req, res) => {
    if (!provider) {
      res.statusCode = 503;
      res.end("not connected");
      return;
    }
    const p = provider;
    if (req.url?.startsWith("/interaction/")) {
      void (async () => {
        try {
          const details = await p.interactionDetails(req, res);
          if (details.prompt.name === "login") {
            if (!current) throw new Error("the test named nobody to sign in as");
            await p.interactionFinished(
              req,
              res,
              { login: { accountId: current } },
              { mergeWithLastSubmission: false },
            );
          } else {
            const grant = new p.Grant({
              accountId: details.session!.accountId,
              clientId: details.params.client_id!,
            });
            grant.addOIDCScope(details.params.scope ?? "openid");
            const grantId = await grant.save();
            await p.interactionFinished(
              req,
              res,
              { consent: { grantId } },
              { mergeWithLastSubmission: true },
            );
          }
        } catch (err) {
          res.statusCode = 500;
          res.end(String(err));
        }
      })();
      return;
    }
    p.callback()(req, res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    /** Creates the provider with the site's redirect URIs (one per provider id it is configured under). */
    connect(redirectUris: string[]) {
      const signingKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
      provider = new Provider(issuer, {
        clients: [
          {
            client_id: TEST_CLIENT.id,
            client_secret: TEST_CLIENT.secret,
            redirect_uris: redirectUris,
            token_endpoint_auth_method: "client_secret_post",
            response_types: ["code"],
            grant_types: ["authorization_code"],
          },
        ],
        claims: { email: ["email", "email_verified"], profile: ["name", "preferred_username"] },
        features: { devInteractions: { enabled: false } },
        interactions: {
          url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
        },
        cookies: { keys: ["test-cookie-key-0123456789abcdef"] },
        // Its own signing key (the ID tokens' signatures are checked against the JWKS it publishes).
        jwks: {
          keys: [{ ...signingKey.export({ format: "jwk" }), kid: "test-rs256", alg: "RS256", use: "sig" }],
        },
        findAccount: (_ctx: unknown, id: string) => {
          const a = accounts.get(id);
          return a ? { accountId: id, claims: () => ({ ...a }) } : undefined;
        },
      });
      // The provider logs its own errors only through events; the tests read what the site says.
      provider.on("server_error", () => undefined);
    },
    /** The account that the next sign-in at the provider signs in as (its claims as given). */
    signInAs(account: TestAccount) {
      accounts.set(account.sub, account);
      current = account.sub;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

export type TestOidcProvider = Awaited<ReturnType<typeof startOidcProvider>>;

/** A browser's cookies, per origin (paths and expiry ignored: tests keep to a few minutes). */
export class CookieJar {
  private jars = new Map<string, Map<string, string>>();
  header(url: URL): string {
    const jar = this.jars.get(url.origin);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join("; ") : "";
  }
  take(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const jar = this.jars.get(url.origin) ?? new Map<string, string>();
      this.jars.set(url.origin, jar);
      const gone = attrs.some((a) => /^\s*max-age=0$/i.test(a)) || value === "";
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
  }
  get(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }
  set(origin: string, name: string, value: string): void {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    jar.set(name, value);
  }
}

/** One request as a browser makes it: the jar's cookies, redirects not followed. */
export async function browse(
  jar: CookieJar,
  url: string,
  init: { method?: string; body?: unknown; origin?: string } = {},
): Promise<Response> {
  const u = new URL(url);
  const headers: Record<string, string> = { cookie: jar.header(u) };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.origin) headers.origin = init.origin;
  const res = await fetch(u, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    redirect: "manual",
  });
  jar.take(u, res);
  return res;
}

/**
 * Follows redirects as a browser would, until a page of `siteBase` that is not under /api/ (where the
 * site's UI would take over). `edit` may change a URL before it is requested (tampering tests); `stopAt`
 * stops before requesting a URL it matches (to replay it later).
 */
export async function follow(
  jar: CookieJar,
  url: string,
  siteBase: string,
  opts: { edit?: (u: URL) => URL; stopAt?: (u: URL) => boolean } = {},
): Promise<{ url: URL; res: Response | null; hops: URL[] }> {
  let next = new URL(url);
  const hops: URL[] = [];
  for (let i = 0; i < 20; i++) {
    if (opts.edit) next = opts.edit(next);
    hops.push(next);
    if (next.origin === siteBase && !next.pathname.startsWith("/api/")) return { url: next, res: null, hops };
    if (opts.stopAt?.(next)) return { url: next, res: null, hops };
    const res = await browse(jar, next.href);
    const location = res.headers.get("location");
    if (res.status < 300 || res.status >= 400 || !location) return { url: next, res, hops };
    next = new URL(location, next);
  }
  throw new Error(`too many redirects: ${hops.map((h) => h.href).join(" -> ")}`);
}

/**
 * A minimal hand-made OpenID provider whose token endpoint signs ID tokens with a key of the test's
 * choosing: the one its JWKS publishes (a valid answer) or another one under the same key id (a forgery
 * that only the signature check can tell). It has no authorization page: tests call the site's callback
 * with a code themselves, after `expectNonce` names the nonce the flow sent.
 */
export async function startSigningProvider() {
  const published = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forger = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...published.publicKey.export({ format: "jwk" }), kid: "k1", alg: "RS256", use: "sig" };
  let key = published.privateKey;
  let nonce = "";
  let claims: Record<string, unknown> = {};
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const server: Server = createServer((req, res) => {
    const send = (body: unknown) => {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(body));
    };
    if (req.url === "/.well-known/openid-configuration")
      return send({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
      });
    if (req.url === "/jwks") return send({ keys: [jwk] });
    if (req.url === "/token" && req.method === "POST") {
      req.resume();
      const now = Math.floor(Date.now() / 1000);
      const head = b64({ alg: "RS256", kid: "k1", typ: "JWT" });
      const body = b64({ iss: issuer, aud: TEST_CLIENT.id, iat: now, exp: now + 300, nonce, ...claims });
      const signature = createSign("RSA-SHA256").update(`${head}.${body}`).sign(key).toString("base64url");
      return send({
        access_token: "at",
        token_type: "Bearer",
        expires_in: 300,
        id_token: `${head}.${body}.${signature}`,
      });
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    /** The next ID token: its claims, the nonce it carries, and whether the published key signs it. */
    next(opts: { claims: Record<string, unknown>; nonce: string; forged: boolean }) {
      claims = opts.claims;
      nonce = opts.nonce;
      key = opts.forged ? forger.privateKey : published.privateKey;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
