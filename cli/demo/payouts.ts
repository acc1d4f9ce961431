// The demo's payouts: three creators keep a payout method (an IBAN, PayPal, a US account). The demo
// creator was paid once by bank transfer weeks ago and has a new request waiting for the admin, as has
// another creator; a third creator's request is approved and waits to be sent. Requests ask for what was available that day, so
// the hold period is respected, and the admin's steps go through the same service the admin page uses.
import type { AppContext } from "../../src/context.ts";
import type { Services } from "../../src/services.ts";
import { HOUR } from "../../src/lib/clock.ts";
import { demoEmail, type Actions, type Person } from "./actions.ts";
import { DEMO_CREATOR } from "./catalog.ts";
import type { Timeline } from "./timeline.ts";

/** A transfer id as a bank statement would show it (the date it was sent, and a serial). */
const transferReference = (at: number, serial: number) =>
  `TRF-${new Date(at).toISOString().slice(0, 10).replace(/-/g, "")}-${String(serial).padStart(4, "0")}`;

export function planPayouts(
  ctx: AppContext,
  services: Services,
  timeline: Timeline,
  a: Actions,
  who: (username: string) => Person,
  ago: (days: number) => number,
): void {
  const payouts = services.payouts;
  const at = (days: number, run: () => Promise<unknown>) =>
    timeline.at(ago(days) + 10 * HOUR, async () => {
      await run();
    });

  at(26, () =>
    a.setPayoutMethod(who(DEMO_CREATOR), {
      kind: "bank",
      accountHolder: "Ava Lens",
      iban: "DE89 3704 0044 0532 0130 00",
    }),
  );
  at(24, async () => {
    const id = await a.requestPayout(who(DEMO_CREATOR));
    if (!id) return;
    // The admin approves the next day and sends the transfer the day after.
    timeline.at(ago(23), () => payouts.approve(id).then(() => undefined));
    const paidAt = ago(22);
    timeline.at(paidAt, () => payouts.markPaid(id, transferReference(paidAt, 4821)).then(() => undefined));
  });
  // This one waits for the admin when the demo starts.
  at(2, () => a.requestPayout(who(DEMO_CREATOR)));

  at(30, () => a.setPayoutMethod(who("fitwithmarco"), { kind: "paypal", email: demoEmail("fitwithmarco") }));
  at(4, async () => {
    const id = await a.requestPayout(who("fitwithmarco"));
    if (id) timeline.at(ago(4) + 18 * HOUR, () => payouts.approve(id).then(() => undefined));
  });

  at(12, () =>
    a.setPayoutMethod(who("chef_noor"), {
      kind: "bank",
      accountHolder: "Noor Haddad",
      accountNumber: "000123456789",
      routingNumber: "021000021",
    }),
  );
  at(1, () => a.requestPayout(who("chef_noor")));
}
