import { z } from "zod";
import { epochMs, idField } from "../../lib/fields.ts";
import { displayName, email, password, username, userSchema } from "../users/schemas.ts";

export const signupBody = z
  .object({
    email,
    username,
    password,
    displayName: displayName.optional(),
    ageConfirmed: z.literal(true, { error: "You must confirm that you are 18 or older." }),
    ref: z.string().trim().max(64).optional().meta({
      description: "The referral code of the link the person signed up through (a creator's username).",
    }),
  })
  .meta({ id: "SignupInput" });

export const loginBody = z
  .object({
    email: z.string().trim().max(254),
    password: z.string().max(256),
  })
  .meta({ id: "LoginInput" });

/** Sign-up and log-in: the account and a session token (also set as the `fanz_session` cookie). */
export const sessionSchema = z
  .strictObject({
    user: userSchema,
    token: z.string().meta({ description: "Send as `Authorization: Bearer <token>` (API clients)." }),
  })
  .meta({ id: "Session" });

export const twoFactorChallengeSchema = z
  .strictObject({
    twoFactorRequired: z.literal(true),
    challenge: z.string().meta({
      description: "Send with a code to `POST /auth/login/2fa` within 5 minutes; it works once.",
    }),
  })
  .meta({ id: "TwoFactorChallenge" });

/** A log-in answers a session, or, with two-factor sign-in on, a challenge and no session yet. */
export const loginResultSchema = z
  .union([sessionSchema, twoFactorChallengeSchema])
  .meta({ id: "LoginResult" });

const token = z.string().trim().min(1).max(64);
const otp = z.string().trim().max(64).meta({ description: "The 6-digit code of the authenticator app." });
const recoveryCode = z.string().trim().min(1).max(64).meta({ description: "One of the recovery codes." });

export const login2faBody = z
  .object({ challenge: token, code: otp.optional(), recoveryCode: recoveryCode.optional() })
  .refine((b) => (b.code === undefined) !== (b.recoveryCode === undefined), {
    message: "Send either a code or a recovery code.",
    path: ["code"],
  })
  .meta({ id: "Login2faInput" });

export const twoFactorSetupSchema = z
  .strictObject({
    secret: z.string().meta({ description: "Base32, to type into the app by hand." }),
    otpauthUrl: z.string().meta({ description: "The `otpauth://totp/…` URI the QR code holds." }),
    qrSvg: z.string().meta({ description: "The QR code as an SVG document." }),
  })
  .meta({ id: "TwoFactorSetup" });

export const twoFactorEnableBody = z.object({ code: otp }).meta({ id: "TwoFactorEnableInput" });
export const twoFactorDisableBody = z
  .object({
    password: z.string().min(1).max(256),
    code: z.string().trim().min(1).max(64).meta({ description: "A code of the app, or a recovery code." }),
  })
  .meta({ id: "TwoFactorDisableInput" });

export const recoveryCodesSchema = z
  .strictObject({ recoveryCodes: z.array(z.string()).meta({ description: "Shown once; each works once." }) })
  .meta({ id: "RecoveryCodes" });

export const twoFactorStatusSchema = z
  .strictObject({
    twoFactor: z.strictObject({
      enabled: z.boolean(),
      enabledAt: epochMs.nullable(),
      recoveryCodesLeft: z.number().int(),
    }),
  })
  .meta({ id: "TwoFactorStatus" });

export const sessionViewSchema = z
  .strictObject({
    id: idField,
    device: z.string().meta({ description: 'Read from the User-Agent, e.g. "Chrome on Linux".' }),
    place: z.string().nullable().meta({ description: 'The address, last part masked: "203.0.113.x".' }),
    lastSeenAt: epochMs,
    createdAt: epochMs,
    current: z.boolean().meta({ description: "The session of this request." }),
  })
  .meta({ id: "SessionInfo" });

export const sessionListSchema = z
  .strictObject({ items: z.array(sessionViewSchema) })
  .meta({ id: "SessionList" });

export const passkeySchema = z
  .strictObject({
    id: idField,
    name: z.string(),
    deviceType: z.enum(["singleDevice", "multiDevice"]).meta({
      description: "`multiDevice`: synced by a password manager or the platform.",
    }),
    backedUp: z.boolean(),
    createdAt: epochMs,
    lastUsedAt: epochMs.nullable(),
  })
  .meta({ id: "Passkey" });

export const passkeyListSchema = z
  .strictObject({ items: z.array(passkeySchema) })
  .meta({ id: "PasskeyList" });

const passkeyName = z.string().trim().min(1, "Give the passkey a name.").max(60);

/** WebAuthn options as @simplewebauthn/browser takes them (`optionsJSON`). */
const webauthnOptions = z
  .record(z.string(), z.unknown())
  .meta({ description: "PublicKeyCredential…OptionsJSON" });
export const passkeyOptionsSchema = z
  .strictObject({ flowId: idField, options: webauthnOptions })
  .meta({ id: "PasskeyOptions" });

const b64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*={0,2}$/, "base64url");
/**
 * The browser's credential as JSON (@simplewebauthn/browser's answer), checked by the server library;
 * fields it does not read are dropped.
 */
const credentialJson = <R extends z.ZodType>(response: R) =>
  z.object({
    id: b64url,
    rawId: b64url,
    type: z.literal("public-key"),
    response,
    clientExtensionResults: z
      .object({ credProps: z.object({ rk: z.boolean().optional() }).optional() })
      .default({}),
    authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  });

export const passkeyRegisterBody = z
  .object({
    flowId: z.string().max(64),
    name: passkeyName,
    response: credentialJson(
      z.object({
        clientDataJSON: b64url,
        attestationObject: b64url,
        transports: z.array(z.string().max(40)).max(10).optional(),
      }),
    ),
  })
  .meta({ id: "PasskeyRegisterInput" });

export const passkeyRenameBody = z.object({ name: passkeyName }).meta({ id: "PasskeyRenameInput" });

export const passkeyLoginBody = z
  .object({
    flowId: z.string().max(64),
    response: credentialJson(
      z.object({
        clientDataJSON: b64url,
        authenticatorData: b64url,
        signature: b64url,
        userHandle: b64url.optional(),
      }),
    ),
  })
  .meta({ id: "PasskeyLoginInput" });

export const passwordResetBody = z
  .object({ email: z.string().trim().max(254) })
  .meta({ id: "PasswordResetInput" });
export const passwordResetAcceptedSchema = z
  .strictObject({ message: z.string() })
  .meta({ id: "PasswordResetAccepted" });
export const passwordResetConfirmBody = z
  .object({ token, password })
  .meta({ id: "PasswordResetConfirmInput" });
export const emailVerifyBody = z.object({ token }).meta({ id: "EmailVerifyInput" });
export const passwordChangeBody = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: password })
  .meta({ id: "PasswordChangeInput" });

export const idParam = z.object({ id: z.string().min(1).max(64) });
