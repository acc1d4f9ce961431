import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/**
 * Sign-in providers the admin saved in the console (those of `[auth.oidc]` in the config file are not
 * stored: the file wins over a row with the same id). The client secret is sealed with the site's key.
 */
export const ssoProviders = sqliteTable("sso_providers", {
  id: text("id").primaryKey(),
  /** "oidc" today; an OAuth-only kind (no ID token) would be a second value behind the same interface. */
  kind: text("kind", { enum: ["oidc"] }).notNull(),
  name: text("name").notNull(),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  clientSecretSealed: text("client_secret_sealed"),
  /** JSON array of scopes. */
  scopes: text("scopes").notNull(),
  enabled: integer("enabled", { mode: "boolean" }).notNull(),
  createdAt: integer("created_at").notNull(),
  updatedAt: integer("updated_at").notNull(),
});

export type SsoProviderRow = typeof ssoProviders.$inferSelect;

/**
 * An outside account (a provider's subject) linked to a person: signing in with it signs in as them.
 * One per provider and subject (so one person at most), one per person and provider.
 */
export const linkedIdentities = sqliteTable(
  "linked_identities",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: text("provider_id").notNull(),
    /** The issuer that asserted the subject (an identity does not follow a provider to a new issuer). */
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    /** The address the provider gave when linked or last used, for the settings page. */
    email: text("email"),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [
    uniqueIndex("linked_identities_subject_idx").on(t.providerId, t.issuer, t.subject),
    uniqueIndex("linked_identities_user_provider_idx").on(t.userId, t.providerId),
  ],
);

export type LinkedIdentityRow = typeof linkedIdentities.$inferSelect;

/**
 * A sign-in in flight, named by the browser's `fanz_sso` cookie: the state, nonce and PKCE verifier
 * sent to the provider (spent by the callback), then, for a new person, the identity the provider
 * asserted while they confirm their age (`pending_*`). Minutes to live.
 */
export const ssoFlows = sqliteTable(
  "sso_flows",
  {
    /** SHA-256 of the cookie's value. */
    idHash: text("id_hash").primaryKey(),
    providerId: text("provider_id").notNull(),
    /** "login" (log in or sign up) or "link" (a signed-in person adds the identity in settings). */
    intent: text("intent", { enum: ["login", "link"] }).notNull(),
    /** Who links (intent "link"). */
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    state: text("state").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    /** A path of this site to go back to afterwards. */
    returnTo: text("return_to").notNull(),
    /** Set once the callback made it a sign-up waiting for the age confirmation: the asserted identity (JSON). */
    pending: text("pending"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sso_flows_expires_idx").on(t.expiresAt)],
);

export type SsoFlowRow = typeof ssoFlows.$inferSelect;
