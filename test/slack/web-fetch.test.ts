// The transport under the app's Slack clients: what WebClient makes of Slack's answers must not change with it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ErrorCode, WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { slackFetch } from "../../src/slack/web-fetch.ts";

interface Seen { method: string; path: string; contentType: string; authorization: string; body: string; socket: number }

let server: Server;
let base: string;
let seen: Seen[];
let answer: (req: IncomingMessage, res: ServerResponse) => void;

beforeEach(async () => {
  seen = [];
  const sockets = new WeakMap<object, number>();
  let nextSocket = 0;
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => { body += chunk; });
    req.on("end", () => {
      if (!sockets.has(req.socket)) sockets.set(req.socket, nextSocket++);
      seen.push({ method: req.method ?? "", path: req.url ?? "", contentType: req.headers["content-type"] ?? "", authorization: req.headers.authorization ?? "", body, socket: sockets.get(req.socket) ?? -1 });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const json = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(value));
};

const client = (options: Record<string, unknown> = {}) =>
  new WebClient("xoxb-test", { slackApiUrl: base, fetch: slackFetch(), retryConfig: { retries: 0 }, ...options });

describe("the Slack transport", () => {
  it("posts the call as Slack expects it and returns Slack's answer with the scopes it granted", async () => {
    answer = (_req, res) => json(res, 200, { ok: true, channel: "C1", ts: "1700000000.000100" }, { "x-oauth-scopes": "chat:write, users:read" });
    const result = await client().chat.postMessage({ channel: "C1", text: "ご返信ありがとうございます。", blocks: [{ type: "section", text: { type: "mrkdwn", text: "*確認*" } }] });

    expect(result).toMatchObject({ ok: true, ts: "1700000000.000100", response_metadata: { scopes: ["chat:write", "users:read"] } });
    const call = seen[0]!;
    expect(call).toMatchObject({ method: "POST", path: "/api/chat.postMessage", contentType: "application/x-www-form-urlencoded", authorization: "Bearer xoxb-test" });
    const form = new URLSearchParams(call.body);
    expect(form.get("text")).toBe("ご返信ありがとうございます。");
    expect(JSON.parse(form.get("blocks") ?? "null")).toEqual([{ type: "section", text: { type: "mrkdwn", text: "*確認*" } }]);
  });

  it("reuses its connections rather than opening one per call", async () => {
    answer = (_req, res) => json(res, 200, { ok: true });
    const slack = client();
    for (let i = 0; i < 10; i++) await slack.auth.test();
    expect(seen).toHaveLength(10);
    // A call can start before the last one's connection is marked free, so a second one may open; never more.
    expect(new Set(seen.map((s) => s.socket)).size).toBeLessThanOrEqual(2);
  });

  it("reports Slack's refusal with its error code", async () => {
    answer = (_req, res) => json(res, 200, { ok: false, error: "channel_not_found" });
    await expect(client().chat.postMessage({ channel: "C404", text: "x" })).rejects.toMatchObject({
      code: ErrorCode.PlatformError, data: { error: "channel_not_found" },
    });
  });

  it("reports a rate limit with the seconds Slack asked to wait", async () => {
    answer = (_req, res) => json(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": "7" });
    await expect(client({ rejectRateLimitedCalls: true }).chat.postMessage({ channel: "C1", text: "x" })).rejects.toMatchObject({
      code: ErrorCode.RateLimitedError, retryAfter: 7,
    });
  });

  it("reports a server error with its status and body", async () => {
    answer = (_req, res) => { res.writeHead(503, { "content-type": "text/plain" }); res.end("upstream down"); };
    await expect(client().auth.test()).rejects.toMatchObject({ code: ErrorCode.HTTPError, statusCode: 503, body: "upstream down" });
  });

  it("gives up on a call Slack does not answer within the client's timeout", async () => {
    answer = () => undefined; // never answers
    await expect(client({ timeout: 200 }).auth.test()).rejects.toMatchObject({ code: ErrorCode.RequestError });
  });

  it("sends a file upload's form as multipart", async () => {
    answer = (_req, res) => json(res, 200, { ok: true });
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array([37, 80, 68, 70])]), "report.pdf");
    const response = await slackFetch()(`${base}upload`, { method: "POST", body: form });
    expect(response.status).toBe(200);
    expect(seen[0]!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(seen[0]!.body).toContain('filename="report.pdf"');
  });
});
