// The content of a message as Slack checks and stores it (text, blocks, attachments, metadata), shared by the
// chat methods and response_url posts, and the shape Slack returns a stored message in.
import { isRecord, randomId, refuse, stringArg, type Args, type Reply } from "./args.ts";
import { validateBlocks } from "./block-kit-rules.ts";
import type { SlackMessage } from "./types.ts";
import type { Workspace } from "./workspace.ts";

const MESSAGE_TEXT_LIMIT = 40_000;

/** Block Kit ids Slack fills in when the app leaves them out; buttons are told apart by them. */
export function withGeneratedIds(blocks: unknown[]): unknown[] {
  const copy = structuredClone(blocks);
  for (const block of copy) {
    if (!isRecord(block)) continue;
    if (block.block_id === undefined) block.block_id = randomId("", 5);
    const elements: unknown[] = [];
    if (Array.isArray(block.elements) && block.type === "actions") elements.push(...(block.elements as unknown[]));
    if (block.accessory !== undefined) elements.push(block.accessory);
    if (block.element !== undefined) elements.push(block.element);
    for (const element of elements) {
      if (isRecord(element) && element.type !== "image" && element.action_id === undefined) {
        element.action_id = randomId("", 5);
      }
    }
  }
  return copy;
}

export function blocksArg(args: Args, surface: "message"): unknown[] | undefined {
  const blocks = args.blocks;
  if (blocks === undefined || blocks === null || blocks === "") return undefined;
  if (typeof blocks === "string") refuse("invalid_blocks_format");
  const problem = validateBlocks(blocks, surface);
  if (problem !== null) refuse("invalid_blocks", `[ERROR] ${problem}`);
  return withGeneratedIds(blocks as unknown[]);
}

export function checkAttachments(args: Args): void {
  const attachments = args.attachments;
  if (attachments === undefined || attachments === null || attachments === "") return;
  if (!Array.isArray(attachments)) refuse("invalid_attachments");
  for (const attachment of attachments) {
    if (isRecord(attachment) && attachment.blocks !== undefined) {
      const problem = validateBlocks(attachment.blocks, "message");
      if (problem !== null) refuse("invalid_attachments", `[ERROR] ${problem}`);
    }
  }
}

/** Slack cuts message text at 40,000 characters without refusing the call. */
export function messageText(args: Args): { text: string; truncated: boolean } {
  const text = stringArg(args, "text") ?? "";
  if (text.length > MESSAGE_TEXT_LIMIT) return { text: text.slice(0, MESSAGE_TEXT_LIMIT), truncated: true };
  return { text, truncated: false };
}

export function hasContent(args: Args): boolean {
  const present = (value: unknown): boolean =>
    value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
  return stringArg(args, "text") !== undefined || present(args.blocks) || present(args.attachments);
}

export function metadataArg(args: Args): SlackMessage["metadata"] {
  const metadata = args.metadata;
  if (metadata === undefined || metadata === null || metadata === "") return undefined;
  if (!isRecord(metadata) || typeof metadata.event_type !== "string" || !isRecord(metadata.event_payload)) {
    refuse("invalid_metadata_format");
  }
  return { event_type: metadata.event_type, event_payload: structuredClone(metadata.event_payload) };
}

/** A stored message as the Web API returns it. */
export function messageOutput(ws: Workspace, channel: string, message: SlackMessage): Reply {
  return {
    type: "message",
    ...(message.bot_id !== undefined ? { bot_id: message.bot_id, app_id: ws.appId } : {}),
    user: message.user,
    team: message.team ?? ws.teamId,
    text: message.text,
    ts: message.ts,
    ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts } : {}),
    ...(message.blocks !== undefined ? { blocks: message.blocks } : {}),
    channel,
  };
}

/** A message the app posts as its bot user, in a thread when `threadTs` is given. */
export function botMessage(ws: Workspace, fields: { text: string; threadTs?: string; blocks?: unknown[] }): SlackMessage {
  return {
    ts: ws.nextTs(),
    text: fields.text,
    user: ws.botUserId,
    bot_id: ws.botId,
    team: ws.teamId,
    ...(fields.threadTs !== undefined ? { thread_ts: fields.threadTs } : {}),
    ...(fields.blocks !== undefined ? { blocks: fields.blocks } : {}),
  };
}
