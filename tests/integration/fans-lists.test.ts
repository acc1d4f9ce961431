// A creator's fans and fan lists through real HTTP on both engines: the fans list (status, search, spend
// from the ledger, a cursor per sort), lists with unique members that only the creator's fans may join,
// and a mass message to a list that reaches exactly its members still allowed (blocks left out).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TestClock, type Actor, type TestApp } from "../helpers/api.ts";

describe("fans and lists", () => {
  let app: TestApp;
  const clock = new TestClock();
  let admin: Actor;
  let creator: Actor;
  let other: Actor;
  let a: Actor;
  let b: Actor;
  let c: Actor;
  let outsider: Actor;
  let blocker: Actor;

  const subscribe = async (f: Actor) => {
    clock.advance(1000);
    const r = await app.post("/api/v1/subscriptions", { creator: "fanhub", payWith: "wallet" }, f.token);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  };
  const fans = async (query: string, who = creator) => {
    const r = await app.get(`/api/v1/fans?${query}`, who.token);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { items: any[]; nextCursor: string | null };
  };
  /** Every page of a query, one fan a page: the cursor must walk them all once, in order. */
  async function walk(query: string): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const p = await fans(`${query}&limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...p.items.map((f) => f.user.username));
      cursor = p.nextCursor;
      if (!cursor) break;
    }
    return seen;
  }
  const massDone = async (id: string) => {
    let m: any;
    for (let i = 0; i < 100; i++) {
      m = (await app.get(`/api/v1/messages/mass/${id}`, creator.token)).body.massMessage;
      if (m.status === "done") break;
      await new Promise((ok) => setTimeout(ok, 50));
    }
    return m;
  };

  beforeAll(async () => {
    app = await startTestApp({ clock, jobs: true });
    admin = await app.signupAdmin();
    creator = await app.creator("fanhub", { priceCents: 1000 });
    other = await app.creator("elsewhere", { priceCents: 500 });
    a = await app.signup("alice_fan");
    b = await app.signup("bob_fan");
    c = await app.signup("carol_fan");
    blocker = await app.signup("dave_fan");
    outsider = await app.signup("erin_outsider");
    for (const f of [a, b, c, blocker, outsider]) await app.topup(f, 5000);
    await subscribe(a);
    await subscribe(b);
    await subscribe(c);
    await subscribe(blocker);
    clock.advance(1000);
    await app.post("/api/v1/tips", { creator: "fanhub", amountCents: 200, payWith: "wallet" }, a.token);
    await app.post("/api/v1/tips", { creator: "fanhub", amountCents: 100, payWith: "wallet" }, blocker.token);
    await app.post("/api/v1/subscriptions", { creator: "elsewhere", payWith: "wallet" }, outsider.token);
    // Carol's subscription is refunded: she is a lapsed fan who spent nothing in the end.
    const txns = (await app.get("/api/v1/admin/transactions?limit=100", admin.token)).body.items as any[];
    const carols = txns.find((t) => t.kind === "subscription" && t.user?.id === c.user.id);
    expect(
      (await app.post(`/api/v1/admin/transactions/${carols.id}/refund`, undefined, admin.token)).status,
    ).toBe(200);
  });
  afterAll(() => app.close());

  it("lists the creator's fans with since, status, renewal and lifetime spend from the ledger", async () => {
    const all = await fans("status=all&sort=spend");
    expect(all.items.map((f) => f.user.username)).toEqual(["alice_fan", "dave_fan", "bob_fan", "carol_fan"]);
    const [alice, , , carol] = all.items;
    expect(alice).toMatchObject({
      status: "active",
      spendCents: 1200,
      currency: "USD",
      endsAt: null,
      listIds: [],
    });
    expect(alice.renewsAt).toBeGreaterThan(clock.now());
    expect(alice.since).toBeLessThan(carol.since);
    expect(carol).toMatchObject({ status: "expired", spendCents: 0, renewsAt: null });
    expect(carol.endsAt).toBeLessThanOrEqual(clock.now());
    expect((await fans("status=active")).items).toHaveLength(3);
    expect((await fans("status=expired")).items.map((f) => f.user.username)).toEqual(["carol_fan"]);
    expect((await fans("query=BOB")).items.map((f) => f.user.username)).toEqual(["bob_fan"]);
    // Another creator's fans are theirs alone.
    expect((await fans("status=all", other)).items.map((f) => f.user.username)).toEqual(["erin_outsider"]);
    expect((await app.get("/api/v1/fans", a.token)).body.error.code).toBe("not_a_creator");
  });

  it("pages with a cursor that keeps each sort's order", async () => {
    expect(await walk("sort=spend")).toEqual(["alice_fan", "dave_fan", "bob_fan", "carol_fan"]);
    expect(await walk("sort=recent")).toEqual(["dave_fan", "carol_fan", "bob_fan", "alice_fan"]);
    expect((await app.get("/api/v1/fans?cursor=nonsense", creator.token)).body.error.code).toBe("bad_cursor");
  });

  it("makes lists with unique names and members, for the creator's own fans only", async () => {
    const made = await app.post("/api/v1/lists", { name: "VIP" }, creator.token);
    expect(made.status).toBe(201);
    const id = made.body.list.id;
    expect(made.body.list).toMatchObject({ name: "VIP", memberCount: 0 });
    expect((await app.post("/api/v1/lists", { name: "VIP" }, creator.token)).body.error.code).toBe(
      "list_name_taken",
    );
    expect((await app.post("/api/v1/lists", { name: "" }, creator.token)).status).toBe(400);
    expect((await app.post("/api/v1/lists", { name: "Mine" }, a.token)).body.error.code).toBe(
      "not_a_creator",
    );

    const put = (userId: string, who = creator) =>
      app.put(`/api/v1/lists/${id}/members/${userId}`, undefined, who.token);
    expect((await put(a.user.id)).body.list.memberCount).toBe(1);
    expect((await put(a.user.id)).body.list.memberCount).toBe(1);
    // Parallel adds of the same fan still make one membership.
    await Promise.all([put(b.user.id), put(b.user.id), put(b.user.id)]);
    expect((await put(c.user.id)).body.list.memberCount).toBe(3);
    const stranger = await put(outsider.user.id);
    expect(stranger.status).toBe(400);
    expect(stranger.body.error.code).toBe("not_a_fan");
    // Someone else's list is not there for anyone else.
    expect((await put(a.user.id, other)).status).toBe(404);
    expect((await app.patch(`/api/v1/lists/${id}`, { name: "x" }, other.token)).status).toBe(404);
    expect((await app.del(`/api/v1/lists/${id}`, other.token)).status).toBe(404);

    const renamed = await app.patch(`/api/v1/lists/${id}`, { name: "Top fans" }, creator.token);
    expect(renamed.body.list).toMatchObject({ name: "Top fans", memberCount: 3 });
    expect((await app.get("/api/v1/lists", creator.token)).body.items).toEqual([renamed.body.list]);
    expect((await app.get("/api/v1/lists", other.token)).body.items).toEqual([]);
    const onList = await fans(`listId=${id}&sort=spend`);
    expect(onList.items.map((f) => f.user.username)).toEqual(["alice_fan", "bob_fan", "carol_fan"]);
    expect(onList.items[0].listIds).toEqual([id]);

    const removed = await app.del(`/api/v1/lists/${id}/members/${b.user.id}`, creator.token);
    expect(removed.body.list.memberCount).toBe(2);
    const gone = await app.post("/api/v1/lists", { name: "Temp" }, creator.token);
    expect((await app.del(`/api/v1/lists/${gone.body.list.id}`, creator.token)).status).toBe(204);
    expect((await app.get("/api/v1/lists", creator.token)).body.items).toHaveLength(1);
  });

  it("sends a mass message to exactly a list's members still allowed", async () => {
    const list = (await app.post("/api/v1/lists", { name: "Lapsed and loyal" }, creator.token)).body.list;
    for (const f of [a, c, blocker])
      expect(
        (await app.put(`/api/v1/lists/${list.id}/members/${f.user.id}`, undefined, creator.token)).status,
      ).toBe(200);
    // Dave blocks the creator after joining the list: he is left out, in the count and in the send.
    expect((await app.post(`/api/v1/users/fanhub/block`, undefined, blocker.token)).status).toBe(204);
    const sizes = await app.get(`/api/v1/messages/mass/audience?listId=${list.id}`, creator.token);
    expect(sizes.body).toMatchObject({ list: 2 });
    expect((await app.get(`/api/v1/messages/mass/audience?listId=${list.id}`, other.token)).status).toBe(404);
    const foreign = await app.post(
      "/api/v1/messages/mass",
      { text: "no", audience: { listId: list.id } },
      other.token,
    );
    expect(foreign.status).toBe(404);

    const r = await app.post(
      "/api/v1/messages/mass",
      { text: "Just for you", audience: { listId: list.id } },
      creator.token,
    );
    expect(r.status, JSON.stringify(r.body)).toBe(202);
    expect(r.body.massMessage).toMatchObject({ audience: "list", listId: list.id, total: 2 });
    const m = await massDone(r.body.massMessage.id);
    expect(m).toMatchObject({ status: "done", sent: 2, total: 2 });
    const copies = (await app.raw
      .prepare(
        "SELECT cm.other_id AS recipient FROM messages m JOIN conversation_members cm ON cm.conversation_id = m.conversation_id AND cm.user_id = m.sender_id WHERE m.mass_message_id = ?",
      )
      .all(m.id)) as { recipient: string }[];
    expect(copies.map((x) => x.recipient).sort()).toEqual([a.user.id, c.user.id].sort());
  });
});
