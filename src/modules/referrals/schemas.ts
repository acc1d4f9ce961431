import { z } from "zod";

export const referralInfoSchema = z
  .strictObject({
    code: z.string(),
    url: z.string().meta({ description: "The sign-up link to share." }),
    referredCount: z.number().int().meta({ description: "People who signed up through the link." }),
    creatorsCount: z.number().int().meta({ description: "Of them, those who became creators." }),
    sharePercent: z.number().meta({ description: "The referrer's share of the platform fee, in percent." }),
    months: z
      .number()
      .int()
      .meta({ description: "How long the share is earned after the person becomes a creator." }),
  })
  .meta({ id: "ReferralInfo" });

export const referralEnvelope = z.strictObject({ referrals: referralInfoSchema });
