import { z } from "zod";
import { displayName, email, password, username } from "../users/schemas.ts";

export const signupBody = z.object({
  email,
  username,
  password,
  displayName: displayName.optional(),
  ageConfirmed: z.literal(true, { error: "You must confirm that you are 18 or older." }),
});

export const loginBody = z.object({
  email: z.string().trim().max(254),
  password: z.string().max(256),
});
