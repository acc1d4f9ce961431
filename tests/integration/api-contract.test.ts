// The declared response schemas are true: a realistic run through the whole API (setup, sign-ups, a
// creator's profile, uploads, posts, the feed, wallet, subscriptions, unlocks, tips, notifications,
// earnings, payouts, the admin console, webhooks, errors) where EVERY answer is checked against its
// operation in the document: a declared status and content type, and a body that parses with the route's
// own strict zod schema (src/http/openapi.ts, the modules' schemas.ts). At the end every operation of
// the document has answered at least once with a success.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DAY } from "../../src/lib/clock.ts";
import { schedulerTasks } from "../../src/main.ts";
import { SANDBOX_SIGNATURE_HEADER, sign } from "../../src/modules/payments/providers/sandbox/provider.ts";
import { jpeg, png } from "../fixtures/media.ts";
import { generateHOTP } from "@oslojs/otp";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { publicUrl } from "../../src/config/load.ts";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";
import { sendForm } from "../helpers/compliance.ts";
import { checkedClient, contract } from "../helpers/contract.ts";
import { mailedToken } from "../helpers/mail.ts";
import { softPasskey } from "../helpers/webauthn.ts";
import { browse, CookieJar, follow, startOidcProvider, TEST_CLIENT } from "../helpers/oidc-provider.ts";

describe("the API contract, held to real answers", () => {
  const clock = new TestClock();
  let app: TestApp;
  let c: ReturnType<typeof contract>;
  let api: ReturnType<typeof checkedClient>;

  beforeAll(async () => {
    app = await startTestApp({ setup: false, jobs: true, clock });
    c = contract(app.http);
    api = checkedClient(app, c);
  });
  afterAll(() => app.close());

  /** Waits until a medium has been processed (the owner's view). */
  async function ready(a: Actor, id: string) {
    for (let i = 0; i < 200; i++) {
      const r = await api.get(`/api/v1/media/${id}`, a.token);
      if (r.body.media.status !== "processing") return r.body.media;
      await new Promise((ok) => setTimeout(ok, 100));
    }
    throw new Error(`media ${id} still processing`);
  }

  it("holds across a whole site's life", async () => {
    // Before setup: the site says so, everything else is 503, the wizard sets it up.
    expect((await api.get("/api/v1/site")).body.site.setupRequired).toBe(true);
    expect((await api.get("/api/v1/feed")).status).toBe(503);
    const token = await app.services.setup.issueTokenIfNeeded();
    const setupBody = {
      token,
      siteName: "Contract Site",
      admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
    };
    expect((await api.post("/api/v1/setup", { ...setupBody, token: "wrong" })).status).toBe(403);
    const setup = await api.post("/api/v1/setup", setupBody);
    expect(setup.status).toBe(201);
    expect((await api.post("/api/v1/setup", setupBody)).status).toBe(409);
    const admin: Actor = { token: setup.body.token, user: setup.body.user };

    // Accounts.
    const signup = async (username: string): Promise<Actor> => {
      const r = await api.post("/api/v1/auth/signup", {
        email: `${username}@example.com`,
        username,
        password: "password-123",
        ageConfirmed: true,
      });
      expect(r.status).toBe(201);
      return r.body;
    };
    const creator = await signup("maker");
    const fan = await signup("patron");
    expect((await api.post("/api/v1/auth/signup", { email: "x", username: "a" })).status).toBe(400);
    expect(
      (
        await api.post("/api/v1/auth/signup", {
          email: "maker@example.com",
          username: "maker",
          password: "password-123",
          ageConfirmed: true,
        })
      ).status,
    ).toBe(409);
    const login = await api.post("/api/v1/auth/login", {
      email: "patron@example.com",
      password: "password-123",
    });
    expect(login.status).toBe(200);
    expect(
      (await api.post("/api/v1/auth/login", { email: "patron@example.com", password: "wrong-one" })).status,
    ).toBe(401);
    expect((await api.post("/api/v1/auth/logout", undefined, login.body.token)).status).toBe(204);
    expect((await api.get("/api/v1/users/me", fan.token)).body.user.username).toBe("patron");
    expect((await api.get("/api/v1/users/me")).status).toBe(401);
    expect((await api.get("/api/v1/users/current")).body).toEqual({ user: null });
    expect((await api.get("/api/v1/users/current", fan.token)).body.user.username).toBe("patron");
    expect((await api.get("/api/v1/users/me", "not.a-token")).body.error.code).toBe("invalid_token");
    expect((await api.get("/api/v1/site")).body.site.name).toBe("Contract Site");

    // Account security: the address proved by its mailed link, two-factor sign-in, passkeys, sessions, a
    // change of password and a reset by mail (on a third account: a reset ends every session).
    expect((await api.post("/api/v1/auth/email/verify-request", undefined, creator.token)).status).toBe(204);
    const verifyToken = await mailedToken(app, "maker@example.com", "/verify-email");
    expect((await api.post("/api/v1/auth/email/verify", { token: verifyToken })).status).toBe(204);
    const tf = await api.post("/api/v1/auth/2fa/setup", undefined, fan.token);
    const totp = () =>
      generateHOTP(decodeBase32IgnorePadding(tf.body.secret), BigInt(Math.floor(clock.now() / 30_000)), 6);
    expect((await api.post("/api/v1/auth/2fa/enable", { code: totp() }, fan.token)).status).toBe(200);
    expect((await api.get("/api/v1/auth/2fa", fan.token)).body.twoFactor.enabled).toBe(true);
    clock.advance(30_000);
    expect((await api.post("/api/v1/auth/2fa/recovery-codes", { code: totp() }, fan.token)).status).toBe(200);
    const pw = { email: "patron@example.com", password: "password-123" };
    const challenge = (await api.post("/api/v1/auth/login", pw)).body.challenge as string;
    clock.advance(30_000);
    const twoStep = await api.post("/api/v1/auth/login/2fa", { challenge, code: totp() });
    expect(twoStep.status).toBe(200);
    clock.advance(30_000);
    const off = { password: "password-123", code: totp() };
    expect((await api.post("/api/v1/auth/2fa/disable", off, fan.token)).status).toBe(204);
    const key = softPasskey();
    const origin = new URL(publicUrl(app.ctx.config)).origin;
    const reg = await api.post("/api/v1/auth/passkeys/options", undefined, fan.token);
    const added = await api.post(
      "/api/v1/auth/passkeys",
      { flowId: reg.body.flowId, name: "Phone", response: key.register(reg.body.options, origin) },
      fan.token,
    );
    const passkeyPath = `/api/v1/auth/passkeys/${added.body.passkey.id}`;
    expect((await api.patch(passkeyPath, { name: "Pixel" }, fan.token)).status).toBe(200);
    expect((await api.get("/api/v1/auth/passkeys", fan.token)).body.items).toHaveLength(1);
    const signIn = (await api.post("/api/v1/auth/passkeys/login/options")).body;
    const byKey = await api.post("/api/v1/auth/passkeys/login", {
      flowId: signIn.flowId,
      response: key.authenticate(signIn.options, origin),
    });
    expect(byKey.body.user.username).toBe("patron");
    expect((await api.del(passkeyPath, fan.token)).status).toBe(204);
    expect((await api.get("/api/v1/auth/sessions", fan.token)).body.items).toHaveLength(3);
    expect(
      (await api.del(`/api/v1/auth/sessions/${twoStep.body.token.split(".")[0]}`, fan.token)).status,
    ).toBe(204);
    expect((await api.post("/api/v1/auth/sessions/revoke-others", undefined, fan.token)).body.revoked).toBe(
      1,
    );
    const keeper = await signup("keeper");
    const change = { currentPassword: "password-123", newPassword: "password-456" };
    expect((await api.post("/api/v1/auth/password", change, keeper.token)).status).toBe(204);
    expect((await api.post("/api/v1/auth/password-reset", { email: "keeper@example.com" })).status).toBe(202);
    const resetToken = await mailedToken(app, "keeper@example.com", "/reset-password");
    const reset = { token: resetToken, password: "password-789" };
    expect((await api.post("/api/v1/auth/password-reset/confirm", reset)).status).toBe(204);

    // The creator's profile, pictures and vault.
    const profile = await api.put(
      "/api/v1/creators/me",
      { priceCents: 500, bio: "Hello", bundles: [{ months: 3, discountPercent: 10 }] },
      creator.token,
    );
    expect(profile.status).toBe(200);
    expect(profile.body.creator.bundles[0].months).toBe(3);
    const avatar = await api.upload(creator, await png(400, 400), "me.png", "/api/v1/creators/me/avatar");
    expect(avatar.status).toBe(202);
    await ready(creator, avatar.body.media.id);
    expect((await api.del("/api/v1/creators/me/banner", creator.token)).status).toBe(200);
    const upload = await api.upload(creator, await jpeg(800, 600), "beach.jpg");
    expect(upload.status).toBe(201);
    expect((await ready(creator, upload.body.media.id)).status).toBe("ready");
    expect((await api.upload(fan, await jpeg(20, 20), "x.jpg")).status).toBe(403);
    expect((await api.get("/api/v1/media", creator.token)).body.items.length).toBe(1);

    // Posts: public, subscribers-only with media, pay-per-view, a draft.
    const post = async (body: Record<string, unknown>) => {
      const r = await api.post("/api/v1/posts", body, creator.token);
      expect(r.status).toBe(201);
      return r.body.post.id as string;
    };
    const publicId = await post({ text: "Hi all", visibility: "public" });
    const subsId = await post({
      text: "For you",
      visibility: "subscribers",
      mediaIds: [upload.body.media.id],
    });
    const ppvId = await post({ text: "Special", visibility: "ppv", priceCents: 300 });
    const ppv2Id = await post({ text: "More", visibility: "ppv", priceCents: 400 });
    const draftId = await post({ text: "Later", visibility: "public", draft: true });
    expect((await api.post("/api/v1/posts", { text: "No", visibility: "public" }, fan.token)).status).toBe(
      403,
    );
    expect((await api.get("/api/v1/posts/mine?status=draft", creator.token)).body.items[0].id).toBe(draftId);
    expect((await api.patch(`/api/v1/posts/${draftId}`, { text: "Soon" }, creator.token)).status).toBe(200);
    expect((await api.del(`/api/v1/posts/${draftId}`, creator.token)).status).toBe(204);
    expect((await api.get("/api/v1/posts/not-an-id")).status).toBe(400);
    expect((await api.get(`/api/v1/posts/${"a".repeat(26)}`)).status).toBe(404);

    // The fan looks around: locked posts, the directory, the creator's page.
    expect((await api.get(`/api/v1/posts/${subsId}`, fan.token)).body.post.locked).toBe(true);
    expect((await api.get("/api/v1/creators?query=mak")).body.items[0].username).toBe("maker");
    expect((await api.get("/api/v1/creators/maker", fan.token)).body.viewer.subscribed).toBe(false);
    expect((await api.get("/api/v1/creators/nobody")).status).toBe(404);
    expect((await api.get("/api/v1/creators/maker/posts", fan.token)).body.items.length).toBe(4);
    expect((await api.get("/api/v1/creators/maker/posts?only=media")).body.items.length).toBe(1);
    expect((await api.post(`/api/v1/posts/${subsId}/likes`, undefined, fan.token)).status).toBe(403);

    // Money: an empty wallet cannot pay; a card top-up through the sandbox can.
    expect((await api.post("/api/v1/subscriptions", { creator: "maker" }, fan.token)).status).toBe(402);
    const topup = await api.post("/api/v1/wallet/topups", { amountCents: 10_000 }, fan.token);
    expect(topup.status).toBe(202);
    expect((await api.get(`/api/v1/sandbox/checkouts/${topup.body.checkoutId}`)).body.checkout.status).toBe(
      "open",
    );
    expect((await app.payCheckout(topup.body.checkoutId)).status).toBe(200);
    // A webhook delivered by hand (as the provider would): recorded once, then a duplicate.
    const second = await api.post("/api/v1/wallet/topups", { amountCents: 1000 }, fan.token);
    const secret = await app.services.site.generatedSecret("sandbox_webhook");
    const event = JSON.stringify({
      id: `evt_contract_${second.body.checkoutId}`,
      type: "checkout.completed",
      data: { checkoutId: second.body.checkoutId, providerRef: "sbx_contract" },
    });
    const deliver = () =>
      api.call("POST", "/api/v1/webhooks/sandbox", {
        raw: event,
        headers: { [SANDBOX_SIGNATURE_HEADER]: sign(secret, event, clock.now()) },
      });
    expect((await deliver()).body).toEqual({ received: true, duplicate: false });
    expect((await deliver()).body).toEqual({ received: true, duplicate: true });
    expect((await api.call("POST", "/api/v1/webhooks/sandbox", { raw: event })).status).toBe(400);
    expect((await api.get("/api/v1/wallet", fan.token)).body.balanceCents).toBe(11_000);

    // Subscribe, see the feed, like and comment; unlock, tip.
    const sub = await api.post("/api/v1/subscriptions", { creator: "maker" }, fan.token);
    expect(sub.status).toBe(201);
    expect((await api.post("/api/v1/subscriptions", { creator: "maker" }, fan.token)).status).toBe(409);
    expect((await api.get("/api/v1/subscriptions", fan.token)).body.items.length).toBe(1);

    // Promotions and referrals: a creator's links, the public offer, the referral link.
    const promo = await api.post(
      "/api/v1/promotions",
      { kind: "trial", trialDays: 7, maxUses: 3, public: true },
      creator.token,
    );
    expect(promo.status).toBe(201);
    expect((await api.get("/api/v1/promotions", creator.token)).body.items.length).toBe(1);
    expect((await api.get(`/api/v1/promotions/${promo.body.promotion.id}`, creator.token)).status).toBe(200);
    expect((await api.get(`/api/v1/promotions/code/${promo.body.promotion.code}`)).status).toBe(200);
    expect((await api.get("/api/v1/promotions/creator/maker")).body.promotion.id).toBe(
      promo.body.promotion.id,
    );
    expect(
      (await api.post("/api/v1/subscriptions", { creator: "maker", promotion: "NOPE1234" }, fan.token))
        .status,
    ).toBe(409);
    expect((await api.del(`/api/v1/promotions/${promo.body.promotion.id}`, creator.token)).status).toBe(204);
    expect((await api.get("/api/v1/referrals", creator.token)).body.referrals.code).toBe("maker");
    const feed = await api.get("/api/v1/feed", fan.token);
    expect(feed.body.items.find((p: { id: string }) => p.id === subsId).locked).toBe(false);
    expect((await api.post(`/api/v1/posts/${subsId}/likes`, undefined, fan.token)).body.post.likesCount).toBe(
      1,
    );
    expect((await api.del(`/api/v1/posts/${subsId}/likes`, fan.token)).body.post.likesCount).toBe(0);
    // Reach: bookmarks, a pin, a hashtag page, search and the ranked creator lists.
    expect((await api.post(`/api/v1/posts/${subsId}/bookmark`, undefined, fan.token)).body.bookmarked).toBe(
      true,
    );
    expect((await api.get("/api/v1/bookmarks", fan.token)).body.items[0].id).toBe(subsId);
    expect((await api.del(`/api/v1/posts/${subsId}/bookmark`, fan.token)).body.bookmarked).toBe(false);
    expect(
      (await api.patch(`/api/v1/posts/${publicId}`, { pinned: true }, creator.token)).body.post.pinned,
    ).toBe(true);
    expect((await api.get("/api/v1/tags/nothere/posts")).body.items).toEqual([]);
    expect((await api.get("/api/v1/search?q=mak", fan.token)).body.creators[0].username).toBe("maker");
    expect((await api.get("/api/v1/creators?sort=popular")).body.items[0].username).toBe("maker");
    const comment = await api.post(`/api/v1/posts/${publicId}/comments`, { text: "Nice" }, fan.token);
    expect(comment.status).toBe(201);
    expect((await api.get(`/api/v1/posts/${publicId}/comments`)).body.items.length).toBe(1);
    const unlock = await api.post(`/api/v1/posts/${ppvId}/unlock`, { payWith: "wallet" }, fan.token);
    expect(unlock.status).toBe(200);
    expect(unlock.body.post.locked).toBe(false);
    expect((await api.post(`/api/v1/posts/${ppvId}/unlock`, {}, fan.token)).status).toBe(409);
    expect((await api.post(`/api/v1/posts/${ppv2Id}/unlock`, { payWith: "card" }, fan.token)).status).toBe(
      202,
    );
    for (let i = 0; i < 2; i++)
      expect(
        (await api.post("/api/v1/tips", { creator: "maker", amountCents: 2500, postId: publicId }, fan.token))
          .status,
      ).toBe(201);
    expect(
      (await api.post("/api/v1/tips", { creator: "maker", amountCents: 100, payWith: "card" }, fan.token))
        .status,
    ).toBe(202);
    expect((await api.get("/api/v1/wallet?limit=3", fan.token)).body.transactions.length).toBe(3);

    // Messages: a conversation, a free and a pay-per-view message, reading, unlocking, unsending;
    // the welcome message settings; a mass message; blocking.
    expect((await api.get("/api/v1/creators/me", creator.token)).body.creator.welcomeMessage).toBeNull();
    expect((await api.get("/api/v1/creators/me", fan.token)).status).toBe(403);
    const convo = await api.post("/api/v1/conversations", { username: "maker" }, fan.token);
    expect(convo.status).toBe(201);
    const convoId = convo.body.conversation.id;
    expect((await api.post("/api/v1/conversations", { username: "patron" }, creator.token)).status).toBe(200);
    const hello = await api.post(
      `/api/v1/conversations/${convoId}/messages`,
      { text: "Hi!", clientId: "a1" },
      fan.token,
    );
    expect(hello.status).toBe(201);
    expect(
      (
        await api.post(
          `/api/v1/conversations/${convoId}/messages`,
          { text: "Hi!", clientId: "a1" },
          fan.token,
        )
      ).status,
    ).toBe(200);
    const paidMsg = await api.post(
      `/api/v1/conversations/${convoId}/messages`,
      { text: "For you", mediaIds: [upload.body.media.id], priceCents: 400 },
      creator.token,
    );
    expect(paidMsg.status).toBe(201);
    expect((await api.get("/api/v1/conversations", fan.token)).body.items[0].unreadCount).toBe(1);
    expect((await api.get("/api/v1/conversations/unread", fan.token)).body.unread).toBe(1);
    expect((await api.get(`/api/v1/conversations/${convoId}`, fan.token)).body.conversation.canWrite.ok).toBe(
      true,
    );
    const history = await api.get(`/api/v1/conversations/${convoId}/messages`, fan.token);
    expect(history.body.items[0], JSON.stringify(history.body.items)).toMatchObject({ locked: true });
    expect(
      (
        await api.post(
          `/api/v1/conversations/${convoId}/read`,
          { messageId: paidMsg.body.message.id },
          fan.token,
        )
      ).status,
    ).toBe(204);
    const boughtMsg = await api.post(`/api/v1/messages/${paidMsg.body.message.id}/unlock`, {}, fan.token);
    expect(boughtMsg.status).toBe(200);
    expect((await api.post(`/api/v1/messages/${paidMsg.body.message.id}/unlock`, {}, fan.token)).status).toBe(
      409,
    );
    expect((await api.del(`/api/v1/messages/${hello.body.message.id}`, fan.token)).status).toBe(204);
    expect((await api.del(`/api/v1/messages/${paidMsg.body.message.id}`, creator.token)).status).toBe(409);
    const welcome = await api.put(
      "/api/v1/creators/me",
      { dmPolicy: "everyone", welcomeMessage: { text: "Welcome!" } },
      creator.token,
    );
    expect(welcome.body.creator).toMatchObject({
      dmPolicy: "everyone",
      welcomeMessage: { text: "Welcome!" },
    });
    expect((await api.get("/api/v1/messages/mass/audience", creator.token)).body.subscribers).toBe(1);
    const mass = await api.post(
      "/api/v1/messages/mass",
      { text: "News", audience: "subscribers" },
      creator.token,
    );
    expect(mass.status).toBe(202);
    expect((await api.get(`/api/v1/messages/mass/${mass.body.massMessage.id}`, creator.token)).status).toBe(
      200,
    );
    expect((await api.get("/api/v1/messages/mass", creator.token)).body.items.length).toBe(1);
    const later = await api.post(
      "/api/v1/messages/mass",
      { text: "Soon", audience: "all", sendAt: clock.now() + DAY },
      creator.token,
    );
    expect(
      (await api.del(`/api/v1/messages/mass/${later.body.massMessage.id}`, creator.token)).body.massMessage
        .status,
    ).toBe("canceled");
    expect((await api.post("/api/v1/messages/mass", { text: "x", audience: "all" }, fan.token)).status).toBe(
      403,
    );
    // Analytics, fans and fan lists.
    expect((await api.get("/api/v1/analytics?days=30", creator.token)).body.subscribers.active).toBe(1);
    expect((await api.get("/api/v1/fans?sort=spend", creator.token)).body.items[0].user.id).toBe(fan.user.id);
    const vip = (await api.post("/api/v1/lists", { name: "VIP" }, creator.token)).body.list;
    expect((await api.get("/api/v1/lists", creator.token)).body.items).toHaveLength(1);
    expect((await api.patch(`/api/v1/lists/${vip.id}`, { name: "VIPs" }, creator.token)).body.list.name).toBe(
      "VIPs",
    );
    expect(
      (await api.put(`/api/v1/lists/${vip.id}/members/${fan.user.id}`, undefined, creator.token)).body.list
        .memberCount,
    ).toBe(1);
    expect((await api.get(`/api/v1/messages/mass/audience?listId=${vip.id}`, creator.token)).body.list).toBe(
      1,
    );
    expect(
      (await api.del(`/api/v1/lists/${vip.id}/members/${fan.user.id}`, creator.token)).body.list.memberCount,
    ).toBe(0);
    expect((await api.del(`/api/v1/lists/${vip.id}`, creator.token)).status).toBe(204);
    expect((await api.post("/api/v1/users/patron/block", undefined, creator.token)).status).toBe(204);
    expect((await api.get("/api/v1/users/me/blocks", creator.token)).body.items.length).toBe(1);
    expect(
      (await api.post(`/api/v1/conversations/${convoId}/messages`, { text: "?" }, fan.token)).status,
    ).toBe(403);
    expect((await api.del("/api/v1/users/patron/block", creator.token)).status).toBe(204);

    // The creator's notifications, earnings and statement.
    const notes = await api.get("/api/v1/notifications", creator.token);
    expect(notes.body.unread).toBeGreaterThan(0);
    expect((await api.post("/api/v1/notifications/read", undefined, creator.token)).status).toBe(204);
    expect((await api.get("/api/v1/users/me/notification-settings", fan.token)).body.settings.like).toEqual({
      inApp: true,
      email: false,
      push: false,
    });
    const prefs = { settings: { like: { push: true } } };
    expect((await api.put("/api/v1/users/me/notification-settings", prefs, fan.token)).status).toBe(200);
    const pushKey = await api.get("/api/v1/push/key", fan.token);
    expect(pushKey.status).toBe(200);
    const browser = {
      endpoint: "https://push.example.com/send/contract",
      keys: { p256dh: pushKey.body.publicKey, auth: Buffer.alloc(16, 7).toString("base64url") },
    };
    expect((await api.post("/api/v1/push/subscriptions", browser, fan.token)).status).toBe(201);
    const unsub = { body: { endpoint: browser.endpoint }, token: fan.token };
    expect((await api.call("DELETE", "/api/v1/push/subscriptions", unsub)).status).toBe(204);
    expect((await api.get("/api/v1/earnings", fan.token)).status).toBe(403);
    expect((await api.get("/api/v1/earnings", creator.token)).body.pendingCents).toBeGreaterThan(0);
    const csv = await api.get("/api/v1/earnings/statement.csv", creator.token);
    expect(csv.status).toBe(200);

    // A week later the earnings are available: a payout method and two payout requests.
    clock.advance(7 * DAY + 1000);
    for (const t of schedulerTasks(app.ctx, app.services)) await t.run();
    expect((await api.get("/api/v1/earnings", creator.token)).body.availableCents).toBeGreaterThanOrEqual(
      4000,
    );
    expect((await api.get("/api/v1/payouts/method", creator.token)).body.method).toBeNull();
    expect((await api.post("/api/v1/payouts", { amountCents: 2000 }, creator.token)).status).toBe(409);
    const method = await api.put(
      "/api/v1/payouts/method",
      { kind: "bank", accountHolder: "Mia Maker", iban: "GB82 WEST 1234 5698 7654 32" },
      creator.token,
    );
    expect(method.status).toBe(200);
    expect((await api.get("/api/v1/payouts/method", creator.token)).body.method.kind).toBe("bank");
    const payout1 = await api.post("/api/v1/payouts", { amountCents: 2000 }, creator.token);
    const payout2 = await api.post("/api/v1/payouts", { amountCents: 2000 }, creator.token);
    expect([payout1.status, payout2.status]).toEqual([201, 201]);
    expect((await api.del("/api/v1/payouts/method", creator.token)).status).toBe(409);
    expect((await api.get("/api/v1/payouts", creator.token)).body.items.length).toBe(2);

    // The admin console.
    expect((await api.get("/api/v1/admin/settings", fan.token)).status).toBe(403);
    expect((await api.get("/api/v1/admin/settings", admin.token)).body.settings.name).toBe("Contract Site");
    expect((await api.put("/api/v1/admin/settings", { watermark: false }, admin.token)).status).toBe(200);
    expect((await api.get("/api/v1/admin/email", admin.token)).body.email.transport).toBe("file");
    const smtp = { host: "127.0.0.1", port: 9, security: "none", username: "", from: "" };
    expect((await api.put("/api/v1/admin/email", { smtp }, admin.token)).body.email.source).toBe("site");
    // Port 9 (discard) is closed: the SMTP error comes back as a 502.
    expect((await api.post("/api/v1/admin/email/test", { to: "a@example.com" }, admin.token)).status).toBe(
      502,
    );
    expect((await api.put("/api/v1/admin/email", { smtp: null }, admin.token)).status).toBe(200);
    expect((await api.post("/api/v1/admin/email/test", { to: "a@example.com" }, admin.token)).status).toBe(
      202,
    );
    const queue = await api.get("/api/v1/admin/payouts?status=requested", admin.token);
    expect(queue.body.items[0].method.details.iban).toBe("GB82WEST12345698765432");
    const id1 = payout1.body.payout.id;
    expect(
      (await api.post(`/api/v1/admin/payouts/${id1}/mark-paid`, { reference: "X" }, admin.token)).status,
    ).toBe(409);
    expect((await api.post(`/api/v1/admin/payouts/${id1}/approve`, undefined, admin.token)).status).toBe(200);
    const paid = await api.post(
      `/api/v1/admin/payouts/${id1}/mark-paid`,
      { reference: "BANK-1" },
      admin.token,
    );
    expect(paid.body.payout.status).toBe("paid");
    const rejected = await api.post(
      `/api/v1/admin/payouts/${payout2.body.payout.id}/reject`,
      {},
      admin.token,
    );
    expect(rejected.body.payout.status).toBe("rejected");
    expect((await api.del("/api/v1/payouts/method", creator.token)).status).toBe(204);
    expect((await api.get("/api/v1/admin/jobs", admin.token)).body.items.length).toBeGreaterThan(0);
    expect((await api.get("/api/v1/admin/audit", admin.token)).status).toBe(200);
    expect((await api.get("/api/v1/admin/audit", fan.token)).status).toBe(403);
    const txns = await api.get("/api/v1/admin/transactions?limit=100", admin.token);
    const topupTxn = txns.body.items.find((t: { kind: string; refundable: boolean }) => t.kind === "topup");
    const refund = await api.post(
      `/api/v1/admin/transactions/${topupTxn.id}/refund`,
      { amountCents: 500 },
      admin.token,
    );
    expect(refund.status).toBe(200);

    // The admin console's people, reports and the system status.
    expect((await api.get("/api/v1/admin/status", admin.token)).body.status.version).toBeTruthy();
    const extra = await signup("extra");
    expect((await api.get("/api/v1/admin/users?query=extra", admin.token)).body.items[0].id).toBe(
      extra.user.id,
    );
    expect((await api.get(`/api/v1/admin/users/${extra.user.id}`, admin.token)).status).toBe(200);
    const reported = await api.post(
      "/api/v1/reports",
      { target: { type: "user", id: extra.user.id }, reason: "spam" },
      fan.token,
    );
    expect(reported.status).toBe(201);
    expect((await api.get("/api/v1/admin/reports", admin.token)).body.items).toHaveLength(1);
    const dismissed = await api.post(
      `/api/v1/admin/reports/${reported.body.report.id}/resolve`,
      { action: "dismiss" },
      admin.token,
    );
    expect(dismissed.status).toBe(200);
    const people = `/api/v1/admin/users/${extra.user.id}`;
    expect((await api.put(`${people}/role`, { role: "creator" }, admin.token)).status).toBe(200);
    expect((await api.put(`${people}/role`, { role: "fan" }, admin.token)).status).toBe(200);
    const until = clock.now() + DAY;
    expect((await api.post(`${people}/suspend`, { until, reason: "a day off" }, admin.token)).status).toBe(
      200,
    );
    expect((await api.post(`${people}/unban`, undefined, admin.token)).status).toBe(200);
    expect((await api.post(`${people}/ban`, { reason: "gone" }, admin.token)).status).toBe(200);
    const badge = `/api/v1/admin/creators/${creator.user.id}`;
    expect((await api.post(`${badge}/verify`, undefined, admin.token)).body.user.verified).toBe(true);
    expect((await api.post(`${badge}/unverify`, undefined, admin.token)).body.user.verified).toBe(false);

    // Live: the key, a ticketed stream planned, edited and bought a ticket to, another planned and deleted;
    // the first goes live through the ingest's own entry (what a publisher with the key triggers), with
    // its chat, moderation and end.
    expect((await api.get("/api/v1/live/key", fan.token)).status).toBe(403);
    expect((await api.get("/api/v1/live/key", creator.token)).status).toBe(200);
    const liveKey = (await api.post("/api/v1/live/key/rotate", undefined, creator.token)).body.streamKey;
    const show = await api.post(
      "/api/v1/live/streams",
      { title: "Ticketed show", access: "ticket", priceCents: 100, scheduledAt: clock.now() + DAY },
      creator.token,
    );
    expect(show.status).toBe(201);
    const showId = show.body.stream.id;
    const maybe = await api.post("/api/v1/live/streams", { title: "Maybe later" }, creator.token);
    expect((await api.del(`/api/v1/live/streams/${maybe.body.stream.id}`, creator.token)).status).toBe(204);
    expect(
      (await api.patch(`/api/v1/live/streams/${showId}`, { title: "Ticketed show, part 1" }, creator.token))
        .status,
    ).toBe(200);
    const ticket = await api.post(`/api/v1/live/streams/${showId}/tickets`, { payWith: "wallet" }, fan.token);
    expect(ticket.body.stream.hasTicket).toBe(true);
    const kept = await api.del(`/api/v1/live/streams/${showId}`, creator.token);
    expect(kept.status).toBe(409);
    expect(kept.body.error.code).toBe("tickets_sold");
    expect((await api.get("/api/v1/creators/maker/live")).body.upcoming.length).toBe(1);
    const { hashKey } = await import("../../src/modules/live/ingest.ts");
    expect((await app.services.live.ingestHooks.publish(hashKey(liveKey)))?.streamId).toBe(showId);
    expect((await api.get("/api/v1/live/now")).body.items[0].id).toBe(showId);
    expect(
      (await api.get(`/api/v1/live/streams/${showId}`, fan.token)).body.stream.playlistUrl,
    ).not.toBeNull();
    const line = await app.services.live.chat(fan.user.id, showId, "Hello from the front row");
    expect((await api.get(`/api/v1/live/streams/${showId}/chat`, fan.token)).body.items[0].id).toBe(line.id);
    expect(
      (
        await api.post(
          `/api/v1/live/streams/${showId}/moderation`,
          { username: "patron", action: "mute" },
          creator.token,
        )
      ).status,
    ).toBe(204);
    expect((await api.del(`/api/v1/live/streams/${showId}/chat/${line.id}`, creator.token)).status).toBe(204);
    expect((await api.get("/api/v1/live/streams", creator.token)).body.items.length).toBe(1);
    expect(
      (await api.post(`/api/v1/live/streams/${showId}/end`, undefined, creator.token)).body.stream.status,
    ).toBe("ended");

    // Compliance: identity verification, 2257 records (co-performers, releases, the export) and DMCA.
    const form = async (
      a: Actor,
      path: string,
      fields: Record<string, string>,
      files: Record<string, Buffer>,
    ) => {
      const res = await sendForm(
        app,
        a,
        path,
        fields,
        Object.fromEntries(Object.entries(files).map(([k, bytes]) => [k, { bytes, name: `${k}.bin` }])),
      );
      c.check("POST", path, res);
      return res;
    };
    const idPhoto = await jpeg(400, 300);
    const kycOf = (a: Actor, legalName: string) =>
      form(
        a,
        "/api/v1/kyc",
        { legalName, dateOfBirth: "1990-05-05", country: "DE" },
        { idDocument: idPhoto, selfie: idPhoto },
      );
    const costar = await signup("costar");
    expect((await api.put("/api/v1/creators/me", { priceCents: 500 }, costar.token)).status).toBe(200);
    const costarKyc = (await kycOf(costar, "Cora Star")).body.kyc;
    expect((await kycOf(fan, "Pat Ron")).status).toBe(201);
    expect((await api.get("/api/v1/kyc", costar.token)).body.kyc.status).toBe("pending");
    const kycQueue = await api.get("/api/v1/admin/kyc?status=pending", admin.token);
    const fanKyc = kycQueue.body.items.find((k: { user: { id: string } }) => k.user.id === fan.user.id);
    const kycDetail = await api.get(`/api/v1/admin/kyc/${costarKyc.id}`, admin.token);
    expect((await api.get(kycDetail.body.kyc.documents[0].url, admin.token)).status).toBe(200);
    expect((await api.post(`/api/v1/admin/kyc/${costarKyc.id}/approve`, undefined, admin.token)).status).toBe(
      200,
    );
    expect(
      (await api.post(`/api/v1/admin/kyc/${fanKyc.id}/reject`, { reason: "Unreadable." }, admin.token))
        .status,
    ).toBe(200);
    const release = await form(
      creator,
      "/api/v1/releases",
      { legalName: "Rel Ease", dateOfBirth: "1992-02-02", otherNames: "Rel" },
      { idDocument: idPhoto, releaseDocument: Buffer.from("%PDF-1.4\n%%EOF\n") },
    );
    expect(release.status).toBe(201);
    expect((await api.get("/api/v1/releases", creator.token)).body.items.length).toBe(1);
    const duo = await api.post(
      "/api/v1/posts",
      {
        text: "Duo",
        visibility: "public",
        coPerformers: [{ username: "costar" }],
        releaseIds: [release.body.release.id],
      },
      creator.token,
    );
    const trio = await api.post(
      "/api/v1/posts",
      { text: "Trio", visibility: "public", coPerformers: [{ username: "costar" }] },
      creator.token,
    );
    expect((await api.get("/api/v1/records/held", creator.token)).body.items.length).toBe(2);
    expect(
      (await api.get(`/api/v1/records/posts/${duo.body.post.id}`, creator.token)).body.performers.held,
    ).toBe(true);
    const asks = (await api.get("/api/v1/records/requests", costar.token)).body.items as {
      id: string;
      postId: string;
    }[];
    const ask = (postId: string) => asks.find((r) => r.postId === postId)!.id;
    expect(
      (await api.post(`/api/v1/records/requests/${ask(duo.body.post.id)}/confirm`, undefined, costar.token))
        .status,
    ).toBe(204);
    expect(
      (await api.post(`/api/v1/records/requests/${ask(trio.body.post.id)}/decline`, undefined, costar.token))
        .status,
    ).toBe(204);
    expect((await api.get("/api/v1/records/2257")).body.statement.siteName).toBe("Contract Site");
    const zip = await api.get("/api/v1/admin/records/2257", admin.token);
    expect(zip.status).toBe(200);

    const dmcaNotice = (urls: string[]) => ({
      claimant: { name: "Owner", email: "owner@example.com", address: "1 Road" },
      work: "A photo series",
      urls,
      goodFaith: true,
      accuracy: true,
      signature: "Owner",
    });
    const dmca1 = await api.post("/api/v1/dmca", dmcaNotice([`${app.base}/posts/${duo.body.post.id}`]));
    expect(dmca1.status).toBe(201);
    const dmca2 = await api.post("/api/v1/dmca", dmcaNotice(["https://elsewhere.example/x"]));
    expect((await api.get("/api/v1/admin/dmca?status=open", admin.token)).body.items.length).toBe(2);
    expect(
      (await api.get(`/api/v1/admin/dmca/${dmca1.body.notice.id}`, admin.token)).body.notice.resolved.length,
    ).toBe(1);
    expect(
      (await api.post(`/api/v1/admin/dmca/${dmca1.body.notice.id}/takedown`, undefined, admin.token)).status,
    ).toBe(200);
    expect(
      (
        await api.post(
          `/api/v1/admin/dmca/${dmca2.body.notice.id}/reject`,
          { reason: "Not here." },
          admin.token,
        )
      ).status,
    ).toBe(200);
    expect((await api.get("/api/v1/dmca", creator.token)).body.items.length).toBe(1);
    expect((await api.get(`/api/v1/dmca/${dmca1.body.notice.id}`, creator.token)).body.notice.status).toBe(
      "taken_down",
    );
    const countered = await api.post(
      `/api/v1/dmca/${dmca1.body.notice.id}/counter`,
      {
        name: "Maker",
        address: "2 Lane",
        phone: "555 0100",
        email: "maker@example.com",
        material: "Duo",
        mistakeStatement: true,
        jurisdictionConsent: true,
        signature: "Maker",
      },
      creator.token,
    );
    expect(countered.status).toBe(200);
    expect(
      (await api.post(`/api/v1/admin/dmca/${dmca1.body.notice.id}/restore`, undefined, admin.token)).status,
    ).toBe(409);
    clock.advance(15 * DAY);
    expect(
      (await api.post(`/api/v1/admin/dmca/${dmca1.body.notice.id}/restore`, undefined, admin.token)).status,
    ).toBe(200);

    // A JSON body sent as something else is refused with the declared 415.
    const asText = await api.call("PUT", "/api/v1/creators/me", {
      raw: JSON.stringify({ priceCents: 1 }),
      token: creator.token,
      headers: { "content-type": "text/plain" },
    });
    expect(asText.status).toBe(415);
    expect(asText.body.error.code).toBe("unsupported_media_type");

    // Cancelling, and ending every session.
    const canceled = await api.del(`/api/v1/subscriptions/${sub.body.subscription.id}`, fan.token);
    expect(canceled.body.subscription.status).toBe("canceled");
    expect((await api.post("/api/v1/auth/logout-all", undefined, fan.token)).status).toBe(204);
    expect((await api.get("/api/v1/users/me", fan.token)).status).toBe(401);

    // Privacy: a creator blocks a country; a newcomer's data export (queued, ready, listed, downloaded),
    // then the newcomer erases their account.
    const blocked = await api.put("/api/v1/creators/me", { blockedCountries: ["de"] }, creator.token);
    expect(blocked.body.creator.blockedCountries).toEqual(["DE"]);
    await api.put("/api/v1/creators/me", { blockedCountries: [] }, creator.token);
    const newcomer = await api.post("/api/v1/auth/signup", {
      email: "newcomer@example.com",
      username: "newcomer",
      password: "password-123",
      ageConfirmed: true,
    });
    const nt = newcomer.body.token as string;
    const asked = await api.post("/api/v1/users/me/export", undefined, nt);
    expect(asked.status).toBe(202);
    let exp = asked.body.export;
    for (const deadline = Date.now() + 20_000; exp.status !== "ready" && Date.now() < deadline;) {
      await new Promise((ok) => setTimeout(ok, 50));
      exp = (await api.get(`/api/v1/users/me/exports/${exp.id}`, nt)).body.export;
    }
    expect(exp.status).toBe("ready");
    expect((await api.get("/api/v1/users/me/exports", nt)).body.items[0].id).toBe(exp.id);
    expect((await api.get(exp.downloadUrl, nt)).status).toBe(200);
    const erased = await api.call("DELETE", "/api/v1/users/me", {
      token: nt,
      body: { password: "password-123" },
    });
    expect(erased.status).toBe(204);

    // Integrations: an API key made, listed, refused outside its scope, revoked; an outgoing webhook to a
    // receiver on 127.0.0.1 (private receivers allowed for this part), tested, logged, turned on, deleted.
    const apiKey = await api.post(
      "/api/v1/api-keys",
      { name: "Tool", scopes: ["posts:read"] },
      creator.token,
    );
    expect(apiKey.status).toBe(201);
    expect((await api.get("/api/v1/api-keys", creator.token)).body.items).toHaveLength(1);
    const outside = await api.get("/api/v1/wallet", apiKey.body.apiKey.key);
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe("insufficient_scope");
    expect((await api.del(`/api/v1/api-keys/${apiKey.body.apiKey.id}`, creator.token)).status).toBe(204);
    const rx = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200).end("ok"));
    });
    await new Promise<void>((ok) => rx.listen(0, "127.0.0.1", ok));
    app.ctx.config.webhooks.allow_private = true;
    try {
      const url = `http://127.0.0.1:${(rx.address() as AddressInfo).port}/hook`;
      const wh = await api.post("/api/v1/webhooks", { url, events: ["post.published"] }, creator.token);
      expect(wh.status).toBe(201);
      const hookId = wh.body.webhook.id as string;
      expect((await api.get("/api/v1/webhooks", creator.token)).body.items).toHaveLength(1);
      expect((await api.post(`/api/v1/webhooks/${hookId}/test`, undefined, creator.token)).status).toBe(202);
      for (let i = 0; i < 200; i++) {
        const log = await api.get(`/api/v1/webhooks/${hookId}/deliveries`, creator.token);
        if (log.body.items[0]?.status === "delivered") break;
        await new Promise((ok) => setTimeout(ok, 50));
      }
      const log = await api.get(`/api/v1/webhooks/${hookId}/deliveries`, creator.token);
      expect(log.body.items[0]).toMatchObject({ status: "delivered", responseStatus: 200 });
      expect((await api.post(`/api/v1/webhooks/${hookId}/enable`, undefined, creator.token)).status).toBe(
        200,
      );
      expect((await api.del(`/api/v1/webhooks/${hookId}`, creator.token)).status).toBe(204);
    } finally {
      app.ctx.config.webhooks.allow_private = false;
      await new Promise<void>((ok) => rx.close(() => ok()));
    }

    // Sign-in with a provider (a real OpenID provider on 127.0.0.1), driven like a browser: the admin saves
    // it, a new person comes back from it, confirms their age, links nothing else and may not unlink it.
    const op = await startOidcProvider();
    try {
      const site = publicUrl(app.ctx.config);
      op.connect([`${site}/api/v1/auth/sso/contract/callback`]);
      const provider = {
        name: "Contract ID",
        issuer: op.issuer,
        clientId: TEST_CLIENT.id,
        clientSecret: TEST_CLIENT.secret,
      };
      expect((await api.put("/api/v1/admin/sso/providers/contract", provider, admin.token)).status).toBe(200);
      expect((await api.get("/api/v1/admin/sso/providers", admin.token)).body.items).toHaveLength(1);
      expect((await api.get("/api/v1/auth/sso/providers")).body.items).toHaveLength(1);
      const jar = new CookieJar();
      /** A browser request, its answer checked against the contract. */
      const checked = async (method: string, path: string, body?: unknown) => {
        const res = await browse(jar, `${app.base}${path}`, { method, body, origin: app.base });
        const text = await res.text();
        const r = { status: res.status, body: text ? (JSON.parse(text) as any) : null, headers: res.headers };
        c.check(method, path, r);
        return r;
      };
      op.signInAs({ sub: "contract-1", email: "sso@example.com", email_verified: true });
      const started = await checked("POST", "/api/v1/auth/sso/contract/start", { intent: "login" });
      const toSite = (u: URL) => (u.origin === site ? new URL(u.pathname + u.search, app.base) : u);
      const atCallback = await follow(jar, started.body.url, app.base, {
        edit: toSite,
        stopAt: (u) => u.pathname.endsWith("/callback"),
      });
      const back = await checked("GET", atCallback.url.pathname + atCallback.url.search);
      expect(back.status).toBe(303);
      expect((await checked("GET", "/api/v1/auth/sso/signup")).body.signup.email).toBe("sso@example.com");
      const made = await checked("POST", "/api/v1/auth/sso/signup", {
        username: "sso_person",
        ageConfirmed: true,
      });
      expect(made.status).toBe(201);
      const ids = await api.get("/api/v1/auth/sso/identities", made.body.token);
      expect(ids.body.hasPassword).toBe(false);
      expect(
        (await api.del(`/api/v1/auth/sso/identities/${ids.body.items[0].id}`, made.body.token)).status,
      ).toBe(409);
      // With a passkey added, the provider may go.
      const soft = softPasskey();
      const regOptions = await api.post("/api/v1/auth/passkeys/options", undefined, made.body.token);
      const reg = soft.register(regOptions.body.options, new URL(site).origin);
      expect(
        (
          await api.post(
            "/api/v1/auth/passkeys",
            { flowId: regOptions.body.flowId, name: "Key", response: reg },
            made.body.token,
          )
        ).status,
      ).toBe(201);
      expect(
        (await api.del(`/api/v1/auth/sso/identities/${ids.body.items[0].id}`, made.body.token)).status,
      ).toBe(204);
      expect((await api.del("/api/v1/admin/sso/providers/contract", admin.token)).status).toBe(204);
    } finally {
      await op.close();
    }

    // The document itself is an operation too.
    expect((await api.get("/api/v1/openapi.json")).status).toBe(200);
    expect(await app.ledgerHealth()).toEqual({ unbalanced: [], drifted: [] });
    expect(c.untested(), "operations that never answered with a success").toEqual([]);
  });
});
