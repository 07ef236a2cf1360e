// A local stand-in for Slack's Web API. It refuses what Slack would refuse (bad token, missing arguments, Block Kit
// over its limits, a trigger_id used twice or too late, updating a message that is gone) so that end-to-end tests
// catch the mistakes a permissive mock would hide. Only node:http and node:crypto: nothing here should need a
// dependency of its own.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { validateBlocks, validateView } from "./block-kit-rules.ts";

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
  ok: boolean;
  error?: string;
}

export interface SlackMessage {
  ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
  /** Author: the bot user for messages the app posted, a person for messages a test recorded. */
  user?: string;
  bot_id?: string;
  team?: string;
  /** Slack cuts message text at 40,000 characters without refusing the call. */
  truncated?: boolean;
  /** Message metadata the app attached (chat.postMessage `metadata`); history returns it on request. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface EphemeralMessage {
  channel: string;
  user: string;
  message_ts: string;
  thread_ts?: string;
  text: string;
  blocks?: unknown[];
}

export interface SlackView {
  id: string;
  type: "modal" | "home";
  callback_id: string;
  private_metadata: string;
  external_id: string;
  hash: string;
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  blocks: unknown[];
  root_view_id: string;
  previous_view_id: string | null;
  notify_on_close: boolean;
  clear_on_close: boolean;
  /** The user whose screen shows it (known when the trigger or views.publish named them). */
  user_id?: string;
  /** False once Slack would have closed it (submitted, cleared) — views.update then answers not_found. */
  open: boolean;
}

export interface SlackUserSetup {
  id: string;
  team_id: string;
  name?: string;
  locale?: string;
  is_external?: boolean;
}

export interface SlackChannelSetup {
  id: string;
  name?: string;
  is_private?: boolean;
  is_ext_shared?: boolean;
  connected_team_ids?: string[];
}

export interface SlackUpload {
  file_id: string;
  filename: string;
  content: Buffer;
  title?: string;
  channel_id?: string;
  thread_ts?: string;
  initial_comment?: string;
}

export interface FaultSpec {
  status?: number;
  retryAfter?: number;
  error?: string;
  hang?: boolean;
  times?: number;
}

/** Where an interaction happened, so the trigger and response_url it carries behave like Slack's. */
export interface InteractionContext {
  userId?: string;
  /** Set when the interaction came from inside a modal: views.push stacks onto that modal. */
  viewId?: string;
}

export interface ResponseUrlContext {
  channelId: string;
  userId: string;
  /** The message the interaction came from; replace_original / delete_original act on it. */
  messageTs?: string;
  threadTs?: string;
  isEphemeral?: boolean;
}

export interface ViewAck {
  status: number;
  json: unknown;
}

export interface SlackStandIn {
  /** Base URL to pass as slackApiUrl, ending in "/api/". */
  url: string;
  /** http://127.0.0.1:<port>, for the upload and response_url endpoints the stand-in also serves. */
  origin: string;
  token: string;
  teamId: string;
  teamDomain: string;
  botUserId: string;
  botId: string;
  appId: string;
  /** Every call, in order, including rejected ones (response_url posts appear as method "response_url"). */
  calls: SlackCall[];
  uploads: SlackUpload[];
  callsTo(method: string): SlackCall[];
  /** A fresh trigger_id: single use, expires 3 s after issue on the stand-in's clock. */
  issueTriggerId(context?: InteractionContext): string;
  /** Fault injection for the next `times` calls to `method` (default 1). */
  fail(method: string, how: FaultSpec): void;
  setUser(user: SlackUserSetup): void;
  /** The user users.info would describe, whether configured or invented; undefined where it answers user_not_found. */
  user(id: string): SlackUserSetup | undefined;
  setChannel(channel: SlackChannelSetup): void;
  /** A workspace team.info can describe (others answer team_not_found, as for a team the app cannot see). */
  setTeam(team: { id: string; name: string }): void;
  /** The members usergroups.users.list answers for a user group (S…). */
  setUserGroup(id: string, users: string[]): void;
  /** Current messages of a channel (top-level and replies, oldest first) after post/update/delete. */
  messages(channel: string): SlackMessage[];
  message(channel: string, ts: string): SlackMessage | undefined;
  ephemerals(channel: string): EphemeralMessage[];
  ephemeral(messageTs: string): EphemeralMessage | undefined;
  view(id: string): SlackView | undefined;
  views(): SlackView[];
  homeView(userId: string): SlackView | undefined;
  /** Unique, increasing Slack-style ts ("1764000000.000100"), shared by the app's messages and people's. */
  nextTs(): string;
  /** The stand-in's clock in milliseconds. */
  now(): number;
  /** Puts a message someone wrote into a channel, as Slack would have stored it before delivering the event. */
  recordMessage(channel: string, message: SlackMessage): void;
  issueResponseUrl(context: ResponseUrlContext): string;
  /**
   * Applies what Slack does with the app's answer to a view_submission of `viewId` (close, errors, update, push,
   * clear). Returns why Slack would not accept the answer, or null.
   */
  settleViewSubmission(viewId: string, ack: ViewAck): string | null;
  reset(): void;
  close(): Promise<void>;
}

export interface SlackStandInOptions {
  token?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  appId?: string;
  teamDomain?: string;
  /** Clock for trigger expiry, response_url expiry and message ts; defaults to the wall clock. */
  now?: () => number;
  /**
   * How users.info treats ids nobody configured with setUser: "plausible" (default) invents a member of the home
   * team for any U…/W… id, "not_found" answers user_not_found like Slack does for a wrong id.
   */
  unknownUsers?: "plausible" | "not_found";
  /**
   * How conversations.info describes a channel nobody configured with setChannel (default: an internal channel).
   * The harness makes every customer channel a Slack Connect channel shared with its customer's workspace.
   */
  defaultChannel?: (id: string) => Omit<SlackChannelSetup, "id"> | undefined;
}

type Args = Record<string, unknown>;
type Reply = Record<string, unknown>;

class Refusal extends Error {
  constructor(
    readonly code: string,
    readonly detail?: string,
  ) {
    super(code);
  }
}

function refuse(code: string, detail?: string): never {
  throw new Refusal(code, detail);
}

const TRIGGER_LIFETIME_MS = 3_000;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
const RESPONSE_URL_USES = 5;
const MESSAGE_TEXT_LIMIT = 40_000;
const VIEW_STACK_LIMIT = 3;
/** Arguments that @slack/web-api sends as JSON strings inside form bodies. */
const JSON_ARGS = new Set(["blocks", "attachments", "view", "files", "metadata"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function randomId(prefix: string, length = 10): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  const bytes = randomBytes(length);
  let out = prefix;
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

function flag(value: unknown): boolean {
  return value === true || value === "true" || value === "1" || value === 1;
}

function stringArg(args: Args, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") refuse("invalid_arguments", `[ERROR] must be a string [json-pointer:/${key}]`);
  return value;
}

function required(args: Args, key: string): string {
  const value = stringArg(args, key);
  if (value === undefined) refuse("invalid_arguments", `[ERROR] missing required field: ${key}`);
  return value;
}

/** Block Kit ids Slack fills in when the app leaves them out; buttons are told apart by them. */
function withGeneratedIds(blocks: unknown[]): unknown[] {
  const copy = structuredClone(blocks);
  for (const block of copy) {
    if (!isRecord(block)) continue;
    if (block.block_id === undefined) block.block_id = randomId("", 5);
    const elements: unknown[] = [];
    if (Array.isArray(block.elements) && block.type === "actions") elements.push(...block.elements);
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

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(text);
}

interface PendingUpload {
  filename: string;
  length: number;
  content?: Buffer;
  title?: string;
}

interface TriggerState {
  issuedAt: number;
  used: boolean;
  context: InteractionContext;
}

interface ResponseUrlState {
  context: ResponseUrlContext;
  issuedAt: number;
  uses: number;
}

interface ActiveFault extends FaultSpec {
  remaining: number;
}

export async function startSlackStandIn(options: SlackStandInOptions = {}): Promise<SlackStandIn> {
  const token = options.token ?? "xoxb-test-token";
  const teamId = options.teamId ?? "T0HOME0001";
  const teamDomain = options.teamDomain ?? "t4u";
  const botUserId = options.botUserId ?? "U0BOT00001";
  const botId = options.botId ?? "B0BOT00001";
  const appId = options.appId ?? "A0APP00001";
  const clock = options.now ?? (() => Date.now());
  const unknownUsers = options.unknownUsers ?? "plausible";

  const calls: SlackCall[] = [];
  const uploads: SlackUpload[] = [];
  const channels = new Map<string, SlackMessage[]>();
  const ephemeralList: EphemeralMessage[] = [];
  const viewsById = new Map<string, SlackView>();
  const homeByUser = new Map<string, string>();
  const triggers = new Map<string, TriggerState>();
  const responseUrls = new Map<string, ResponseUrlState>();
  const faults = new Map<string, ActiveFault[]>();
  const users = new Map<string, SlackUserSetup>();
  const channelSetups = new Map<string, SlackChannelSetup>();
  const teams = new Map<string, { id: string; name: string }>();
  const userGroups = new Map<string, string[]>();
  const pins = new Set<string>();
  const pendingUploads = new Map<string, PendingUpload>();
  const hanging = new Set<ServerResponse>();
  let lastTsMicros = 0;
  let origin = "";

  function nextTs(): string {
    // Microseconds of the stand-in's clock, nudged forward so two messages never share a ts even on a frozen clock.
    lastTsMicros = Math.max(lastTsMicros + 100, Math.floor(clock()) * 1000);
    const seconds = Math.floor(lastTsMicros / 1_000_000);
    const micros = lastTsMicros % 1_000_000;
    return `${seconds}.${String(micros).padStart(6, "0")}`;
  }

  function channelMessages(channel: string): SlackMessage[] {
    let list = channels.get(channel);
    if (list === undefined) {
      list = [];
      channels.set(channel, list);
    }
    return list;
  }

  function findMessage(channel: string, ts: string): SlackMessage | undefined {
    return channels.get(channel)?.find((m) => m.ts === ts);
  }

  /** Slack accepts channel ids and, for DMs, user ids; names are refused here because Connect orgs see other names. */
  function resolveChannel(args: Args, key = "channel"): string {
    const channel = stringArg(args, key);
    if (channel === undefined) refuse("channel_not_found");
    if (/^[CGD][A-Z0-9]{2,}$/.test(channel)) return channel;
    if (/^[UW][A-Z0-9]{2,}$/.test(channel)) return `D${channel.slice(1)}`;
    refuse("channel_not_found");
  }

  function blocksArg(args: Args, surface: "message"): unknown[] | undefined {
    const blocks = args.blocks;
    if (blocks === undefined || blocks === null || blocks === "") return undefined;
    if (typeof blocks === "string") refuse("invalid_blocks_format");
    const problem = validateBlocks(blocks, surface);
    if (problem !== null) refuse("invalid_blocks", `[ERROR] ${problem}`);
    return withGeneratedIds(blocks as unknown[]);
  }

  function attachmentsProblem(args: Args): void {
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

  function messageText(args: Args): { text: string; truncated: boolean } {
    const text = stringArg(args, "text") ?? "";
    if (text.length > MESSAGE_TEXT_LIMIT) return { text: text.slice(0, MESSAGE_TEXT_LIMIT), truncated: true };
    return { text, truncated: false };
  }

  function hasContent(args: Args): boolean {
    const present = (value: unknown): boolean =>
      value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
    return stringArg(args, "text") !== undefined || present(args.blocks) || present(args.attachments);
  }

  function metadataArg(args: Args): SlackMessage["metadata"] {
    const metadata = args.metadata;
    if (metadata === undefined || metadata === null || metadata === "") return undefined;
    if (!isRecord(metadata) || typeof metadata.event_type !== "string" || !isRecord(metadata.event_payload)) {
      refuse("invalid_metadata_format");
    }
    return { event_type: metadata.event_type, event_payload: structuredClone(metadata.event_payload) };
  }

  /** One page of a message list, with Slack's opaque cursor (here: the offset) for the next one. */
  function page(args: Args, list: SlackMessage[], channel: string): Reply {
    const limit = Math.min(Math.max(Number(stringArg(args, "limit") ?? "100") || 100, 1), 999);
    const offset = Number(stringArg(args, "cursor") ?? "0") || 0;
    const slice = list.slice(offset, offset + limit);
    const withMetadata = flag(args.include_all_metadata);
    const more = offset + limit < list.length;
    return {
      messages: slice.map((m) => ({
        ...messageOutput(channel, m),
        ...(withMetadata && m.metadata !== undefined ? { metadata: structuredClone(m.metadata) } : {}),
      })),
      has_more: more,
      response_metadata: { next_cursor: more ? String(offset + limit) : "" },
    };
  }

  function messageOutput(channel: string, message: SlackMessage): Reply {
    return {
      type: "message",
      ...(message.bot_id !== undefined ? { bot_id: message.bot_id, app_id: appId } : {}),
      user: message.user,
      team: message.team ?? teamId,
      text: message.text,
      ts: message.ts,
      ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts } : {}),
      ...(message.blocks !== undefined ? { blocks: message.blocks } : {}),
      channel,
    };
  }

  function permalink(channel: string, message: SlackMessage): string {
    const base = `https://${teamDomain}.slack.com/archives/${channel}/p${message.ts.replace(".", "")}`;
    if (message.thread_ts !== undefined && message.thread_ts !== message.ts) {
      return `${base}?thread_ts=${message.thread_ts}&cid=${channel}`;
    }
    return base;
  }

  function viewArg(args: Args): Record<string, unknown> {
    const view = args.view;
    if (view === undefined || view === null || view === "") refuse("invalid_arguments", "[ERROR] missing required field: view");
    if (!isRecord(view)) refuse("invalid_arguments", "[ERROR] failed to match all allowed schemas [json-pointer:/view]");
    const problem = validateView(view);
    if (problem !== null) refuse("invalid_arguments", `[ERROR] ${problem}`);
    return view;
  }

  function viewHash(): string {
    return `${Math.floor(clock() / 1000)}.${randomId("", 8).toLowerCase()}`;
  }

  function makeView(spec: Record<string, unknown>, extra: Partial<SlackView>): SlackView {
    const view: SlackView = {
      id: randomId("V"),
      type: spec.type === "home" ? "home" : "modal",
      callback_id: typeof spec.callback_id === "string" ? spec.callback_id : "",
      private_metadata: typeof spec.private_metadata === "string" ? spec.private_metadata : "",
      external_id: typeof spec.external_id === "string" ? spec.external_id : "",
      hash: viewHash(),
      title: spec.title,
      submit: spec.submit,
      close: spec.close,
      blocks: withGeneratedIds(spec.blocks as unknown[]),
      root_view_id: "",
      previous_view_id: null,
      notify_on_close: flag(spec.notify_on_close),
      clear_on_close: flag(spec.clear_on_close),
      open: true,
      ...extra,
    };
    if (view.root_view_id === "") view.root_view_id = view.id;
    return view;
  }

  function replaceViewContent(view: SlackView, spec: Record<string, unknown>): void {
    const fresh = makeView(spec, {});
    view.callback_id = fresh.callback_id;
    view.private_metadata = fresh.private_metadata;
    view.external_id = fresh.external_id;
    view.title = fresh.title;
    view.submit = fresh.submit;
    view.close = fresh.close;
    view.blocks = fresh.blocks;
    view.notify_on_close = fresh.notify_on_close;
    view.clear_on_close = fresh.clear_on_close;
    view.hash = viewHash();
  }

  function viewOutput(view: SlackView): Reply {
    return {
      id: view.id,
      team_id: teamId,
      type: view.type,
      blocks: view.blocks,
      private_metadata: view.private_metadata,
      callback_id: view.callback_id,
      state: { values: {} },
      hash: view.hash,
      title: view.title ?? null,
      clear_on_close: view.clear_on_close,
      notify_on_close: view.notify_on_close,
      close: view.close ?? null,
      submit: view.submit ?? null,
      previous_view_id: view.previous_view_id,
      root_view_id: view.root_view_id,
      app_id: appId,
      external_id: view.external_id,
      app_installed_team_id: teamId,
      bot_id: botId,
    };
  }

  function stackOf(rootViewId: string): SlackView[] {
    return [...viewsById.values()].filter((v) => v.open && v.root_view_id === rootViewId);
  }

  function uniqueExternalId(spec: Record<string, unknown>, except?: SlackView): void {
    const externalId = spec.external_id;
    if (typeof externalId !== "string" || externalId === "") return;
    for (const view of viewsById.values()) {
      if (view !== except && view.open && view.external_id === externalId) refuse("duplicate_external_id");
    }
  }

  /** Checks a trigger the way Slack names its failures; the caller consumes it once the rest is valid. */
  function checkTrigger(args: Args): TriggerState {
    const triggerId = required(args, "trigger_id");
    const trigger = triggers.get(triggerId);
    if (trigger === undefined) refuse("invalid_trigger_id");
    if (trigger.used) refuse("exchanged_trigger_id");
    if (clock() - trigger.issuedAt > TRIGGER_LIFETIME_MS) refuse("expired_trigger_id");
    return trigger;
  }

  function plausibleUser(id: string): SlackUserSetup | undefined {
    const set = users.get(id);
    if (set !== undefined) return set;
    if (id === botUserId) return { id, team_id: teamId, name: "incident-desk" };
    if (unknownUsers === "plausible" && /^[UW][A-Z0-9]{2,}$/.test(id)) return { id, team_id: teamId };
    return undefined;
  }

  const handlers: Record<string, (args: Args) => Reply> = {
    "auth.test": () => ({
      url: `https://${teamDomain}.slack.com/`,
      team: teamDomain,
      user: "incident-desk",
      team_id: teamId,
      user_id: botUserId,
      bot_id: botId,
      is_enterprise_install: false,
    }),

    "chat.postMessage": (args) => {
      const channel = resolveChannel(args);
      if (!hasContent(args)) refuse("no_text");
      const blocks = blocksArg(args, "message");
      attachmentsProblem(args);
      const { text, truncated } = messageText(args);
      const threadTs = stringArg(args, "thread_ts");
      const metadata = metadataArg(args);
      const message: SlackMessage = {
        ts: nextTs(),
        text,
        user: botUserId,
        bot_id: botId,
        team: teamId,
        ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
        ...(blocks !== undefined ? { blocks } : {}),
        ...(truncated ? { truncated } : {}),
        ...(metadata !== undefined ? { metadata } : {}),
      };
      channelMessages(channel).push(message);
      return { channel, ts: message.ts, message: messageOutput(channel, message) };
    },

    "chat.update": (args) => {
      const channel = resolveChannel(args);
      const ts = required(args, "ts");
      const message = findMessage(channel, ts);
      if (message === undefined) refuse("message_not_found");
      if (message.bot_id !== botId) refuse("cant_update_message");
      if (!hasContent(args)) refuse("no_text");
      const blocks = blocksArg(args, "message");
      attachmentsProblem(args);
      const { text, truncated } = messageText(args);
      message.text = text;
      // Slack keeps the previous blocks when the update leaves them out; an empty array removes them.
      if (blocks !== undefined) message.blocks = blocks.length > 0 ? blocks : undefined;
      if (truncated) message.truncated = true;
      else delete message.truncated;
      return { channel, ts, text: message.text, message: messageOutput(channel, message) };
    },

    "chat.delete": (args) => {
      const channel = resolveChannel(args);
      const ts = required(args, "ts");
      const list = channels.get(channel) ?? [];
      const index = list.findIndex((m) => m.ts === ts);
      if (index < 0) refuse("message_not_found");
      if (list[index]?.bot_id !== botId) refuse("cant_delete_message");
      list.splice(index, 1);
      return { channel, ts };
    },

    "chat.postEphemeral": (args) => {
      const channel = resolveChannel(args);
      const user = required(args, "user");
      if (!/^[UW][A-Z0-9]{2,}$/.test(user)) refuse("user_not_found");
      if (!hasContent(args)) refuse("no_text");
      const blocks = blocksArg(args, "message");
      attachmentsProblem(args);
      const threadTs = stringArg(args, "thread_ts");
      const ephemeral: EphemeralMessage = {
        channel,
        user,
        message_ts: nextTs(),
        text: messageText(args).text,
        ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
        ...(blocks !== undefined ? { blocks } : {}),
      };
      ephemeralList.push(ephemeral);
      return { message_ts: ephemeral.message_ts };
    },

    "chat.getPermalink": (args) => {
      const channel = resolveChannel(args);
      const ts = required(args, "message_ts");
      const message = findMessage(channel, ts);
      if (message === undefined) refuse("message_not_found");
      return { channel, permalink: permalink(channel, message) };
    },

    "views.open": (args) => {
      const trigger = checkTrigger(args);
      const spec = viewArg(args);
      if (spec.type !== "modal") refuse("invalid_arguments", "[ERROR] only modals can be opened [json-pointer:/view/type]");
      uniqueExternalId(spec);
      trigger.used = true;
      const view = makeView(spec, trigger.context.userId !== undefined ? { user_id: trigger.context.userId } : {});
      viewsById.set(view.id, view);
      return { view: viewOutput(view) };
    },

    "views.push": (args) => {
      const trigger = checkTrigger(args);
      const spec = viewArg(args);
      if (spec.type !== "modal") refuse("invalid_arguments", "[ERROR] only modals can be pushed [json-pointer:/view/type]");
      uniqueExternalId(spec);
      const below = trigger.context.viewId !== undefined ? viewsById.get(trigger.context.viewId) : undefined;
      const stack = below !== undefined && below.open ? stackOf(below.root_view_id) : [];
      if (stack.length >= VIEW_STACK_LIMIT) refuse("push_limit_reached");
      trigger.used = true;
      const top = stack[stack.length - 1];
      const view = makeView(spec, {
        ...(top !== undefined ? { root_view_id: top.root_view_id, previous_view_id: top.id } : {}),
        ...(trigger.context.userId !== undefined ? { user_id: trigger.context.userId } : {}),
      });
      viewsById.set(view.id, view);
      return { view: viewOutput(view) };
    },

    "views.update": (args) => {
      const viewId = stringArg(args, "view_id");
      const externalId = stringArg(args, "external_id");
      if (viewId === undefined && externalId === undefined) {
        refuse("invalid_arguments", "[ERROR] either view_id or external_id is required");
      }
      const spec = viewArg(args);
      const view = viewId !== undefined
        ? viewsById.get(viewId)
        : [...viewsById.values()].find((v) => v.open && v.external_id === externalId);
      if (view === undefined || !view.open) refuse("not_found");
      if (spec.type !== view.type) refuse("invalid_arguments", "[ERROR] view type cannot change [json-pointer:/view/type]");
      const hash = stringArg(args, "hash");
      if (hash !== undefined && hash !== view.hash) refuse("hash_conflict");
      uniqueExternalId(spec, view);
      replaceViewContent(view, spec);
      return { view: viewOutput(view) };
    },

    "views.publish": (args) => {
      const userId = required(args, "user_id");
      const spec = viewArg(args);
      if (spec.type !== "home") refuse("invalid_arguments", "[ERROR] views.publish only accepts home views [json-pointer:/view/type]");
      if (!/^[UW][A-Z0-9]{2,}$/.test(userId)) refuse("user_not_found");
      const existingId = homeByUser.get(userId);
      const existing = existingId !== undefined ? viewsById.get(existingId) : undefined;
      const hash = stringArg(args, "hash");
      if (existing !== undefined) {
        if (hash !== undefined && hash !== existing.hash) refuse("hash_conflict");
        replaceViewContent(existing, spec);
        return { view: viewOutput(existing) };
      }
      const view = makeView(spec, { user_id: userId });
      viewsById.set(view.id, view);
      homeByUser.set(userId, view.id);
      return { view: viewOutput(view) };
    },

    "users.info": (args) => {
      const id = required(args, "user");
      const user = plausibleUser(id);
      if (user === undefined) refuse("user_not_found");
      const name = user.name ?? `user-${id.toLowerCase()}`;
      const external = user.is_external ?? user.team_id !== teamId;
      return {
        user: {
          id: user.id,
          team_id: user.team_id,
          name,
          deleted: false,
          real_name: name,
          tz: "Asia/Tokyo",
          tz_label: "Japan Standard Time",
          tz_offset: 32_400,
          is_bot: user.id === botUserId,
          is_app_user: false,
          is_restricted: false,
          is_ultra_restricted: false,
          // Slack only reports a locale when asked for it.
          ...(flag(args.include_locale) ? { locale: user.locale ?? "en-US" } : {}),
          ...(external ? { is_stranger: true } : {}),
          profile: external
            ? { real_name: name, display_name: name, team: user.team_id }
            : { real_name: name, display_name: name, team: user.team_id, email: `${name}@example.com` },
        },
      };
    },

    "conversations.history": (args) => {
      const channel = resolveChannel(args);
      // Top-level messages only, newest first, as Slack lists them.
      const list = (channels.get(channel) ?? []).filter((m) => m.thread_ts === undefined || m.thread_ts === m.ts);
      return page(args, [...list].reverse(), channel);
    },

    "conversations.replies": (args) => {
      const channel = resolveChannel(args);
      const ts = required(args, "ts");
      const parent = findMessage(channel, ts);
      if (parent === undefined) refuse("thread_not_found");
      const replies = (channels.get(channel) ?? []).filter((m) => m.thread_ts === ts && m.ts !== ts);
      return page(args, [parent, ...replies], channel);
    },

    "team.info": (args) => {
      const id = stringArg(args, "team") ?? teamId;
      if (id === teamId) return { team: { id, name: "T4U", domain: teamDomain } };
      const team = teams.get(id);
      if (team === undefined) refuse("team_not_found");
      return { team: { id, name: team.name, domain: `org-${id.toLowerCase()}` } };
    },

    "usergroups.users.list": (args) => {
      const id = required(args, "usergroup");
      const members = userGroups.get(id);
      if (members === undefined) refuse("no_such_subteam");
      return { users: [...members] };
    },

    "conversations.info": (args) => {
      const id = required(args, "channel");
      const setup = channelSetups.get(id) ?? (() => {
        const fallback = options.defaultChannel?.(id);
        return fallback === undefined ? undefined : { id, ...fallback };
      })();
      if (setup === undefined && !/^[CGD][A-Z0-9]{2,}$/.test(id)) refuse("channel_not_found");
      const isIm = id.startsWith("D");
      const isPrivate = setup?.is_private ?? id.startsWith("G");
      const extShared = setup?.is_ext_shared ?? false;
      return {
        channel: {
          id,
          name: setup?.name ?? (isIm ? undefined : `channel-${id.toLowerCase()}`),
          is_channel: !isIm && !isPrivate,
          is_group: false,
          is_im: isIm,
          is_private: isPrivate,
          is_archived: false,
          is_member: true,
          is_shared: extShared,
          is_ext_shared: extShared,
          is_org_shared: false,
          context_team_id: teamId,
          ...(setup?.connected_team_ids !== undefined ? { connected_team_ids: setup.connected_team_ids } : {}),
        },
      };
    },

    "conversations.open": (args) => {
      // A DM with one person (the same D id chat.postMessage reaches when given their user id), or a group DM.
      const existing = stringArg(args, "channel");
      if (existing !== undefined) {
        if (!/^[DG][A-Z0-9]{2,}$/.test(existing)) refuse("channel_not_found");
        return { channel: { id: existing }, already_open: true };
      }
      const list = (stringArg(args, "users") ?? "").split(",").map((u) => u.trim()).filter((u) => u !== "");
      if (list.length === 0) refuse("users_list_not_supplied");
      if (list.length > 8) refuse("too_many_users");
      for (const id of list) {
        if (id === botUserId) refuse("cannot_dm_bot");
        if (plausibleUser(id) === undefined) refuse("user_not_found");
      }
      const id = list.length === 1 ? `D${(list[0] ?? "").slice(1)}` : `G${[...list].sort().join("").replace(/[^A-Z0-9]/g, "").slice(0, 20)}`;
      return { no_op: false, already_open: channels.has(id), channel: { id } };
    },

    "pins.add": (args) => {
      const channel = resolveChannel(args);
      const timestamp = required(args, "timestamp");
      if (findMessage(channel, timestamp) === undefined) refuse("message_not_found");
      const key = `${channel}/${timestamp}`;
      if (pins.has(key)) refuse("already_pinned");
      pins.add(key);
      return {};
    },

    "pins.remove": (args) => {
      const channel = resolveChannel(args);
      const timestamp = required(args, "timestamp");
      if (!pins.delete(`${channel}/${timestamp}`)) refuse("no_pin");
      return {};
    },

    "files.getUploadURLExternal": (args) => {
      const filename = required(args, "filename");
      const lengthText = required(args, "length");
      const length = Number(lengthText);
      if (!Number.isInteger(length) || length <= 0) refuse("invalid_arguments", "[ERROR] length must be a positive integer");
      const fileId = randomId("F");
      pendingUploads.set(fileId, { filename, length });
      return { upload_url: `${origin}/upload/v1/${fileId}`, file_id: fileId };
    },

    "files.completeUploadExternal": (args) => {
      const files = args.files;
      if (files === undefined || files === "") refuse("invalid_arguments", "[ERROR] missing required field: files");
      if (!Array.isArray(files) || files.length === 0) refuse("invalid_arguments", "[ERROR] files must be a non-empty array");
      const channelId = stringArg(args, "channel_id") ?? stringArg(args, "channels")?.split(",")[0];
      const threadTs = stringArg(args, "thread_ts");
      const initialComment = stringArg(args, "initial_comment");
      const done: SlackUpload[] = [];
      for (const file of files) {
        const id = isRecord(file) ? file.id : undefined;
        const pending = typeof id === "string" ? pendingUploads.get(id) : undefined;
        if (typeof id !== "string" || pending === undefined || pending.content === undefined) refuse("file_not_found");
        // The length promised to getUploadURLExternal is bytes; a character count of Japanese text would not match.
        if (pending.content.length !== pending.length) {
          refuse("invalid_arguments", `[ERROR] uploaded ${pending.content.length} bytes, announced ${pending.length}`);
        }
        const title = isRecord(file) && typeof file.title === "string" ? file.title : undefined;
        done.push({
          file_id: id,
          filename: pending.filename,
          content: pending.content,
          ...(title !== undefined ? { title } : {}),
          ...(channelId !== undefined ? { channel_id: channelId } : {}),
          ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
          ...(initialComment !== undefined ? { initial_comment: initialComment } : {}),
        });
      }
      for (const upload of done) {
        pendingUploads.delete(upload.file_id);
        uploads.push(upload);
      }
      return {
        files: done.map((u) => ({ id: u.file_id, name: u.filename, title: u.title ?? u.filename, size: u.content.length })),
      };
    },
  };

  function record(call: SlackCall): void {
    calls.push(call);
  }

  function takeFault(method: string): ActiveFault | undefined {
    const queue = faults.get(method);
    const fault = queue?.[0];
    if (queue === undefined || fault === undefined) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) queue.shift();
    return fault;
  }

  async function parseArgs(req: IncomingMessage, raw: Buffer): Promise<Args> {
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
      const { token: _ignored, ...rest } = parsed;
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

  function bearer(req: IncomingMessage, args: Args): string | undefined {
    const header = req.headers.authorization;
    if (typeof header === "string" && header.startsWith("Bearer ")) return header.slice("Bearer ".length);
    const contentType = req.headers["content-type"] ?? "";
    if (!contentType.startsWith("application/json") && typeof args.token === "string") return args.token;
    return undefined;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const raw = await readBody(req);
    const at = clock();
    let args: Args;
    try {
      args = await parseArgs(req, raw);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      record({ method, args: {}, at, ok: false, error: error.code });
      sendJson(res, 200, { ok: false, error: error.code });
      return;
    }
    const presented = bearer(req, args);
    const { token: _token, ...shownArgs } = args;
    const handler = handlers[method];
    if (handler === undefined) {
      record({ method, args: shownArgs, at, ok: false, error: "unknown_method" });
      sendJson(res, 200, { ok: false, error: "unknown_method", req_method: method });
      return;
    }
    const fault = takeFault(method);
    if (fault !== undefined) {
      if (fault.hang === true) {
        record({ method, args: shownArgs, at, ok: false, error: "(hang)" });
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      }
      if (fault.status !== undefined) {
        record({ method, args: shownArgs, at, ok: false, error: `http_${fault.status}` });
        const headers: Record<string, string> = fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {};
        if (fault.status === 429) sendJson(res, 429, { ok: false, error: "ratelimited" }, headers);
        else {
          res.writeHead(fault.status, { "content-type": "text/plain", ...headers });
          res.end(`stand-in: injected HTTP ${fault.status}`);
        }
        return;
      }
      const error = fault.error ?? "internal_error";
      record({ method, args: shownArgs, at, ok: false, error });
      sendJson(res, 200, { ok: false, error });
      return;
    }
    if (presented === undefined) {
      record({ method, args: shownArgs, at, ok: false, error: "not_authed" });
      sendJson(res, 200, { ok: false, error: "not_authed" });
      return;
    }
    if (presented !== token) {
      record({ method, args: shownArgs, at, ok: false, error: "invalid_auth" });
      sendJson(res, 200, { ok: false, error: "invalid_auth" });
      return;
    }
    try {
      const reply = handler(args);
      record({ method, args: shownArgs, at, ok: true });
      sendJson(res, 200, { ok: true, ...reply });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      record({ method, args: shownArgs, at, ok: false, error: error.code });
      sendJson(res, 200, {
        ok: false,
        error: error.code,
        ...(error.detail !== undefined ? { response_metadata: { messages: [error.detail] } } : {}),
      });
    }
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
    const raw = await readBody(req);
    const pending = pendingUploads.get(fileId);
    if (pending === undefined) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not_found");
      return;
    }
    const contentType = (req.headers["content-type"] ?? "").toLowerCase();
    let content = raw;
    if (contentType.startsWith("multipart/form-data")) {
      const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
      for (const [, value] of form) {
        if (typeof value !== "string") {
          content = Buffer.from(await value.arrayBuffer());
          break;
        }
      }
    }
    pending.content = content;
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(`OK - ${content.length}`);
  }

  function applyResponse(context: ResponseUrlContext, body: Record<string, unknown>): void {
    if (flag(body.delete_original)) {
      if (context.messageTs === undefined) refuse("no_original_message");
      if (context.isEphemeral === true) {
        const index = ephemeralList.findIndex((e) => e.message_ts === context.messageTs);
        if (index >= 0) ephemeralList.splice(index, 1);
        return;
      }
      const list = channels.get(context.channelId) ?? [];
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
        ? ephemeralList.find((e) => e.message_ts === context.messageTs)
        : findMessage(context.channelId, context.messageTs);
      if (target === undefined) refuse("message_not_found");
      target.text = text;
      if (blocks !== undefined) target.blocks = blocks;
      return;
    }
    const threadTs = stringArg(body, "thread_ts") ?? context.threadTs;
    if (body.response_type === "in_channel") {
      channelMessages(context.channelId).push({
        ts: nextTs(),
        text,
        user: botUserId,
        bot_id: botId,
        team: teamId,
        ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
        ...(blocks !== undefined ? { blocks } : {}),
      });
      return;
    }
    ephemeralList.push({
      channel: context.channelId,
      user: context.userId,
      message_ts: nextTs(),
      text,
      ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      ...(blocks !== undefined ? { blocks } : {}),
    });
  }

  async function handleResponseUrl(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const raw = await readBody(req);
    const at = clock();
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
    const state = responseUrls.get(id);
    if (state === undefined || state.uses >= RESPONSE_URL_USES || at - state.issuedAt > RESPONSE_URL_LIFETIME_MS) {
      record({ method: "response_url", args: body, at, ok: false, error: "expired_url" });
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("expired_url");
      return;
    }
    state.uses += 1;
    try {
      applyResponse(state.context, body);
      record({ method: "response_url", args: body, at, ok: true });
      sendJson(res, 200, { ok: true });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      record({ method: "response_url", args: body, at, ok: false, error: error.code });
      res.writeHead(400, { "content-type": "text/plain" });
      res.end(error.detail !== undefined ? `${error.code}: ${error.detail}` : error.code);
    }
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const route = (): Promise<void> => {
      if (path.startsWith("/api/")) return handleApi(req, res, path.slice("/api/".length));
      if (req.method === "POST" && path.startsWith("/upload/v1/")) return handleUpload(req, res, path.slice("/upload/v1/".length));
      if (req.method === "POST" && path.startsWith("/hooks/")) return handleResponseUrl(req, res, path.slice("/hooks/".length));
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not_found");
      return Promise.resolve();
    };
    route().catch((error: unknown) => {
      // A bug in the stand-in itself: answer like an outage so the test sees it rather than hanging.
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`stand-in failure: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    });
  });
  // Keep-alive sockets from fetch would otherwise hold close() open until they time out.
  server.keepAliveTimeout = 1_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  function reset(): void {
    calls.length = 0;
    uploads.length = 0;
    channels.clear();
    ephemeralList.length = 0;
    viewsById.clear();
    homeByUser.clear();
    triggers.clear();
    responseUrls.clear();
    faults.clear();
    users.clear();
    channelSetups.clear();
    pins.clear();
    pendingUploads.clear();
  }

  return {
    url: `${origin}/api/`,
    origin,
    token,
    teamId,
    teamDomain,
    botUserId,
    botId,
    appId,
    calls,
    uploads,
    callsTo: (method) => calls.filter((c) => c.method === method && c.ok),
    issueTriggerId(context = {}) {
      const id = `${Math.floor(clock() / 1000)}.${randomBytes(4).readUInt32BE()}.${randomBytes(16).toString("hex")}`;
      triggers.set(id, { issuedAt: clock(), used: false, context });
      return id;
    },
    fail(method, how) {
      const queue = faults.get(method) ?? [];
      queue.push({ ...how, remaining: how.times ?? 1 });
      faults.set(method, queue);
    },
    setUser(user) {
      users.set(user.id, { ...user });
    },
    user(id) {
      const found = plausibleUser(id);
      return found === undefined ? undefined : { ...found };
    },
    setChannel(channel) {
      channelSetups.set(channel.id, { ...channel });
    },
    setTeam(team) {
      teams.set(team.id, { ...team });
    },
    setUserGroup(id, users) {
      userGroups.set(id, [...users]);
    },
    messages: (channel) => (channels.get(channel) ?? []).map((m) => structuredClone(m)),
    message(channel, ts) {
      const found = findMessage(channel, ts);
      return found === undefined ? undefined : structuredClone(found);
    },
    ephemerals: (channel) => ephemeralList.filter((e) => e.channel === channel).map((e) => structuredClone(e)),
    ephemeral(messageTs) {
      const found = ephemeralList.find((e) => e.message_ts === messageTs);
      return found === undefined ? undefined : structuredClone(found);
    },
    view(id) {
      const found = viewsById.get(id);
      return found === undefined ? undefined : structuredClone(found);
    },
    views: () => [...viewsById.values()].map((v) => structuredClone(v)),
    homeView(userId) {
      const id = homeByUser.get(userId);
      const found = id !== undefined ? viewsById.get(id) : undefined;
      return found === undefined ? undefined : structuredClone(found);
    },
    nextTs,
    now: () => clock(),
    recordMessage(channel, message) {
      const list = channelMessages(channel);
      if (!list.some((m) => m.ts === message.ts)) {
        list.push(structuredClone(message));
        // Seconds always have ten digits, so string order is time order.
        list.sort((a, b) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0));
      }
      const [seconds = "0", micros = "0"] = message.ts.split(".");
      const at = Number(seconds) * 1_000_000 + Number(micros.padEnd(6, "0"));
      if (at > lastTsMicros) lastTsMicros = at;
    },
    issueResponseUrl(context) {
      const id = `${randomId("", 12)}/${randomBytes(12).toString("hex")}`;
      responseUrls.set(id, { context: { ...context }, issuedAt: clock(), uses: 0 });
      return `${origin}/hooks/${id}`;
    },
    settleViewSubmission(viewId, ack) {
      const view = viewsById.get(viewId);
      if (view === undefined || !view.open || view.type !== "modal") return `view ${viewId} is not an open modal`;
      if (ack.status !== 200) {
        return `the app answered HTTP ${ack.status}; Slack shows the user an error and keeps the modal open`;
      }
      if (ack.json === null || ack.json === undefined || (isRecord(ack.json) && Object.keys(ack.json).length === 0)) {
        view.open = false;
        return null;
      }
      if (!isRecord(ack.json)) return "the acknowledgement is not a JSON object";
      const action = ack.json.response_action;
      if (action === "clear") {
        for (const v of stackOf(view.root_view_id)) v.open = false;
        return null;
      }
      if (action === "errors") {
        const errors = ack.json.errors;
        if (!isRecord(errors) || Object.keys(errors).length === 0) return "response_action errors needs a non-empty errors object";
        const inputIds = new Set(
          view.blocks.filter((b) => isRecord(b) && b.type === "input").map((b) => (b as Record<string, unknown>).block_id),
        );
        for (const [blockId, message] of Object.entries(errors)) {
          if (!inputIds.has(blockId)) return `errors names block_id "${blockId}", which is not an input block of the modal`;
          if (typeof message !== "string" || message.length === 0) return `errors.${blockId} must be a non-empty string`;
        }
        return null;
      }
      if (action === "update" || action === "push") {
        const spec = ack.json.view;
        const problem = validateView(spec);
        if (problem !== null) return `response_action ${action} carries an invalid view: ${problem}`;
        const valid = spec as Record<string, unknown>;
        if (valid.type !== "modal") return `response_action ${action} needs a modal`;
        if (action === "update") {
          replaceViewContent(view, valid);
          return null;
        }
        const stack = stackOf(view.root_view_id);
        if (stack.length >= VIEW_STACK_LIMIT) return "push_limit_reached: a modal stack holds at most 3 views";
        const top = stack[stack.length - 1] ?? view;
        const pushed = makeView(valid, {
          root_view_id: view.root_view_id,
          previous_view_id: top.id,
          ...(view.user_id !== undefined ? { user_id: view.user_id } : {}),
        });
        viewsById.set(pushed.id, pushed);
        return null;
      }
      return `unknown response_action ${JSON.stringify(action)}`;
    },
    reset,
    close() {
      for (const res of hanging) res.destroy();
      hanging.clear();
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
