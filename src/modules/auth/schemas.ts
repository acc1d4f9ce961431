import { z } from "zod";
import { displayName, email, password, username, userSchema } from "../users/schemas.ts";

export const signupBody = z
  .object({
    email,
    username,
    password,
    displayName: displayName.optional(),
    ageConfirmed: z.literal(true, { error: "You must confirm that you are 18 or older." }),
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
