// The baseline of the /ws benchmark: the `ws` package on node:http with nothing of Fanz, speaking the same
// shape of protocol (an auth frame naming a token, `ready`, then frames), so the figures of bench/ws.ts
// say what Fanz adds to the sockets themselves. `POST /send {to, text}` writes one frame to the socket
// that authenticated with token `to`; `POST /mass {text}` writes it to every socket.
// Usage: node --import tsx bench/ws-bare.ts PORT
import { createServer } from "node:http";
import { WebSocketServer, type WebSocket } from "ws";

const port = Number(process.argv[2] ?? "0");
const byToken = new Map<string, WebSocket>();
let seq = 0;
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
wss.on("connection", (ws) => {
  ws.once("message", (raw) => {
    const token = String((JSON.parse(raw.toString()) as { token?: string }).token);
    byToken.set(token, ws);
    ws.on("close", () => byToken.delete(token));
    ws.send(JSON.stringify({ type: "ready", seq: 0 }));
  });
});

const server = createServer((req, res) => {
  let body = "";
  req.on("data", (d: Buffer) => (body += d.toString()));
  req.on("end", () => {
    if (req.method === "GET") {
      res.end("ok");
      return;
    }
    const msg = JSON.parse(body || "{}") as { to?: string; text?: string };
    const frame = JSON.stringify({ type: "message", seq: ++seq, message: { text: msg.text } });
    if (req.url === "/mass") for (const ws of byToken.values()) ws.send(frame);
    else byToken.get(String(msg.to))?.send(frame);
    res.writeHead(201, { "content-type": "application/json" }).end("{}");
  });
});
server.on("upgrade", (req, socket, head) =>
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws)),
);
server.listen(port, "127.0.0.1", () => process.stdout.write(`ws-bare listening on 127.0.0.1:${port}\n`));
process.once("SIGTERM", () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
});
