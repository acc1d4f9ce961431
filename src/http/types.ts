import type { Viewer } from "../modules/auth/service.ts";

/** Per-request values set by middleware. */
export interface AppEnv {
  Variables: {
    /** This request's id (X-Request-Id), on the HTTP layer's log lines. */
    requestId: string;
    viewer: Viewer | null;
    /** How the viewer authenticated: cookie requests are subject to the Origin check. */
    authVia: "cookie" | "bearer" | null;
    /** The API key the request came with (its scopes were checked by the session middleware), or null. */
    apiKey: { id: string; scopes: string[] } | null;
    clientIp: string;
    /** The viewer's country (ISO alpha-2, upper case) from [geo], or null when unknown. */
    country: string | null;
  };
}
