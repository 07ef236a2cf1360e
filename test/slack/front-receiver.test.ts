// The receiving thread's HTTP handling (src/roles/front-receiver.ts), on a real node:http server: it is the one
// place a request from the internet meets the app when the receiving thread is on, so what it refuses and what it
// hands on must be what Bolt's HTTPReceiver would: a forged or stale signature, a body too large or malformed, a
// path nobody serves are answered with nothing passed on; Slack's checks are answered as Slack expects.
import { createHmac } from "node:crypto";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { App } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.ts";
import { frontReceiver, type FrontRoute } from "../../src/roles/front-receiver.ts";
import { refuseNullBodies } from "../../src/slack/receiver-guard.ts";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

const SECRET = "front-receiver-test-secret";
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** The receiving thread's listener on a port; `events` is what it handed on. */
async function front(onEvent: (event: ReceiverEvent) => Promise<void> = (event) => event.ack(), routes: FrontRoute[] = []) {
  const events: ReceiverEvent[] = [];
  const listener = refuseNullBodies(frontReceiver({
    signingSecret: SECRET, logger: silentLogger, routes,
    onEvent: (event) => {
      events.push(event);
      return onEvent(event);
    },
  }));
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return { port, events };
}

interface Sent { body: string; contentType?: string; path?: string; method?: string; secret?: string; timestamp?: number; headers?: Record<string, string> }

function send(port: number, sent: Sent): Promise<{ status: number; text: string }> {
  const ts = String(sent.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac("sha256", sent.secret ?? SECRET).update(`v0:${ts}:${sent.body}`).digest("hex")}`;
  return new Promise((resolve, reject) => {
    const req = request({
      host: "127.0.0.1", port, method: sent.method ?? "POST", path: sent.path ?? "/slack/events",
      headers: { "content-type": sent.contentType ?? "application/json", "x-slack-request-timestamp": ts, "x-slack-signature": signature, ...sent.headers },
    }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => { text += chunk.toString(); });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(sent.body);
  });
}

const click = JSON.stringify({ type: "block_actions", user: { id: "U0ENG" }, actions: [{ action_id: "resolve" }] });
const form = (payload: string) => `payload=${encodeURIComponent(payload)}`;

describe("the receiving thread's HTTP handling", () => {
  it("hands a signed request on with its parsed body and Slack's retry headers, and writes the listener's answer", async () => {
    const { port, events } = await front((event) => event.ack({ response_action: "update", view: { type: "modal" } }));
    const answer = await send(port, { body: form(click), contentType: "application/x-www-form-urlencoded", headers: { "x-slack-retry-num": "2", "x-slack-retry-reason": "http_timeout" } });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ response_action: "update", view: { type: "modal" } });
    expect(events).toHaveLength(1);
    expect(events[0]!.body).toMatchObject({ type: "block_actions", user: { id: "U0ENG" } });
    expect([events[0]!.retryNum, events[0]!.retryReason]).toEqual([2, "http_timeout"]);
  });

  it("refuses a forged signature and a replayed old request with 401, handing nothing on", async () => {
    const { port, events } = await front();
    expect((await send(port, { body: click, secret: "not-the-secret" })).status).toBe(401);
    expect((await send(port, { body: click, timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    expect(events).toHaveLength(0);
  });

  it("refuses a body over 4 MB with 413, a signed body that does not parse with 400, and a null body with 400", async () => {
    const { port, events } = await front();
    expect((await send(port, { body: JSON.stringify({ type: "event_callback", text: "x".repeat(4 * 1024 * 1024 + 10) }) })).status).toBe(413);
    expect((await send(port, { body: "{not json" })).status).toBe(400);
    expect((await send(port, { body: "null" })).status).toBe(400);
    expect(events).toHaveLength(0);
  });

  it("answers Slack's URL verification with its challenge and the SSL check with 200, handing neither on", async () => {
    const { port, events } = await front();
    const verified = await send(port, { body: JSON.stringify({ type: "url_verification", challenge: "front-challenge-7" }) });
    expect([verified.status, verified.text]).toEqual([200, JSON.stringify({ challenge: "front-challenge-7" })]);
    const ssl = await send(port, { body: "ssl_check=1&token=legacy", contentType: "application/x-www-form-urlencoded" });
    expect(ssl.status).toBe(200);
    expect(events).toHaveLength(0);
  });

  it("answers 500 when the app fails the request before its answer, so that Slack delivers it again", async () => {
    const { port } = await front(() => Promise.reject(new Error("the app's thread failed")));
    expect((await send(port, { body: click })).status).toBe(500);
  });

  it("serves the routes it was given by path and method, and 404 for anything else", async () => {
    const routes: FrontRoute[] = [{ path: "/healthz", method: ["GET"], handler: (_req, res) => res.writeHead(200).end("ok") }];
    const { port, events } = await front(undefined, routes);
    const health = await send(port, { body: "", method: "GET", path: "/healthz?probe=1" });
    expect([health.status, health.text]).toEqual([200, "ok"]);
    expect((await send(port, { body: "", method: "POST", path: "/healthz" })).status).toBe(404);
    expect((await send(port, { body: click, path: "/slack/other" })).status).toBe(404);
    expect((await send(port, { body: "", method: "GET" })).status).toBe(404);
    expect(events).toHaveLength(0);
  });
});
