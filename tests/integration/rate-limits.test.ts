// Rate limits under concurrency: the attempt is counted in the same transaction that checks the limit,
// before the work it guards, so parallel requests cannot all pass the check (review defect 1), and
// counters are pruned once their window is over (review defect 8).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { schedulerTasks } from "../../src/main.ts";
import { DAY } from "../../src/lib/clock.ts";
import { startTestApp, TestClock, type TestApp } from "../helpers/api.ts";
import { jpeg } from "../fixtures/media.ts";

const login = (app: TestApp, email: string, password: string) =>
  app.post("/api/v1/auth/login", { email, password });
const tally = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

describe("rate limits hold under parallel requests", () => {
  let app: TestApp;
  const clock = new TestClock();
  beforeAll(async () => {
    app = await startTestApp({
      clock,
      env: { FANZ_AUTH__SIGNUPS_PER_IP_PER_HOUR: "5", FANZ_MEDIA__UPLOADS_PER_HOUR: "3" },
    });
  });
  afterAll(() => app.close());

  it("30 parallel wrong passwords for one email: 5 are checked, 25 get 429", async () => {
    await app.signup("victim");
    const r = await Promise.all(
      Array.from({ length: 30 }, () => login(app, "victim@example.com", "wrong-pass")),
    );
    expect(tally(r.map((x) => x.status))).toEqual({ 401: 5, 429: 25 });
  });

  it("20 wrong guesses and the right password sent together: at most 5 are tried", async () => {
    await app.signup("target");
    const guesses = Array.from({ length: 20 }, () => login(app, "target@example.com", "wrong-pass"));
    const r = await Promise.all([...guesses, login(app, "target@example.com", "password-123")]);
    const tried = r.filter((x) => x.status !== 429);
    expect(tried.length).toBe(5);
    // Sent last, the right password is tried only if it got in before the window filled up (on
    // PostgreSQL the logins race truly in parallel); a success gives its attempt back.
    const rightTried = r.at(-1)!.status === 200;
    expect(tried.filter((x) => x.status === 200)).toHaveLength(rightTried ? 1 : 0);
    // Once the window is used up by failures, even the right password waits.
    expect((await login(app, "target@example.com", "password-123")).status).toBe(rightTried ? 200 : 429);
  });

  it("the per-address limit (4 × 5) holds across many emails at once", async () => {
    clock.advance(DAY);
    const r = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(app, `nobody${i}@example.com`, "x-wrong-pass")),
    );
    expect(tally(r.map((x) => x.status))).toEqual({ 401: 20, 429: 20 });
  });

  it("a successful login gives its attempt back", async () => {
    clock.advance(DAY);
    await app.signup("regular");
    for (let i = 0; i < 4; i++)
      expect((await login(app, "regular@example.com", "nope-nope")).status).toBe(401);
    for (let i = 0; i < 3; i++)
      expect((await login(app, "regular@example.com", "password-123")).status).toBe(200);
    expect((await login(app, "regular@example.com", "nope-nope")).status).toBe(401);
    expect((await login(app, "regular@example.com", "nope-nope")).status).toBe(429);
  });

  it("good logins from one address never use up its allowance (many people behind one NAT)", async () => {
    clock.advance(DAY);
    await app.signup("office");
    for (let i = 0; i < 30; i++)
      expect((await login(app, "office@example.com", "password-123")).status).toBe(200);
    for (let i = 0; i < 5; i++)
      expect((await login(app, `typo${i}@example.com`, "nope-nope")).status).toBe(401);
  });

  it("30 parallel sign-ups with 5 left in the window: exactly 5 accounts", async () => {
    clock.advance(DAY);
    const r = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        app.post("/api/v1/auth/signup", {
          email: `burst${i}@example.com`,
          username: `burst${i}`,
          password: "password-123",
          ageConfirmed: true,
        }),
      ),
    );
    expect(tally(r.map((x) => x.status))).toEqual({ 201: 5, 429: 25 });
    const made = (await app.raw
      .prepare("SELECT count(*) AS n FROM users WHERE username LIKE 'burst%'")
      .get()) as { n: number };
    expect(made.n).toBe(5);
  });

  it("a failed sign-up (email taken) does not use up the allowance", async () => {
    clock.advance(DAY);
    await app.signup("taken");
    for (let i = 0; i < 6; i++) {
      const r = await app.post("/api/v1/auth/signup", {
        email: "taken@example.com",
        username: `again${i}`,
        password: "password-123",
        ageConfirmed: true,
      });
      expect(r.status).toBe(409);
    }
    expect(
      (
        await app.post("/api/v1/auth/signup", {
          email: "fresh@example.com",
          username: "fresh",
          password: "password-123",
          ageConfirmed: true,
        })
      ).status,
    ).toBe(201);
  });

  it("10 parallel uploads with an allowance of 3: 3 are stored, 7 get 429 and leave no file", async () => {
    clock.advance(DAY);
    const creator = await app.creator("uploader");
    const image = await jpeg(64, 48);
    const r = await Promise.all(
      Array.from({ length: 10 }, (_, i) => app.upload(creator, image, `p${i}.jpg`)),
    );
    const statuses = r.map((x) => x.status);
    expect(statuses.filter((s) => s === 429).length).toBe(7);
    expect(statuses.filter((s) => s >= 200 && s < 300).length).toBe(3);
    expect(readdirSync(join(app.dir, "media")).length).toBe(3);
    expect(readdirSync(join(app.dir, "tmp")).filter((f) => f.endsWith(".upload"))).toEqual([]);
  });

  it("the scheduler prunes counters whose window is over", async () => {
    const count = async () =>
      ((await app.raw.prepare("SELECT count(*) AS n FROM rate_limits").get()) as { n: number }).n;
    await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(app, `someone${i}@example.com`, "x-wrong-pass")),
    );
    expect(await count()).toBeGreaterThan(25);
    clock.advance(DAY + 1);
    await login(app, "recent@example.com", "x-wrong-pass");
    const task = schedulerTasks(app.ctx, app.services).find((t) => t.name === "expired-rate-limits");
    expect(task).toBeDefined();
    await task!.run();
    // Only the two counters of the attempt made after the jump (its email and its address) remain.
    expect(await count()).toBe(2);
  });
});
