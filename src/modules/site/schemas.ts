import { z } from "zod";
import { currencyCode } from "../../lib/fields.ts";

/** The site as every visitor sees it. */
export const siteSchema = z
  .strictObject({
    name: z.string(),
    setupRequired: z.boolean().meta({ description: "True until the setup wizard has run." }),
    currency: currencyCode.meta({ description: "The site's default currency." }),
  })
  .meta({ id: "Site" });
