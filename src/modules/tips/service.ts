// Tips: a fan pays a creator what they like, optionally about one of the creator's posts, with a short
// message. The creator's terms set the currency; payments charges the wallet or the card.
import { Invalid, NotFound } from "../../lib/errors.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { PaymentsService, PayWith } from "../payments/service.ts";
import type { LiveService } from "../live/service.ts";
import type { PostsService } from "../posts/service.ts";

export function createTipsService(deps: {
  creators: Pick<CreatorsService, "terms" | "assertGeoAllowed">;
  posts: Pick<PostsService, "get">;
  payments: Pick<PaymentsService, "purchase" | "presentTxn">;
  live: Pick<LiveService, "checkTipTarget">;
}) {
  const { creators, posts, payments, live } = deps;
  return {
    async tip(
      fanId: string,
      input: {
        creator: string;
        amountCents: number;
        postId?: string | undefined;
        /** A tip during this live stream: shown to everyone watching. */
        liveStreamId?: string | undefined;
        message?: string | undefined;
        payWith: PayWith;
      },
      /** The client's Idempotency-Key: a wallet tip sent again with it is paid once. */
      idempotencyKey?: string,
      /** The fan's country: 451 where the creator blocks it. */
      country: string | null = null,
    ) {
      const terms = await creators.terms(input.creator);
      if (!terms) throw new NotFound("Creator");
      await creators.assertGeoAllowed({ id: fanId, role: "fan" }, country, terms.userId);
      if (input.postId) {
        const post = await posts.get({ id: fanId, role: "fan" }, input.postId);
        if (post.creator.id !== terms.userId)
          throw new Invalid("That post is not by this creator.", {
            fields: { postId: "Not this creator's post" },
          });
      }
      if (input.liveStreamId)
        await live.checkTipTarget({ id: fanId, role: "fan" }, input.liveStreamId, terms.userId);
      return payments.purchase(
        {
          purpose: "tip",
          payerId: fanId,
          amountCents: input.amountCents,
          currency: terms.currency,
          details: {
            creatorId: terms.userId,
            postId: input.postId,
            liveStreamId: input.liveStreamId,
            message: input.message,
          },
        },
        input.payWith,
        `Tip for @${input.creator.toLowerCase()}`,
        (txn) => payments.presentTxn(txn),
        idempotencyKey,
      );
    },
  };
}

export type TipsService = ReturnType<typeof createTipsService>;
