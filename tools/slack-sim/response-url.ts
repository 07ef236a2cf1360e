// response_url: the hook an interaction or slash command carries. The app posts to it to answer ephemerally, in
// the channel, or to replace or delete the message the interaction came from; it expires after 30 minutes and
// five uses, as Slack's does.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { flag, isRecord, randomId, Refusal, refuse, stringArg } from "./args.ts";
import { blocksArg, botMessage, hasContent, messageText } from "./content.ts";
import { readBody, sendJson } from "./http.ts";
import type { ResponseUrlContext } from "./types.ts";
import type { Workspace } from "./workspace.ts";

const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
const RESPONSE_URL_USES = 5;

export function issueResponseUrl(ws: Workspace, context: ResponseUrlContext): string {
  const id = `${randomId("", 12)}/${randomBytes(12).toString("hex")}`;
  ws.responseUrls.set(id, { context: { ...context }, issuedAt: ws.clock(), uses: 0 });
  return `${ws.origin}/hooks/${id}`;
}

function applyResponse(ws: Workspace, context: ResponseUrlContext, body: Record<string, unknown>): void {
  if (flag(body.delete_original)) {
    if (context.messageTs === undefined) refuse("no_original_message");
    if (context.isEphemeral === true) {
      const index = ws.ephemerals.findIndex((e) => e.message_ts === context.messageTs);
      if (index >= 0) ws.ephemerals.splice(index, 1);
      return;
    }
    const list = ws.channels.get(context.channelId) ?? [];
    const index = list.findIndex((m) => m.ts === context.messageTs);
    if (index < 0) refuse("message_not_found");
    list.splice(index, 1);
    return;
  }
  if (!hasContent(body)) refuse("no_text");
  const blocks = blocksArg(body, "message");
  const { text } = messageText(body);
  if (flag(body.replace_original)) {
    if (context.messageTs === undefined) refuse("no_original_message");
    const target = context.isEphemeral === true
      ? ws.ephemerals.find((e) => e.message_ts === context.messageTs)
      : ws.findMessage(context.channelId, context.messageTs);
    if (target === undefined) refuse("message_not_found");
    target.text = text;
    if (blocks !== undefined) target.blocks = blocks;
    return;
  }
  const threadTs = stringArg(body, "thread_ts") ?? context.threadTs;
  if (body.response_type === "in_channel") {
    ws.channelMessages(context.channelId).push(botMessage(ws, {
      text,
      ...(threadTs !== undefined ? { threadTs } : {}),
      ...(blocks !== undefined ? { blocks } : {}),
    }));
    return;
  }
  ws.ephemerals.push({
    channel: context.channelId,
    user: context.userId,
    message_ts: ws.nextTs(),
    text,
    ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
    ...(blocks !== undefined ? { blocks } : {}),
  });
}

export async function handleResponseUrl(ws: Workspace, req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
  const raw = await readBody(req);
  const at = ws.clock();
  const record = ws.recorder.record.bind(ws.recorder);
  let body: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(raw.toString("utf8"));
    if (isRecord(parsed)) body = parsed;
  } catch {
    record({ method: "response_url", args: {}, at, ok: false, error: "invalid_payload" });
    res.writeHead(400, { "content-type": "text/plain" });
    res.end("invalid_payload");
    return;
  }
  const state = ws.responseUrls.get(id);
  if (state === undefined || state.uses >= RESPONSE_URL_USES || at - state.issuedAt > RESPONSE_URL_LIFETIME_MS) {
    record({ method: "response_url", args: body, at, ok: false, error: "expired_url" });
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("expired_url");
    return;
  }
  state.uses += 1;
  try {
    applyResponse(ws, state.context, body);
    record({ method: "response_url", args: body, at, ok: true });
    sendJson(res, 200, { ok: true });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    record({ method: "response_url", args: body, at, ok: false, error: error.code });
    res.writeHead(400, { "content-type": "text/plain" });
    res.end(error.detail !== undefined ? `${error.code}: ${error.detail}` : error.code);
  }
}
