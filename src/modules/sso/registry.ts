// Which sign-in providers the site has, and the admin's saved ones: the config file's `[auth.oidc]`
// providers first, then those saved in the console under other ids (a file entry wins over a saved one
// with its id, which the console then shows read-only). Saved client secrets are sealed with the site's
// key; the console never gets one back, only whether it is set.
import type { AppContext } from "../../context.ts";
import { Conflict, NotFound } from "../../lib/errors.ts";
import type { AuditActor, AuditService } from "../audit/service.ts";
import { checkIssuer, configuredProviders, settingsOfRow, type ProviderSettings } from "./providers.ts";
import { providersRepo } from "./repo.ts";

export interface ProviderInput {
  name: string;
  issuer: string;
  clientId: string;
  /** Left out: the saved secret stays; "" removes it. */
  clientSecret?: string | undefined;
  scopes: string[];
  enabled: boolean;
}

export interface ProviderAdminView {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  clientSecretSet: boolean;
  scopes: string[];
  enabled: boolean;
  source: "config" | "site";
}

const adminView = (p: ProviderSettings): ProviderAdminView => ({
  id: p.id,
  name: p.name,
  issuer: p.issuer,
  clientId: p.clientId,
  clientSecretSet: p.clientSecret !== "",
  scopes: p.scopes,
  enabled: p.enabled,
  source: p.source,
});

export function createProviderRegistry(ctx: AppContext, deps: { audit: Pick<AuditService, "recordTx"> }) {
  async function all(): Promise<ProviderSettings[]> {
    const fromConfig = configuredProviders(ctx);
    const taken = new Set(fromConfig.map((p) => p.id));
    const saved = (await providersRepo.all(ctx.db.read))
      .filter((r) => !taken.has(r.id))
      .map((r) => settingsOfRow(r, (s) => ctx.sealer.open(s)));
    return [...fromConfig, ...saved];
  }

  return {
    all,
    /** A provider people may use now, or 404. */
    async usable(id: string): Promise<ProviderSettings> {
      const p = (await all()).find((x) => x.id === id && x.enabled);
      if (!p) throw new NotFound("Sign-in provider");
      return p;
    },
    /** Its display name even when disabled or removed since (for the linked accounts list). */
    async names(): Promise<Map<string, string>> {
      return new Map((await all()).map((p) => [p.id, p.name]));
    },

    adminList: async () => (await all()).map(adminView),

    /** Creates or replaces the saved provider `id`. */
    async save(actor: AuditActor, id: string, input: ProviderInput): Promise<ProviderAdminView> {
      if (configuredProviders(ctx).some((p) => p.id === id))
        throw new Conflict("This provider is set in the config file; change it there.", "provider_in_config");
      checkIssuer(input.issuer);
      const now = ctx.clock.now();
      await ctx.db.write(async (tx) => {
        const before = await providersRepo.byId(tx, id);
        const secret =
          input.clientSecret === undefined
            ? (before?.clientSecretSealed ?? null)
            : input.clientSecret
              ? ctx.sealer.seal(input.clientSecret)
              : null;
        const row = {
          kind: "oidc" as const,
          name: input.name,
          issuer: input.issuer,
          clientId: input.clientId,
          clientSecretSealed: secret,
          scopes: JSON.stringify(input.scopes),
          enabled: input.enabled,
          updatedAt: now,
        };
        if (before) await providersRepo.update(tx, id, row);
        else await providersRepo.insert(tx, { id, ...row, createdAt: now });
        await deps.audit.recordTx(tx, {
          ...actor,
          action: "sso.provider.save",
          target: { type: "sso_provider", id },
          details: {
            name: input.name,
            issuer: input.issuer,
            clientId: input.clientId,
            enabled: input.enabled,
            clientSecret: input.clientSecret === undefined ? "kept" : input.clientSecret ? "set" : "removed",
          },
        });
      });
      const saved = (await all()).find((p) => p.id === id);
      if (!saved) throw new NotFound("Sign-in provider");
      return adminView(saved);
    },

    async remove(actor: AuditActor, id: string): Promise<void> {
      if (configuredProviders(ctx).some((p) => p.id === id))
        throw new Conflict("This provider is set in the config file; remove it there.", "provider_in_config");
      await ctx.db.write(async (tx) => {
        if ((await providersRepo.remove(tx, id)) === 0) throw new NotFound("Sign-in provider");
        await deps.audit.recordTx(tx, {
          ...actor,
          action: "sso.provider.remove",
          target: { type: "sso_provider", id },
        });
      });
    },
  };
}

export type ProviderRegistry = ReturnType<typeof createProviderRegistry>;
