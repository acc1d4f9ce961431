import { z } from "zod";
import { visibleText } from "../../lib/text.ts";
import { smtpInput } from "../notifications/schemas.ts";
import { siteSchema } from "../site/schemas.ts";
import { displayName, email, password, username, userSchema } from "../users/schemas.ts";

export const setupBody = z
  .object({
    token: z.string().trim().min(1, "The setup token is required.").max(200),
    siteName: visibleText({ max: 80 }),
    admin: z.object({ email, username, password, displayName: displayName.optional() }),
    smtp: smtpInput.optional().meta({ description: "Left out: mail is written as files until SMTP is set." }),
    requireCreatorVerification: z.boolean().optional().meta({
      description: "Creators must pass identity verification (KYC) before selling; off unless chosen.",
    }),
  })
  .meta({ id: "SetupInput" });

/** The first admin, logged in, and the site as it now is. */
export const setupResultSchema = z
  .strictObject({ user: userSchema, token: z.string(), site: siteSchema })
  .meta({ id: "SetupResult" });
