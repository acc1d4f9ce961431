// The payment providers, in one table. The config's `payments.provider` choices and the provider name
// type come from this table, so a new provider is its folder (an entry.ts ProviderEntry: factory,
// webhook handlers, secret keys) plus one line here.
import { ccbill } from "./ccbill/index.ts";
import { sandbox } from "./sandbox/index.ts";
import { stripe } from "./stripe/index.ts";

export type { ProviderDeps, ProviderEntry } from "./entry.ts";

export const paymentProviders = { sandbox, stripe, ccbill };

export type ProviderName = keyof typeof paymentProviders;

/** The table's names, for the config schema's enum. */
export const providerNames = Object.keys(paymentProviders) as [ProviderName, ...ProviderName[]];
