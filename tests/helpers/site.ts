// A site driven the operator's and the users' way for CLI tests: fanzctl run as a child process
// (asynchronously, so a long run does not block the test worker), and a running `fanzctl serve`
// filled through its HTTP API (sign-ups, creator profiles, posts, sandbox top-ups, subscriptions,
// unlocks, tips, likes, comments, an admin refund), so the ledger and the outbox hold real rows.
import { spawn } from "node:child_process";
import { repoRoot, type AppProcess } from "./app-process.ts";

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function fanzctl(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ["cli/bin.mjs", ...args], {
      cwd: repoRoot,
      env: { ...process.env, FANZ_LOG__LEVEL: "error", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("exit", (status) => ok({ status, stdout, stderr }));
  });
}

export interface Person {
  username: string;
  email: string;
  token: string;
}

export function httpSite(app: AppProcess) {
  async function call(method: string, path: string, body?: unknown, token?: string) {
    const res = await fetch(app.baseUrl + path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, any> };
  }
  const must = async (expected: number, p: ReturnType<typeof call>) => {
    const r = await p;
    if (r.status !== expected)
      throw new Error(`expected ${expected}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const site = {
    call,
    must,
    async setup(): Promise<Person> {
      const b = await must(
        201,
        call("POST", "/api/v1/setup", {
          token: app.setupToken(),
          siteName: "CLI Test",
          admin: { email: "admin@example.com", username: "admin", password: "admin-password-1" },
        }),
      );
      return { username: "admin", email: "admin@example.com", token: b.token as string };
    },
    async signup(username: string): Promise<Person> {
      const email = `${username}@example.com`;
      const b = await must(
        201,
        call("POST", "/api/v1/auth/signup", {
          email,
          username,
          password: "password-123",
          ageConfirmed: true,
        }),
      );
      return { username, email, token: b.token as string };
    },
    async creator(username: string, priceCents: number): Promise<Person> {
      const p = await site.signup(username);
      await must(200, call("PUT", "/api/v1/creators/me", { priceCents }, p.token));
      return p;
    },
    async post(p: Person, body: Record<string, unknown>): Promise<string> {
      return (await must(201, call("POST", "/api/v1/posts", body, p.token))).post.id as string;
    },
    async topup(p: Person, amountCents: number): Promise<void> {
      const t = await must(202, call("POST", "/api/v1/wallet/topups", { amountCents }, p.token));
      await must(
        200,
        call("POST", `/sandbox/checkout/${t.checkoutId}/pay`, { cardNumber: "4242 4242 4242 4242" }),
      );
    },
    login: (email: string, password = "password-123") =>
      call("POST", "/api/v1/auth/login", { email, password }),
  };
  return site;
}

/**
 * Fills a site with two creators, three fans and an admin, and money moving between them: top-ups,
 * wallet subscriptions, a pay-per-view unlock, a tip, likes and comments, and a refunded top-up.
 */
export async function seedSite(app: AppProcess) {
  const s = httpSite(app);
  const admin = await s.setup();
  const ava = await s.creator("ava_creator", 999);
  const ben = await s.creator("ben_creator", 500);
  const fans = [await s.signup("fan_one"), await s.signup("fan_two"), await s.signup("fan_three")];
  const [one, two, three] = fans as [Person, Person, Person];
  const posts: string[] = [];
  for (let i = 0; i < 3; i++)
    posts.push(await s.post(ava, { text: `ava public ${i}`, visibility: "public" }));
  for (let i = 0; i < 2; i++)
    posts.push(await s.post(ava, { text: `ava subs ${i} ✓ «ü»`, visibility: "subscribers" }));
  const ppv = await s.post(ava, { text: "ava ppv", visibility: "ppv", priceCents: 300 });
  posts.push(ppv);
  posts.push(await s.post(ben, { text: "ben public", visibility: "public" }));
  posts.push(await s.post(ben, { text: "ben subs", visibility: "subscribers" }));

  await s.topup(one, 5000);
  await s.topup(one, 2500);
  await s.topup(two, 3000);
  await s.topup(three, 1000);
  await s.must(
    201,
    s.call("POST", "/api/v1/subscriptions", { creator: "ava_creator", payWith: "wallet" }, one.token),
  );
  await s.must(
    201,
    s.call("POST", "/api/v1/subscriptions", { creator: "ava_creator", payWith: "wallet" }, two.token),
  );
  await s.must(
    201,
    s.call("POST", "/api/v1/subscriptions", { creator: "ben_creator", payWith: "wallet" }, two.token),
  );
  await s.must(200, s.call("POST", `/api/v1/posts/${ppv}/unlock`, { payWith: "wallet" }, one.token));
  await s.must(
    201,
    s.call(
      "POST",
      "/api/v1/tips",
      { creator: "ava_creator", amountCents: 200, payWith: "wallet" },
      two.token,
    ),
  );
  for (const f of [one, two]) {
    await s.must(200, s.call("POST", `/api/v1/posts/${posts[0]}/likes`, undefined, f.token));
    await s.must(
      201,
      s.call("POST", `/api/v1/posts/${posts[0]}/comments`, { text: `hi from ${f.username}` }, f.token),
    );
  }
  // The admin refunds fan_three's unspent top-up: a refund transaction and its entries.
  const txns = (
    await s.must(200, s.call("GET", "/api/v1/admin/transactions?limit=100", undefined, admin.token))
  ).items as { id: string; kind: string; user?: { username: string } }[];
  const topup = txns.find((t) => t.kind === "topup" && t.user?.username === "fan_three")!;
  await s.must(200, s.call("POST", `/api/v1/admin/transactions/${topup.id}/refund`, undefined, admin.token));
  return { site: s, admin, ava, ben, fans: { one, two, three }, posts, ppv };
}
