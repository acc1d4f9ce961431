// The sandbox provider's entry in the provider table.
import type { ProviderEntry } from "../entry.ts";
import { sandboxHandlers } from "./handlers.ts";
import { createSandboxProvider } from "./provider.ts";

// Typed on its own: the config's type comes from the table's keys, so an entry must not depend on it.
export const sandbox: ProviderEntry = {
  create: (config, deps) =>
    createSandboxProvider({
      secret: () => deps.generatedSecret("sandbox_webhook"),
      // Without a configured public URL the link is relative, so it stays on whatever origin the fan uses.
      baseUrl: () => (config.server.public_url ? deps.publicUrl() : ""),
      now: deps.now,
    }),
  webhookHandlers: sandboxHandlers,
  secretKeys: [],
};
