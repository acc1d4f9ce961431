import { sqliteTable, text, integer, index, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "../users/tables.ts";

/** Sessions (Lucia's design): the token is `<id>.<secret>`; only SHA-256 of the secret is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    secretHash: text("secret_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    /** The browser or client that signed in (its User-Agent, cut to 512 characters). */
    userAgent: text("user_agent"),
    /** The address last seen using the session. */
    ip: text("ip"),
    /** The country of that address ([geo]: the database or the trusted header), when known. */
    country: text("country"),
    /** Moved at most once a minute by the requests that use the session (it is on every request's path). */
    lastSeenAt: integer("last_seen_at"),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export type SessionRow = typeof sessions.$inferSelect;

/**
 * A person's authenticator app (TOTP, RFC 6238). The secret is sealed with the site's key. `pendingSealed`
 * is a secret being set up (shown as a QR code, not yet confirmed with a code); `secretSealed` the one in
 * use once enabled. `lastStep`: the time step of the last accepted code, so no code is accepted twice.
 */
export const totpCredentials = sqliteTable("totp_credentials", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed"),
  pendingSealed: text("pending_sealed"),
  pendingAt: integer("pending_at"),
  enabledAt: integer("enabled_at"),
  lastStep: integer("last_step"),
});

export type TotpRow = typeof totpCredentials.$inferSelect;

/** Single-use recovery codes of two-factor sign-in; only SHA-256 of a code is stored. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: integer("created_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [uniqueIndex("recovery_codes_user_hash_idx").on(t.userId, t.codeHash)],
);

/**
 * Single-use tokens of the account flows, stored as SHA-256: the second step of a two-factor log-in
 * (`login_2fa`, minutes), a password reset mailed to the address (`password_reset`, 1 h), a link proving
 * the address (`email_verify`, with the address it was sent to).
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["login_2fa", "password_reset", "email_verify"] }).notNull(),
    email: text("email"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [
    index("account_tokens_user_idx").on(t.userId, t.purpose),
    index("account_tokens_expires_idx").on(t.expiresAt),
  ],
);

export type AccountTokenRow = typeof accountTokens.$inferSelect;
export type TokenPurpose = AccountTokenRow["purpose"];

/** WebAuthn credentials (passkeys): the public key, the signature counter, a name the person chose. */
export const passkeys = sqliteTable(
  "passkeys",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The credential id the authenticator chose (base64url). */
    credentialId: text("credential_id").notNull(),
    /** COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    counter: integer("counter").notNull(),
    /** JSON array of transports (internal, hybrid, usb…) the browser reported. */
    transports: text("transports").notNull(),
    name: text("name").notNull(),
    /** "singleDevice" or "multiDevice" (synced by a password manager). */
    deviceType: text("device_type").notNull(),
    backedUp: integer("backed_up", { mode: "boolean" }).notNull(),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [
    uniqueIndex("passkeys_credential_idx").on(t.credentialId),
    index("passkeys_user_idx").on(t.userId, t.createdAt),
  ],
);

export type PasskeyRow = typeof passkeys.$inferSelect;

/**
 * WebAuthn challenges handed out with registration or sign-in options; single-use, a few minutes. A
 * registration's is bound to the person; a sign-in's to nobody (discoverable credentials: the
 * authenticator says whose credential it is).
 */
export const webauthnChallenges = sqliteTable(
  "webauthn_challenges",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["register", "login"] }).notNull(),
    challenge: text("challenge").notNull(),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("webauthn_challenges_expires_idx").on(t.expiresAt)],
);
