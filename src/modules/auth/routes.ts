import { Hono } from "hono";
import type { AppContext } from "../../context.ts";
import type { AuthService } from "./service.ts";
import { clearSessionCookie, requireViewer, setSessionCookie } from "../../http/middleware/session.ts";
import type { AppEnv } from "../../http/types.ts";
import { validate } from "../../http/validate.ts";
import { loginBody, signupBody } from "./schemas.ts";

export function authRoutes(ctx: AppContext, { auth }: { auth: AuthService }) {
  return new Hono<AppEnv>()
    .post("/signup", validate("json", signupBody), async (c) => {
      const { ageConfirmed: _age, ...input } = c.req.valid("json");
      const r = await auth.signup(input, c.get("clientIp"));
      setSessionCookie(ctx, c, r.token, r.expiresAt);
      return c.json({ user: r.user, token: r.token }, 201);
    })
    .post("/login", validate("json", loginBody), async (c) => {
      const { email, password } = c.req.valid("json");
      const r = await auth.login(email, password, c.get("clientIp"));
      setSessionCookie(ctx, c, r.token, r.expiresAt);
      return c.json({ user: r.user, token: r.token });
    })
    .post("/logout", async (c) => {
      const v = requireViewer(c);
      await auth.logout(v.session.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .post("/logout-all", async (c) => {
      const v = requireViewer(c);
      await auth.logoutEverywhere(v.user.id);
      clearSessionCookie(c);
      return c.body(null, 204);
    });
}
