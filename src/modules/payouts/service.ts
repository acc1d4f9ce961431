// Payouts: a creator keeps a payout method (sealed at rest, shown masked) and asks for their available
// earnings; the request copies the masked method as its destination. An admin, who alone sees the full
// details, approves or rejects, then marks the payout paid with the transfer's reference once the money
// was sent outside Fanz. Every step is a ledger transaction (or none, for approval), keyed so that a
// retried click changes nothing.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { Conflict, Forbidden, Invalid, NotFound } from "../../lib/errors.ts";
import { page, type Cursor } from "../../lib/cursor.ts";
import { newId } from "../../lib/ids.ts";
import { account, balanceOf, postTransaction, SITE, type Leg } from "../payments/ledger.ts";
import type { TxnKind } from "../payments/tables.ts";
import {
  maskPayoutMethod,
  parsePayoutMethod,
  type PayoutMethodDetails,
  type PayoutMethodInput,
} from "./method.ts";
import type { ComplianceService } from "../compliance/service.ts";
import type { CreatorsService } from "../creators/service.ts";
import type { PaymentsService } from "../payments/service.ts";
import type { SiteService } from "../site/service.ts";
import { ROW_LOCKED } from "../../db/tx.ts";
import type { UsersService } from "../users/service.ts";
import { payoutsPrivacyRepo, payoutsRepo } from "./repo.ts";
import { statementCsv, statementLines } from "./statement.ts";
import type { PayoutMethodRow, PayoutRow } from "./tables.ts";

/** Runs inside a payout decision's transaction (with the payout as it was before). */
export type DecisionHook = (tx: DrizzleDb, before: PayoutRow) => Promise<void>;

/** How a payout method is shown to its creator: never the details themselves. */
function presentMethod(m: PayoutMethodRow) {
  return { kind: m.kind, masked: m.masked, updatedAt: m.updatedAt };
}

export function createPayoutsService(
  ctx: AppContext,
  deps: {
    creators: Pick<CreatorsService, "cards" | "currencies" | "isCreator">;
    users: Pick<UsersService, "lockTx" | "byId" | "isHeldTx">;
    site: Pick<SiteService, "settings">;
    payments: Pick<PaymentsService, "earningEntries">;
    compliance: Pick<ComplianceService, "requireVerified">;
  },
) {
  const { creators: creatorsService, site, payments, users } = deps;
  const now = () => ctx.clock.now();

  async function requireCreator(creatorId: string): Promise<void> {
    if (!(await creatorsService.isCreator(creatorId)))
      throw new Forbidden("Only creators have earnings to pay out.", "not_a_creator");
  }

  async function present(rows: PayoutRow[]) {
    const creators = await creatorsService.cards(rows.map((r) => r.creatorId));
    return rows.map((p) => ({
      id: p.id,
      creator: creators.get(p.creatorId)!,
      amountCents: p.amountCents,
      currency: p.currency,
      status: p.status,
      note: p.note,
      destination: p.destination,
      reference: p.reference,
      createdAt: p.createdAt,
      decidedAt: p.decidedAt,
      paidAt: p.paidAt,
    }));
  }

  /** The admin's view: each payout with the creator's current method, decrypted, to send the money. */
  async function presentForAdmin(rows: PayoutRow[]) {
    const methods = new Map(
      (await payoutsRepo.methodsOf(ctx.db.read, [...new Set(rows.map((r) => r.creatorId))])).map((m) => [
        m.creatorId,
        m,
      ]),
    );
    return (await present(rows)).map((p) => {
      const m = methods.get(p.creator.id);
      return { ...p, method: m ? { ...presentMethod(m), details: openDetails(m) } : null };
    });
  }

  /** The sealed details, or null when this site's key cannot open them (e.g. restored without its key file). */
  function openDetails(m: PayoutMethodRow): PayoutMethodDetails | null {
    try {
      return JSON.parse(ctx.sealer.open(m.detailsEnc)) as PayoutMethodDetails;
    } catch (err) {
      ctx.logger.warn("payout method details cannot be decrypted with this site's key", {
        creatorId: m.creatorId,
        err: String(err),
      });
      return null;
    }
  }

  async function move(tx: DrizzleDb, p: PayoutRow, kind: TxnKind, legs: Leg[]): Promise<void> {
    await postTransaction(
      tx,
      {
        kind,
        currency: p.currency,
        amountCents: p.amountCents,
        userId: p.creatorId,
        creatorId: null,
        postId: null,
        subscriptionId: null,
        payoutId: p.id,
        relatedTxnId: null,
        source: null,
        providerRef: null,
        memo: null,
        idempotencyKey: `payout:${p.id}:${kind}`,
        legs,
      },
      now(),
    );
  }

  /**
   * Applies an admin decision to a payout in the state `from`. `inTx` runs in the decision's own
   * transaction when it changes something (the admin console's audit entry).
   */
  async function decide(
    id: string,
    from: PayoutRow["status"],
    to: PayoutRow["status"],
    { note, reference }: { note?: string; reference?: string } = {},
    inTx?: DecisionHook,
  ) {
    const row = await ctx.db.write(async (tx) => {
      const p = await payoutsRepo.byId(tx, id);
      if (!p) throw new NotFound("Payout");
      if (p.status === to) return p; // a repeated click
      if (p.status !== from)
        throw new Conflict(`This payout is ${p.status}; it cannot become ${to}.`, "bad_payout_state");
      // A banned or suspended creator's money is held: nothing goes out until the account is released.
      if (to !== "rejected" && (await users.isHeldTx(tx, p.creatorId)))
        throw new Conflict(
          "This creator's account is banned or suspended: their payouts are held.",
          "account_blocked",
        );
      const available = account("creator_available", p.creatorId, p.currency);
      const payable = account("payouts_payable", p.creatorId, p.currency);
      if (to === "rejected") {
        await move(tx, p, "payout_reject", [
          { account: payable, amountCents: -p.amountCents },
          { account: available, amountCents: p.amountCents },
        ]);
      } else if (to === "paid") {
        await move(tx, p, "payout_paid", [
          { account: payable, amountCents: -p.amountCents },
          { account: account("provider_clearing", SITE, p.currency), amountCents: p.amountCents },
        ]);
      }
      const patch: Partial<PayoutRow> = { status: to, note: note ?? p.note };
      if (to === "paid") {
        patch.paidAt = now();
        patch.reference = reference ?? null;
      } else patch.decidedAt = now();
      await payoutsRepo.update(tx, id, patch);
      await inTx?.(tx, p);
      await ctx.events.publish(tx, "payout.decided", {
        payoutId: id,
        creatorId: p.creatorId,
        status: to as "approved" | "rejected" | "paid",
        amountCents: p.amountCents,
        currency: p.currency,
        note: note ?? null,
        reference: to === "paid" ? (reference ?? null) : null,
      });
      return { ...p, ...patch };
    });
    return (await presentForAdmin([row]))[0]!;
  }

  return {
    /** GDPR export: the creator's payout requests and the method's masked summary (never the details). */
    async personalData(creatorId: string) {
      const method = await payoutsRepo.methodOf(ctx.db.read, creatorId);
      return {
        payouts: (await payoutsPrivacyRepo.of(ctx.db.read, creatorId)).map((p) => ({
          id: p.id,
          amountCents: p.amountCents,
          currency: p.currency,
          status: p.status,
          destination: p.destination,
          createdAt: p.createdAt,
          decidedAt: p.decidedAt,
          paidAt: p.paidAt,
        })),
        payoutMethod: method
          ? { kind: method.kind, masked: method.masked, updatedAt: method.updatedAt }
          : null,
      };
    },
    /** Payout requests not settled yet (erasure waits for them). */
    openRequestsTx: (tx: DrizzleDb, creatorId: string) => payoutsPrivacyRepo.openOf(tx, creatorId),
    /** GDPR erasure inside the erasing write: the sealed payout details go (payout rows stay with the ledger). */
    eraseTx: (tx: DrizzleDb, creatorId: string) => payoutsRepo.deleteMethod(tx, creatorId),
    /** The creator's payout method, masked, or null. */
    async method(creatorId: string) {
      await requireCreator(creatorId);
      const m = await payoutsRepo.methodOf(ctx.db.read, creatorId);
      return m ? presentMethod(m) : null;
    },

    /** Validates and stores (replaces) the creator's payout method, sealed. */
    async setMethod(creatorId: string, input: PayoutMethodInput) {
      await requireCreator(creatorId);
      const details = parsePayoutMethod(input);
      const row: PayoutMethodRow = {
        creatorId,
        kind: details.kind,
        detailsEnc: ctx.sealer.seal(JSON.stringify(details)),
        masked: maskPayoutMethod(details),
        updatedAt: now(),
      };
      await ctx.db.write((tx) => payoutsRepo.upsertMethod(tx, row));
      return presentMethod(row);
    },

    /** Forgets the method; refused while a payout still has to be sent with it. */
    async removeMethod(creatorId: string) {
      await requireCreator(creatorId);
      await ctx.db.write(async (tx) => {
        if (await payoutsRepo.hasOpen(tx, creatorId))
          throw new Conflict(
            "A payout is still on its way to this method. Change the method instead, or remove it once the payout is paid or rejected.",
            "payout_in_progress",
          );
        await payoutsRepo.deleteMethod(tx, creatorId);
      });
    },

    async request(creatorId: string, amountCents: number) {
      await requireCreator(creatorId);
      // Payout notices and statements go to the address, so it must be proved first.
      if ((await users.byId(creatorId))?.emailVerifiedAt == null)
        throw new Forbidden(
          "Confirm your e-mail address before requesting a payout (use the link we mailed you, or ask for a new one in Settings → Security).",
          "email_unverified",
        );
      await deps.compliance.requireVerified({ id: creatorId, role: "creator" }, "request payouts");
      const currency = (await creatorsService.currencies([creatorId])).get(creatorId)!;
      const minimum = (await site.settings()).payoutMinimumCents;
      if (amountCents < minimum) {
        throw new Invalid(
          `The smallest payout is ${(minimum / 100).toFixed(2)} ${currency}.`,
          { fields: { amountCents: `At least ${minimum}` } },
          "below_minimum",
        );
      }
      const row = await ctx.db.write(async (tx) => {
        await users.lockTx(tx, [creatorId]);
        if (await users.isHeldTx(tx, creatorId))
          throw new Forbidden("Your account is suspended or banned: payouts are held.", "account_blocked");
        const method = await payoutsRepo.methodOf(tx, creatorId);
        if (!method)
          throw new Conflict(
            "Add a payout method (PayPal or a bank account) before requesting a payout.",
            "payout_method_required",
          );
        const available = account("creator_available", creatorId, currency);
        if ((await balanceOf(tx, available)) < amountCents) {
          throw new Invalid(
            "That is more than your available earnings.",
            { fields: { amountCents: "More than available" } },
            "insufficient_earnings",
          );
        }
        const p: PayoutRow = {
          id: newId(),
          creatorId,
          amountCents,
          currency,
          status: "requested",
          note: null,
          createdAt: now(),
          decidedAt: null,
          destination: method.masked,
          reference: null,
          paidAt: null,
        };
        await payoutsRepo.insert(tx, p);
        await move(tx, p, "payout_request", [
          { account: available, amountCents: -amountCents },
          { account: account("payouts_payable", creatorId, currency), amountCents },
        ]);
        return p;
      }, ROW_LOCKED);
      return (await present([row]))[0]!;
    },

    async mine(creatorId: string, cursor: Cursor | null, limit: number) {
      const rows = await payoutsRepo.ofCreator(ctx.db.read, creatorId, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await present(p.items), nextCursor: p.nextCursor };
    },

    async list(status: PayoutRow["status"] | null, cursor: Cursor | null, limit: number) {
      const rows = await payoutsRepo.byStatus(ctx.db.read, status, cursor, limit + 1);
      const p = page(rows, limit, (r) => ({ key: r.createdAt, id: r.id }));
      return { items: await presentForAdmin(p.items), nextCursor: p.nextCursor };
    },

    /** A creator's statement as CSV: earnings, reversals and payouts with their references. */
    statementCsv: async (creatorId: string): Promise<string> =>
      statementCsv(
        statementLines(
          await payments.earningEntries(creatorId),
          await payoutsRepo.allOfCreator(ctx.db.read, creatorId),
        ),
      ),

    approve: (id: string, inTx?: DecisionHook) => decide(id, "requested", "approved", {}, inTx),
    reject: (id: string, note?: string, inTx?: DecisionHook) =>
      decide(id, "requested", "rejected", { note }, inTx),
    /** `reference` is the transfer's id at the bank or PayPal, shown to the creator. */
    markPaid: (id: string, reference: string, inTx?: DecisionHook) =>
      decide(id, "approved", "paid", { reference }, inTx),
  };
}

export type PayoutsService = ReturnType<typeof createPayoutsService>;
