// A real SMTP server on a loopback port (the smtp-server package) for tests of the e-mail channel: it
// records every accepted message with the credentials it came with, and can be told to refuse the next
// messages with a given SMTP reply, as a failing mail server would.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  raw: Buffer;
  mail: ParsedMail;
  user: string | null;
  to: string[];
}

export async function startSmtpServer(opts: { users?: Record<string, string> } = {}) {
  const received: Received[] = [];
  let refuse: { times: number; code: number; message: string } | null = null;
  const server = new SMTPServer({
    // Plain text on loopback: nodemailer would otherwise upgrade to TLS with this server's self-signed cert.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: !opts.users,
    logger: false,
    onAuth(auth, _session, cb) {
      if (opts.users && opts.users[auth.username ?? ""] === auth.password)
        return cb(null, { user: auth.username });
      cb(new Error("Invalid username or password"));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        if (refuse && refuse.times > 0) {
          refuse.times--;
          const err = Object.assign(new Error(refuse.message), { responseCode: refuse.code });
          return cb(err);
        }
        const raw = Buffer.concat(chunks);
        void simpleParser(raw).then((mail) => {
          received.push({
            raw,
            mail,
            user: (session.user as string | undefined) ?? null,
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          cb();
        });
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", () => ok()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** The next `times` messages are refused with this reply (e.g. 451 for a temporary failure). */
    refuseNext(times: number, code = 451, message = "Try again later") {
      refuse = { times, code, message };
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
