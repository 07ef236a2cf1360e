// Reading the arguments of a Web API call the way Slack does (form, multipart or JSON bodies, the token in a header
// or a form field), and refusing a call with Slack's own error codes.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";

export type Args = Record<string, unknown>;
export type Reply = Record<string, unknown>;

/** A call Slack would answer with `ok: false`; `detail` goes to response_metadata.messages. */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly detail?: string,
  ) {
    super(code);
  }
}

export function refuse(code: string, detail?: string): never {
  throw new Refusal(code, detail);
}

/** Arguments that @slack/web-api sends as JSON strings inside form bodies. */
const JSON_ARGS = new Set(["blocks", "attachments", "view", "files", "metadata"]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function randomId(prefix: string, length = 10): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const bytes = randomBytes(length);
  let out = prefix;
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

export function flag(value: unknown): boolean {
  return value === true || value === "true" || value === "1" || value === 1;
}

export function stringArg(args: Args, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") refuse("invalid_arguments", `[ERROR] must be a string [json-pointer:/${key}]`);
  return value;
}

export function required(args: Args, key: string): string {
  const value = stringArg(args, key);
  if (value === undefined) refuse("invalid_arguments", `[ERROR] missing required field: ${key}`);
  return value;
}

/** Slack accepts channel ids and, for DMs, user ids; names are refused here because Connect orgs see other names. */
export function resolveChannel(args: Args, key = "channel"): string {
  const channel = stringArg(args, key);
  if (channel === undefined) refuse("channel_not_found");
  if (/^[CGD][A-Z0-9]{2,}$/.test(channel)) return channel;
  if (/^[UW][A-Z0-9]{2,}$/.test(channel)) return `D${channel.slice(1)}`;
  refuse("channel_not_found");
}

export async function parseArgs(req: IncomingMessage, raw: Buffer): Promise<Args> {
  const contentType = (req.headers["content-type"] ?? "").toLowerCase();
  const args: Args = {};
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  for (const [key, value] of query) args[key] = value;
  if (contentType.startsWith("application/json")) {
    const text = raw.toString("utf8");
    if (text.trim() === "") return args;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      refuse("invalid_json");
    }
    if (!isRecord(parsed)) refuse("invalid_json");
    // Slack ignores a token inside a JSON body: it must come in the Authorization header.
    const rest = { ...parsed };
    delete rest.token;
    return { ...args, ...rest };
  }
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    for (const [key, value] of form) args[key] = typeof value === "string" ? value : Buffer.from(await value.arrayBuffer());
  } else {
    for (const [key, value] of new URLSearchParams(raw.toString("utf8"))) args[key] = value;
  }
  for (const key of JSON_ARGS) {
    const value = args[key];
    if (typeof value !== "string") continue;
    try {
      args[key] = JSON.parse(value);
    } catch {
      // Left as a string: the method refuses it with Slack's own error for a malformed argument.
    }
  }
  return args;
}

/** The token the call presents: the Authorization header, or a form field (never a JSON body's). */
export function bearer(req: IncomingMessage, args: Args): string | undefined {
  const header = req.headers.authorization;
  if (typeof header === "string" && header.startsWith("Bearer ")) return header.slice("Bearer ".length);
  const contentType = req.headers["content-type"] ?? "";
  if (!contentType.startsWith("application/json") && typeof args.token === "string") return args.token;
  return undefined;
}
