// An HTTP relay between the app and the Slack stand-in that answers for Slack the way it answers when something is
// wrong with one channel or with the token: `{ ok: false, error: "not_in_channel" }` for calls naming a channel,
// `invalid_auth` for every call, a 503 for a while. What no rule matches goes through to the stand-in unchanged, so
// every message that does reach "Slack" is there to be counted.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FaultRule {
  /** A channel id, or "*" for every call (auth.test included). */
  channel: string;
  /** Slack's error in a 200 answer… */
  error?: string;
  /** …or an HTTP status without one (429 carries Retry-After: 1). */
  status?: number;
}

export interface SlackFaults {
  /** Base URL to give the app as SLACK_API_URL. */
  readonly url: string;
  /** The stand-in's API base URL ("…/api/"); calls are refused until it is set. */
  target: string | null;
  /** Calls answered by a rule, by method and channel ("*" when the call named none). */
  readonly refused: Array<{ method: string; channel: string; answer: string }>;
  refuse(rule: FaultRule): void;
  /** Slack answers normally again. */
  clear(): void;
  stop(): Promise<void>;
}

export async function startSlackFaults(): Promise<SlackFaults> {
  let rules: FaultRule[] = [];
  const faults: SlackFaults = {
    url: "",
    target: null,
    refused: [],
    refuse: (rule) => { rules.push(rule); },
    clear: () => { rules = []; },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await read(req);
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
      const channel = channelOf(body, req.headers["content-type"] ?? "");
      const rule = rules.find((r) => r.channel === "*" || r.channel === channel);
      if (rule) {
        faults.refused.push({ method, channel: channel ?? "*", answer: rule.error ?? `http_${rule.status}` });
        if (rule.status) {
          res.writeHead(rule.status, rule.status === 429 ? { "retry-after": "1", "content-type": "application/json" } : { "content-type": "text/plain" });
          res.end(rule.status === 429 ? '{"ok":false,"error":"ratelimited"}' : "relay: injected failure");
        } else {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify({ ok: false, error: rule.error }));
        }
        return;
      }
      if (!faults.target) {
        req.socket.destroy();
        return;
      }
      const headers: Record<string, string> = {};
      for (const name of ["authorization", "content-type"]) {
        const value = req.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      const upstream = await fetch(`${faults.target}${method}`, { method: req.method, headers, body: req.method === "GET" ? undefined : body });
      const type = upstream.headers.get("content-type");
      res.writeHead(upstream.status, type ? { "content-type": type } : {});
      res.end(Buffer.from(await upstream.arrayBuffer()));
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  Object.assign(faults, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/` });
  return faults;
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function channelOf(body: Buffer, contentType: string): string | null {
  const text = body.toString("utf8");
  if (contentType.includes("json")) {
    try {
      const channel = (JSON.parse(text) as { channel?: unknown }).channel;
      return typeof channel === "string" ? channel : null;
    } catch {
      return null;
    }
  }
  return new URLSearchParams(text).get("channel");
}
