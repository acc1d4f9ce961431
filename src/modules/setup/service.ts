// First-run setup: a one-time token (printed and written to <data_dir>/setup-token, 0600) lets whoever
// runs the server create the first admin and name the site. Afterwards the token is void.
import { rmSync, writeFileSync } from "node:fs";
import type { AppContext } from "../../context.ts";
import { Conflict, Forbidden } from "../../lib/errors.ts";
import { constantTimeEqual, sha256Hex } from "../../lib/crypto.ts";
import { newSecret } from "../../lib/ids.ts";
import type { AuditService } from "../audit/service.ts";
import type { AuthService, ClientInfo } from "../auth/service.ts";
import type { NotificationsService, SmtpInput } from "../notifications/service.ts";
import type { SiteService } from "../site/service.ts";
import { toSelf, type UsersService } from "../users/service.ts";

export interface SetupInput {
  token: string;
  siteName: string;
  admin: { email: string; username: string; password: string; displayName?: string | undefined };
  smtp?: SmtpInput | undefined;
  requireCreatorVerification?: boolean | undefined;
}

export function createSetupService(
  ctx: AppContext,
  deps: {
    users: Pick<UsersService, "anyAdmin" | "insert">;
    site: Pick<SiteService, "secret" | "isSetupComplete" | "update" | "present" | "settings">;
    auth: Pick<AuthService, "hashPassword" | "createSession">;
    email: Pick<NotificationsService["email"], "saveTx">;
    audit: Pick<AuditService, "recordTx">;
  },
) {
  const { users, site, auth, email, audit } = deps;
  const TOKEN_KEY = "setup_token_hash";
  return {
    /** On start: if no admin exists, issue a fresh token and return it; otherwise remove any stale file. */
    async issueTokenIfNeeded(): Promise<string | null> {
      if (await users.anyAdmin()) {
        rmSync(ctx.paths.setupToken, { force: true });
        return null;
      }
      const token = newSecret(24);
      await ctx.db.write((tx) => site.secret.put(tx, TOKEN_KEY, sha256Hex(token)));
      writeFileSync(ctx.paths.setupToken, token + "\n", { mode: 0o600 });
      return token;
    },

    /** `client`: the wizard's address and browser, for the session and the audit entry. */
    async complete(input: SetupInput, client?: ClientInfo) {
      if (await site.isSetupComplete()) throw new Conflict("Setup is already complete.", "setup_done");
      const passwordHash = await auth.hashPassword(input.admin.password);
      const result = await ctx.db.write(async (tx) => {
        if (await users.anyAdmin(tx)) throw new Conflict("Setup is already complete.", "setup_done");
        const stored = await site.secret.get(TOKEN_KEY, tx);
        if (!stored || !constantTimeEqual(stored, sha256Hex(input.token.trim()))) {
          throw new Forbidden(
            "The setup token is not valid. Use the one the server printed at start.",
            "bad_setup_token",
          );
        }
        const user = await users.insert(tx, { ...input.admin, passwordHash, role: "admin" });
        await site.update(tx, {
          name: input.siteName.trim(),
          setupCompletedAt: ctx.clock.now(),
          requireCreatorVerification: input.requireCreatorVerification ?? false,
        });
        if (input.smtp) await email.saveTx(tx, input.smtp);
        await site.secret.remove(tx, TOKEN_KEY);
        await audit.recordTx(tx, {
          actorId: user.id,
          ip: client?.ip ?? null,
          action: "setup.complete",
          target: { type: "site", id: "site" },
          details: {
            siteName: input.siteName.trim(),
            admin: user.username,
            smtp: input.smtp ? "saved" : "none",
          },
        });
        const session = await auth.createSession(tx, user.id, client);
        return { user: toSelf(user, false), ...session };
      });
      rmSync(ctx.paths.setupToken, { force: true });
      return { ...result, site: await site.present() };
    },

    /** CLI path (`fanzctl user create-admin`): an admin without the wizard; also completes setup. */
    async createAdmin(admin: SetupInput["admin"]) {
      const passwordHash = await auth.hashPassword(admin.password);
      const user = await ctx.db.write(async (tx) => {
        const row = await users.insert(tx, { ...admin, passwordHash, role: "admin" });
        if ((await site.settings(tx)).setupCompletedAt === null) {
          await site.update(tx, { setupCompletedAt: ctx.clock.now() });
        }
        await site.secret.remove(tx, TOKEN_KEY);
        return row;
      });
      rmSync(ctx.paths.setupToken, { force: true });
      return toSelf(user, false);
    },
  };
}

export type SetupService = ReturnType<typeof createSetupService>;
