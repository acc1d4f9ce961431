import type { Viewer } from "../modules/auth/service.ts";

/** Per-request values set by middleware. */
export interface AppEnv {
  Variables: {
    viewer: Viewer | null;
    /** How the viewer authenticated: cookie requests are subject to the Origin check. */
    authVia: "cookie" | "bearer" | null;
    clientIp: string;
    /** The viewer's country (ISO alpha-2, upper case) from [geo], or null when unknown. */
    country: string | null;
  };
}
