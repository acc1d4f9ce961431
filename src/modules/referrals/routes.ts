// Referrals: the caller's referral link and what it brought (the money is in GET /earnings).
import type { ReferralsService } from "./service.ts";
import { requireViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json } from "../../http/openapi.ts";
import { referralEnvelope } from "./schemas.ts";

const mine = apiRoute(
  {
    method: "get",
    path: "/",
    tags: ["referrals"],
    operationId: "getMyReferrals",
    summary: "The caller's referral link and the people who signed up through it",
    responses: { 200: json(referralEnvelope, "The link, counts and the share.") },
  },
  { auth: "required", errors: { 403: "`not_a_creator`: only creators have a referral link." } },
);

export function referralsRoutes({ referrals }: { referrals: ReferralsService }) {
  return apiApp().openapi(mine, async (c) =>
    c.json({ referrals: await referrals.mine(requireViewer(c).user.id) }, 200),
  );
}
