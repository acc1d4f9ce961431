// The CCBill provider's entry in the provider table.
import type { ProviderEntry } from "../entry.ts";
import { ccbillHandlers } from "./handlers.ts";
import { createCcbillProvider } from "./provider.ts";

export const ccbill: ProviderEntry = {
  create: (config) =>
    createCcbillProvider({
      account: config.payments.ccbill_account,
      subaccount: config.payments.ccbill_subaccount,
      flexformId: config.payments.ccbill_flexform_id,
      salt: config.payments.ccbill_salt,
      webhookIps: config.payments.ccbill_webhook_ips,
    }),
  webhookHandlers: ccbillHandlers,
  secretKeys: ["ccbill_salt"],
};
