import { z } from "zod";
import { currencyCode } from "../../lib/fields.ts";

/** The site as every visitor sees it. */
export const siteSchema = z
  .strictObject({
    name: z.string(),
    setupRequired: z.boolean().meta({ description: "True until the setup wizard has run." }),
    currency: currencyCode.meta({ description: "The site's default currency." }),
    live: z.boolean().meta({ description: "Live streaming is on (`[live] enabled`): creators may go live." }),
  })
  .meta({ id: "Site" });
