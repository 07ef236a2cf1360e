// Signed requests to the app's receiver, as Slack sends them (HMAC-SHA256 over "v0:<timestamp>:<body>"), and
// Slack's verdict on the answer: acknowledged within 3 s, with a status and blocks Slack accepts.
import { createHmac } from "node:crypto";
import { validateBlocks } from "./block-kit-rules.ts";
import type { DriverResponse } from "./driver-types.ts";
import { isRecord, type Json } from "./elements.ts";

export const ACK_DEADLINE_MS = 3_000;
/** The deprecated verification token Slack still puts in payloads; Bolt ignores it in favour of the signature. */
export const VERIFICATION_TOKEN = "legacy-verification-token";

// Plain functions (closures), not methods: callers may take them apart.
export interface Transport {
  sign: (body: string, timestamp?: number) => { "x-slack-signature": string; "x-slack-request-timestamp": string };
  send: (body: string, headers: Record<string, string>) => Promise<DriverResponse>;
  signedPost: (body: string, contentType: string, extra?: Record<string, string>) => Promise<DriverResponse>;
  /** An interaction payload, form-encoded as Slack posts it. */
  postInteraction: (payload: Json) => Promise<DriverResponse>;
}

export function createTransport(baseUrl: string, signingSecret: string): Transport {
  const endpoint = `${baseUrl.replace(/\/+$/, "")}/slack/events`;

  function sign(body: string, timestamp = Math.floor(Date.now() / 1000)) {
    const signature = createHmac("sha256", signingSecret).update(`v0:${timestamp}:${body}`).digest("hex");
    return { "x-slack-signature": `v0=${signature}`, "x-slack-request-timestamp": String(timestamp) };
  }

  async function send(body: string, headers: Record<string, string>): Promise<DriverResponse> {
    const started = performance.now();
    const response = await fetch(endpoint, { method: "POST", headers, body });
    const text = await response.text();
    const elapsedMs = performance.now() - started;
    let json: unknown = null;
    if (text !== "") {
      try {
        json = JSON.parse(text);
      } catch {
        json = null;
      }
    }
    return { status: response.status, text, json, elapsedMs };
  }

  function signedPost(body: string, contentType: string, extra: Record<string, string> = {}): Promise<DriverResponse> {
    return send(body, { "content-type": contentType, ...sign(body), ...extra });
  }

  function postInteraction(payload: Json): Promise<DriverResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return signedPost(body, "application/x-www-form-urlencoded");
  }


  return { sign, send, signedPost, postInteraction };
}

/** Slack's verdict on the acknowledgement of a command or interaction. */
export function judgeAck(response: DriverResponse): string | undefined {
  if (response.elapsedMs > ACK_DEADLINE_MS) {
    return `acknowledged after ${Math.round(response.elapsedMs)} ms; Slack gives up after 3 s and shows the user an error`;
  }
  if (response.status !== 200) return `HTTP ${response.status}; Slack shows the user an error`;
  if (isRecord(response.json) && response.json.blocks !== undefined) {
    const problem = validateBlocks(response.json.blocks, "message");
    if (problem !== null) return `the acknowledgement carries blocks Slack refuses: ${problem}`;
  }
  return undefined;
}

export function withVerdict(response: DriverResponse, verdict: string | undefined): DriverResponse {
  return verdict === undefined ? response : { ...response, slackWouldReject: verdict };
}
