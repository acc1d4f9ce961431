// What a fan buys from a creator: a subscription (or bundle, or free trial), a pay-per-view unlock, a
// tip. Each is priced and checked here, then paid from the wallet or by card (checkout.ts).
import type { AppContext } from "../../context.ts";
import { Conflict, Invalid, NotFound } from "../../lib/errors.ts";
import { bundlePriceCents } from "../../lib/money.ts";
import type { Checkouts } from "./checkout.ts";
import type { PayWith, Purchase } from "./purchases.ts";
import type { presentTxn } from "./transactions.ts";

export function createSales(
  ctx: AppContext,
  deps: { purchase: Checkouts["purchase"]; presentTxn: typeof presentTxn },
) {
  const s = () => ctx.services;
  const { purchase, presentTxn } = deps;

  function creatorTerms(username: string) {
    const terms = s().creators.terms(username);
    if (!terms) throw new NotFound("Creator");
    return terms;
  }

  return {
    async subscribe(
      fanId: string,
      input: { creator: string; months?: number | undefined; payWith: PayWith },
    ) {
      const terms = creatorTerms(input.creator);
      const months = input.months ?? 1;
      if (terms.userId === fanId)
        throw new Invalid("You cannot subscribe to yourself.", undefined, "self_payment");
      const bundle = terms.bundles.find((b) => b.months === months);
      if (months !== 1 && !bundle) {
        throw new Invalid(`This creator offers no ${months}-month bundle.`, {
          fields: { months: "No such bundle" },
        });
      }
      if (terms.priceCents === 0)
        return { done: await s().subscriptions.subscribe(fanId, { creator: input.creator, months }) };
      // A first-time subscriber gets the creator's free trial; the first renewal charges the normal price.
      const price = bundle
        ? bundlePriceCents(terms.priceCents, months, bundle.discountPercent)
        : terms.priceCents;
      if (terms.trialDays > 0 && !s().subscriptions.byPair(fanId, terms.userId)) {
        const row = await ctx.db.write((tx) =>
          s().subscriptions.grantSubscription(tx, {
            fanId,
            creatorId: terms.userId,
            months,
            priceCents: price,
            currency: terms.currency,
            autoRenew: true,
            trialDays: terms.trialDays,
          }),
        );
        return { done: s().subscriptions.present([row])[0]! };
      }
      const p: Purchase = {
        purpose: "subscription",
        payerId: fanId,
        amountCents: price,
        currency: terms.currency,
        details: { creatorId: terms.userId, months },
      };
      return purchase(
        p,
        input.payWith,
        `Subscription to @${input.creator.toLowerCase()} (${months} month${months > 1 ? "s" : ""})`,
        (txn) => {
          const sub = s().subscriptions.byId(txn.subscriptionId!)!;
          return s().subscriptions.present([sub])[0]!;
        },
      );
    },

    async unlock(
      viewer: { id: string; role: "fan" | "creator" | "admin" },
      postId: string,
      payWith: PayWith,
    ) {
      const post = s().posts.get(viewer, postId);
      if (post.visibility !== "ppv" || post.priceCents === null) {
        throw new Invalid("Only pay-per-view posts are unlocked.", undefined, "not_ppv");
      }
      if (post.creator.id === viewer.id)
        throw new Invalid("You cannot pay yourself.", undefined, "self_payment");
      if (!post.locked) throw new Conflict("You already unlocked this post.", "already_owned");
      const p: Purchase = {
        purpose: "ppv",
        payerId: viewer.id,
        amountCents: post.priceCents,
        currency: post.currency,
        details: { creatorId: post.creator.id, postId },
      };
      return purchase(p, payWith, `Unlock a post by @${post.creator.username}`, () =>
        s().posts.get(viewer, postId),
      );
    },

    async tip(
      fanId: string,
      input: {
        creator: string;
        amountCents: number;
        postId?: string | undefined;
        message?: string | undefined;
        payWith: PayWith;
      },
    ) {
      const terms = creatorTerms(input.creator);
      if (input.postId) {
        const post = s().posts.get({ id: fanId, role: "fan" }, input.postId);
        if (post.creator.id !== terms.userId)
          throw new Invalid("That post is not by this creator.", {
            fields: { postId: "Not this creator's post" },
          });
      }
      const p: Purchase = {
        purpose: "tip",
        payerId: fanId,
        amountCents: input.amountCents,
        currency: terms.currency,
        details: { creatorId: terms.userId, postId: input.postId, message: input.message },
      };
      return purchase(p, input.payWith, `Tip for @${input.creator.toLowerCase()}`, (txn) => presentTxn(txn));
    },
  };
}
