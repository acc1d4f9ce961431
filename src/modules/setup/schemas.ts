import { z } from "zod";
import { visibleText } from "../../lib/text.ts";
import { displayName, email, password, username } from "../users/schemas.ts";

export const setupBody = z.object({
  token: z.string().trim().min(1, "The setup token is required.").max(200),
  siteName: visibleText({ max: 80 }),
  admin: z.object({ email, username, password, displayName: displayName.optional() }),
});
