// Plays Slack's side of the conversation with the app's real Bolt receiver: signed requests shaped like the
// payloads Slack sends, built from what the stand-in Web API actually holds. A click can only land on a button the
// app really posted, and a modal can only be submitted if the app opened it with every required input filled in,
// because Slack offers users nothing else; the driver throws (a mistake in the test) where Slack could never have
// sent the request.
import { createHmac, randomUUID } from "node:crypto";
import { validateBlocks } from "./block-kit-rules.ts";
import type { SlackMessage, SlackStandIn, SlackView } from "./slack-api.ts";

export interface DriverOptions {
  baseUrl: string;
  signingSecret: string;
  slack: SlackStandIn;
  homeTeamId: string;
  apiAppId?: string;
}

export interface DriverResponse {
  status: number;
  text: string;
  /** The body parsed as JSON, or null when it is empty or not JSON. */
  json: unknown;
  elapsedMs: number;
  /**
   * Set when Slack would not accept the app's answer: acknowledged after 3 s, an error status, Block Kit Slack would
   * refuse, a response_action naming inputs that do not exist. Undefined when Slack would be satisfied.
   */
  slackWouldReject?: string;
}

export interface SlashCommandInput {
  command: string;
  text?: string;
  userId: string;
  channelId: string;
  teamId?: string;
  /** Slack puts no locale in the payload: this sets what users.info (include_locale) answers for the user. */
  locale?: string;
}

export interface BlockActionInput {
  actionId: string;
  /** For buttons, must equal the posted button's value if given; for conversation/channel selects, the selection. */
  value?: string;
  userId: string;
  userTeamId: string;
  channelId?: string;
  messageTs?: string;
  threadTs?: string;
  blockId?: string;
  selectedOption?: string;
  selectedUser?: string;
  selectedDate?: string;
  view?: { id: string; callbackId: string; privateMetadata?: string };
  locale?: string;
  container?: "message" | "view";
}

export interface ViewSubmissionInput {
  callbackId: string;
  privateMetadata?: string;
  userId: string;
  userTeamId: string;
  /**
   * block_id → action_id → value. A string (or string[] for multi-selects and checkboxes) is shaped after the
   * element in the modal; an object with a `type` is passed through as Slack's state value unchanged.
   */
  values: Record<string, Record<string, unknown>>;
  viewId?: string;
  locale?: string;
}

export interface MessageShortcutInput {
  callbackId: string;
  userId: string;
  teamId?: string;
  channelId: string;
  message: { ts: string; text: string; user: string; thread_ts?: string };
}

export interface EventOptions {
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
  teamId?: string;
  eventTime?: number;
}

export interface MessageInput {
  channelId: string;
  userId: string;
  userTeamId: string;
  text: string;
  ts?: string;
  threadTs?: string;
  /** Whether the channel is a Slack Connect channel (is_ext_shared_channel); true unless said otherwise. */
  external?: boolean;
  subtype?: string;
  /** Files shared with the message (with subtype "file_share"), as Slack describes them in the event. */
  files?: Array<{ id: string; name: string; mimetype?: string; filetype?: string; size?: number }>;
  eventId?: string;
  retryNum?: number;
}

export interface Driver {
  slashCommand(input: SlashCommandInput): Promise<DriverResponse>;
  blockAction(input: BlockActionInput): Promise<DriverResponse>;
  viewSubmission(input: ViewSubmissionInput): Promise<DriverResponse>;
  messageShortcut(input: MessageShortcutInput): Promise<DriverResponse>;
  event(event: Record<string, unknown>, opts?: EventOptions): Promise<DriverResponse>;
  message(input: MessageInput): Promise<DriverResponse>;
  raw(body: string, headers: Record<string, string>): Promise<DriverResponse>;
  sign(body: string, timestamp?: number): { "x-slack-signature": string; "x-slack-request-timestamp": string };
  nextTs(): string;
}

const ACK_DEADLINE_MS = 3_000;
/** The deprecated verification token Slack still puts in payloads; Bolt ignores it in favour of the signature. */
const VERIFICATION_TOKEN = "legacy-verification-token";

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function impossible(reason: string): never {
  throw new Error(`Slack could not send this: ${reason}`);
}

interface FoundElement {
  block: Json;
  element: Json;
}

/** Every interactive element of the blocks with its block, in the places Slack renders them. */
function elementsOf(blocks: unknown[]): FoundElement[] {
  const found: FoundElement[] = [];
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const candidates: unknown[] = [];
    if (block.type === "actions" && Array.isArray(block.elements)) candidates.push(...block.elements);
    if (block.accessory !== undefined) candidates.push(block.accessory);
    if (block.type === "input" && block.element !== undefined) candidates.push(block.element);
    for (const element of candidates) {
      if (isRecord(element) && typeof element.action_id === "string") found.push({ block, element });
    }
  }
  return found;
}

function optionsOf(element: Json): Json[] {
  const out: Json[] = [];
  if (Array.isArray(element.options)) out.push(...element.options.filter(isRecord));
  if (Array.isArray(element.option_groups)) {
    for (const group of element.option_groups) {
      if (isRecord(group) && Array.isArray(group.options)) out.push(...group.options.filter(isRecord));
    }
  }
  return out;
}

function pickOption(element: Json, value: string, where: string): Json {
  const option = optionsOf(element).find((o) => o.value === value);
  if (option === undefined) impossible(`${where} offers no option with value "${value}"`);
  return { text: option.text, value: option.value, ...(option.description !== undefined ? { description: option.description } : {}) };
}

/** The state Slack reports for an element nobody has touched (its initial value, or empty). */
function initialState(element: Json): Json {
  const type = String(element.type);
  switch (type) {
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return { type, selected_option: element.initial_option ?? null };
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      return { type, selected_options: Array.isArray(element.initial_options) ? element.initial_options : [] };
    case "users_select":
      return { type, selected_user: element.initial_user ?? null };
    case "multi_users_select":
      return { type, selected_users: Array.isArray(element.initial_users) ? element.initial_users : [] };
    case "conversations_select":
      return { type, selected_conversation: element.initial_conversation ?? null };
    case "multi_conversations_select":
      return { type, selected_conversations: Array.isArray(element.initial_conversations) ? element.initial_conversations : [] };
    case "channels_select":
      return { type, selected_channel: element.initial_channel ?? null };
    case "multi_channels_select":
      return { type, selected_channels: Array.isArray(element.initial_channels) ? element.initial_channels : [] };
    case "datepicker":
      return { type, selected_date: element.initial_date ?? null };
    case "timepicker":
      return { type, selected_time: element.initial_time ?? null };
    case "datetimepicker":
      return { type, selected_date_time: element.initial_date_time ?? null };
    case "rich_text_input":
      return { type, rich_text_value: element.initial_value ?? null };
    default:
      return { type, value: element.initial_value ?? null };
  }
}

function isEmptyState(state: Json): boolean {
  for (const [key, value] of Object.entries(state)) {
    if (key === "type") continue;
    if (value === null || value === undefined || value === "") continue;
    if (Array.isArray(value) && value.length === 0) continue;
    return false;
  }
  return true;
}

function stringList(value: unknown, where: string): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value;
  impossible(`${where} needs a string or an array of strings`);
}

function single(value: unknown, where: string): string {
  if (typeof value !== "string") impossible(`${where} needs a string`);
  return value;
}

/** Shapes what a test says the user entered into the state value Slack reports for that element. */
function submittedState(element: Json, value: unknown, where: string): Json {
  if (isRecord(value) && typeof value.type === "string") return value;
  const type = String(element.type);
  switch (type) {
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input": {
      const text = single(value, where);
      checkTypedText(element, type, text, where);
      return { type, value: text };
    }
    case "static_select":
    case "radio_buttons":
      return { type, selected_option: pickOption(element, single(value, where), where) };
    case "external_select":
      return { type, selected_option: { text: { type: "plain_text", text: single(value, where) }, value: single(value, where) } };
    case "multi_static_select":
    case "checkboxes":
      return { type, selected_options: stringList(value, where).map((v) => pickOption(element, v, where)) };
    case "users_select":
      return { type, selected_user: single(value, where) };
    case "multi_users_select":
      return { type, selected_users: stringList(value, where) };
    case "conversations_select":
      return { type, selected_conversation: single(value, where) };
    case "multi_conversations_select":
      return { type, selected_conversations: stringList(value, where) };
    case "channels_select":
      return { type, selected_channel: single(value, where) };
    case "multi_channels_select":
      return { type, selected_channels: stringList(value, where) };
    case "datepicker": {
      const date = single(value, where);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) impossible(`${where}: the date picker only yields YYYY-MM-DD, not "${date}"`);
      return { type, selected_date: date };
    }
    case "timepicker":
      return { type, selected_time: single(value, where) };
    case "rich_text_input": {
      const text = single(value, where);
      return {
        type,
        rich_text_value: { type: "rich_text", elements: [{ type: "rich_text_section", elements: [{ type: "text", text }] }] },
      };
    }
    default:
      impossible(`${where}: no shaping rule for element type ${type}; pass Slack's state value object instead`);
  }
}

/** Slack's client checks these before it lets the user submit, so the app never sees such values. */
function checkTypedText(element: Json, type: string, text: string, where: string): void {
  if (typeof element.max_length === "number" && text.length > element.max_length) {
    impossible(`${where}: the input allows at most ${element.max_length} characters`);
  }
  if (typeof element.min_length === "number" && text.length > 0 && text.length < element.min_length) {
    impossible(`${where}: the input needs at least ${element.min_length} characters`);
  }
  if (type === "number_input" && text !== "") {
    const pattern = element.is_decimal_allowed === true ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
    if (!pattern.test(text)) impossible(`${where}: "${text}" is not a number this input accepts`);
    const n = Number(text);
    if (element.min_value !== undefined && n < Number(element.min_value)) impossible(`${where}: below min_value`);
    if (element.max_value !== undefined && n > Number(element.max_value)) impossible(`${where}: above max_value`);
  }
  if (type === "email_text_input" && text !== "" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) {
    impossible(`${where}: "${text}" is not an email address`);
  }
}

export function createDriver(options: DriverOptions): Driver {
  const { slack, homeTeamId, signingSecret } = options;
  const apiAppId = options.apiAppId ?? slack.appId;
  const endpoint = `${options.baseUrl.replace(/\/+$/, "")}/slack/events`;

  const teamDomain = (teamId: string): string => (teamId === homeTeamId ? slack.teamDomain : `org-${teamId.toLowerCase()}`);
  const userName = (userId: string): string => slack.user(userId)?.name ?? `user-${userId.toLowerCase()}`;
  const channelName = (channelId: string): string => {
    if (channelId.startsWith("D")) return "directmessage";
    if (channelId.startsWith("G")) return "privategroup";
    return `channel-${channelId.toLowerCase()}`;
  };
  const userObject = (userId: string, teamId: string): Json => ({
    id: userId,
    username: userName(userId),
    name: userName(userId),
    team_id: teamId,
  });
  const actionTs = (): string => (slack.now() / 1000).toFixed(6);

  function rememberLocale(userId: string, teamId: string, locale: string | undefined): void {
    if (locale === undefined) return;
    const known = slack.user(userId);
    slack.setUser({ ...(known ?? { id: userId, team_id: teamId }), locale });
  }

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

  /** Slack's verdict on the acknowledgement of a command or interaction. */
  function judgeAck(response: DriverResponse): string | undefined {
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

  function withVerdict(response: DriverResponse, verdict: string | undefined): DriverResponse {
    return verdict === undefined ? response : { ...response, slackWouldReject: verdict };
  }

  function findElement(blocks: unknown[], actionId: string, blockId: string | undefined, where: string): FoundElement {
    const matches = elementsOf(blocks).filter(
      (f) => f.element.action_id === actionId && (blockId === undefined || f.block.block_id === blockId),
    );
    const first = matches[0];
    if (first === undefined) {
      impossible(`${where} has no element with action_id "${actionId}"${blockId !== undefined ? ` in block "${blockId}"` : ""}`);
    }
    if (matches.length > 1) impossible(`${where} has several elements with action_id "${actionId}"; give blockId`);
    return first;
  }

  function actionPayload(found: FoundElement, input: BlockActionInput, where: string): { action: Json; state: Json } {
    const { element, block } = found;
    const type = String(element.type);
    const base: Json = { type, block_id: block.block_id, action_id: element.action_id, action_ts: actionTs() };
    const label = `${where} element "${String(element.action_id)}"`;
    switch (type) {
      case "button": {
        if (input.value !== undefined && input.value !== element.value) {
          impossible(`${label} carries value ${JSON.stringify(element.value)}, not ${JSON.stringify(input.value)}`);
        }
        const action = {
          ...base,
          text: element.text,
          ...(element.value !== undefined ? { value: element.value } : {}),
          ...(element.style !== undefined ? { style: element.style } : {}),
        };
        return { action, state: initialState(element) };
      }
      case "static_select":
      case "overflow":
      case "radio_buttons": {
        if (input.selectedOption === undefined) impossible(`${label} is a ${type}: give selectedOption`);
        const selected = pickOption(element, input.selectedOption, label);
        return { action: { ...base, selected_option: selected }, state: { type, selected_option: selected } };
      }
      case "multi_static_select":
      case "checkboxes": {
        if (input.selectedOption === undefined) impossible(`${label} is a ${type}: give selectedOption`);
        const selected = [pickOption(element, input.selectedOption, label)];
        return { action: { ...base, selected_options: selected }, state: { type, selected_options: selected } };
      }
      case "users_select": {
        if (input.selectedUser === undefined) impossible(`${label} is a users_select: give selectedUser`);
        return { action: { ...base, selected_user: input.selectedUser }, state: { type, selected_user: input.selectedUser } };
      }
      case "conversations_select":
      case "channels_select": {
        if (input.value === undefined) impossible(`${label} is a ${type}: give the chosen id as value`);
        const key = type === "channels_select" ? "selected_channel" : "selected_conversation";
        return { action: { ...base, [key]: input.value }, state: { type, [key]: input.value } };
      }
      case "datepicker": {
        if (input.selectedDate === undefined) impossible(`${label} is a datepicker: give selectedDate`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(input.selectedDate)) impossible(`${label}: dates come as YYYY-MM-DD`);
        return { action: { ...base, selected_date: input.selectedDate }, state: { type, selected_date: input.selectedDate } };
      }
      default: {
        const state = input.value !== undefined ? { type, value: input.value } : initialState(element);
        return { action: { ...base, ...state, type }, state };
      }
    }
  }

  function stateValues(blocks: unknown[], acted?: { blockId: unknown; actionId: unknown; state: Json }): Json {
    const values: Record<string, Record<string, Json>> = {};
    for (const { block, element } of elementsOf(blocks)) {
      if (element.type === "button" || element.type === "overflow") continue;
      const blockId = String(block.block_id);
      const actionId = String(element.action_id);
      const state = acted !== undefined && acted.blockId === blockId && acted.actionId === actionId
        ? acted.state
        : initialState(element);
      (values[blockId] ??= {})[actionId] = state;
    }
    return { values };
  }

  function viewPayload(view: SlackView, userTeamId: string, state: Json): Json {
    return {
      id: view.id,
      team_id: userTeamId,
      type: view.type,
      blocks: view.blocks,
      private_metadata: view.private_metadata,
      callback_id: view.callback_id,
      state,
      hash: view.hash,
      title: view.title ?? null,
      clear_on_close: view.clear_on_close,
      notify_on_close: view.notify_on_close,
      close: view.close ?? null,
      submit: view.submit ?? null,
      previous_view_id: view.previous_view_id,
      root_view_id: view.root_view_id,
      app_id: apiAppId,
      external_id: view.external_id,
      app_installed_team_id: homeTeamId,
      bot_id: slack.botId,
    };
  }

  function messagePayload(message: SlackMessage): Json {
    return {
      type: "message",
      ...(message.bot_id !== undefined ? { bot_id: message.bot_id, app_id: apiAppId } : {}),
      ...(message.user !== undefined ? { user: message.user } : {}),
      text: message.text,
      ts: message.ts,
      team: message.team ?? homeTeamId,
      ...(message.thread_ts !== undefined ? { thread_ts: message.thread_ts } : {}),
      ...(message.blocks !== undefined ? { blocks: message.blocks } : {}),
    };
  }

  function openView(view: BlockActionInput["view"] | undefined, viewId: string | undefined, userId: string): SlackView {
    const id = view?.id ?? viewId;
    if (id === undefined) impossible("no view given");
    const stored = slack.view(id);
    if (stored === undefined) impossible(`the stand-in never showed view ${id}`);
    if (!stored.open) impossible(`view ${id} is closed`);
    if (stored.user_id !== undefined && stored.user_id !== userId) impossible(`view ${id} is on ${stored.user_id}'s screen, not ${userId}'s`);
    if (view !== undefined) {
      if (view.callbackId !== stored.callback_id) impossible(`view ${id} has callback_id "${stored.callback_id}", not "${view.callbackId}"`);
      if (view.privateMetadata !== undefined && view.privateMetadata !== stored.private_metadata) {
        impossible(`view ${id} carries private_metadata ${JSON.stringify(stored.private_metadata)}`);
      }
    }
    return stored;
  }

  async function blockAction(input: BlockActionInput): Promise<DriverResponse> {
    rememberLocale(input.userId, input.userTeamId, input.locale);
    const container = input.container ?? (input.view !== undefined ? "view" : "message");
    const user = userObject(input.userId, input.userTeamId);

    if (container === "view") {
      const view = openView(input.view, undefined, input.userId);
      const where = `view ${view.id}`;
      const found = findElement(view.blocks, input.actionId, input.blockId, where);
      if (found.block.type === "input" && found.block.dispatch_action !== true) {
        impossible(`${where}: an input without dispatch_action sends no block_actions`);
      }
      const { action, state } = actionPayload(found, input, where);
      const payload: Json = {
        type: "block_actions",
        user,
        api_app_id: apiAppId,
        token: VERIFICATION_TOKEN,
        container: { type: "view", view_id: view.id },
        trigger_id: slack.issueTriggerId({ userId: input.userId, viewId: view.id }),
        // Like view_submission, a click inside a modal names the clicking user's own workspace.
        team: { id: input.userTeamId, domain: teamDomain(input.userTeamId) },
        enterprise: null,
        is_enterprise_install: false,
        view: viewPayload(view, input.userTeamId, stateValues(view.blocks, {
          blockId: found.block.block_id,
          actionId: found.element.action_id,
          state,
        })),
        actions: [action],
      };
      const response = await postInteraction(payload);
      return withVerdict(response, judgeAck(response));
    }

    const { channelId, messageTs } = input;
    if (channelId === undefined || messageTs === undefined) impossible("a click on a message needs channelId and messageTs");
    const stored = slack.message(channelId, messageTs);
    const ephemeral = stored === undefined ? slack.ephemeral(messageTs) : undefined;
    if (stored === undefined && (ephemeral === undefined || ephemeral.channel !== channelId)) {
      impossible(`channel ${channelId} holds no message ${messageTs}`);
    }
    if (ephemeral !== undefined && ephemeral.user !== input.userId) {
      impossible(`ephemeral message ${messageTs} is only visible to ${ephemeral.user}`);
    }
    const blocks = stored?.blocks ?? ephemeral?.blocks ?? [];
    const threadTs = stored?.thread_ts ?? ephemeral?.thread_ts;
    if (input.threadTs !== undefined && input.threadTs !== threadTs) {
      impossible(`message ${messageTs} is in thread ${threadTs ?? "(none)"}, not ${input.threadTs}`);
    }
    const where = `message ${messageTs}`;
    const found = findElement(blocks, input.actionId, input.blockId, where);
    const { action, state } = actionPayload(found, input, where);
    const isEphemeral = ephemeral !== undefined;
    const payload: Json = {
      type: "block_actions",
      user,
      api_app_id: apiAppId,
      token: VERIFICATION_TOKEN,
      container: {
        type: "message",
        message_ts: messageTs,
        channel_id: channelId,
        is_ephemeral: isEphemeral,
        ...(threadTs !== undefined ? { thread_ts: threadTs } : {}),
      },
      trigger_id: slack.issueTriggerId({ userId: input.userId }),
      // Clicks on the app's messages name the installing workspace even when an external user clicks.
      team: { id: homeTeamId, domain: teamDomain(homeTeamId) },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: channelId, name: channelName(channelId) },
      ...(stored !== undefined ? { message: messagePayload(stored) } : {}),
      state: stateValues(blocks, { blockId: found.block.block_id, actionId: found.element.action_id, state }),
      response_url: slack.issueResponseUrl({
        channelId,
        userId: input.userId,
        messageTs,
        ...(threadTs !== undefined ? { threadTs } : {}),
        isEphemeral,
      }),
      actions: [action],
    };
    const response = await postInteraction(payload);
    return withVerdict(response, judgeAck(response));
  }

  async function viewSubmission(input: ViewSubmissionInput): Promise<DriverResponse> {
    rememberLocale(input.userId, input.userTeamId, input.locale);
    let view: SlackView;
    if (input.viewId !== undefined) {
      view = openView({ id: input.viewId, callbackId: input.callbackId, ...(input.privateMetadata !== undefined ? { privateMetadata: input.privateMetadata } : {}) }, undefined, input.userId);
    } else {
      const candidates = slack.views().filter(
        (v) => v.open && v.type === "modal" && v.callback_id === input.callbackId && (v.user_id === undefined || v.user_id === input.userId),
      );
      // The topmost modal is the one the user sees and can submit.
      const latest = candidates[candidates.length - 1];
      if (latest === undefined) impossible(`no open modal with callback_id "${input.callbackId}" for ${input.userId}`);
      view = openView({ id: latest.id, callbackId: input.callbackId, ...(input.privateMetadata !== undefined ? { privateMetadata: input.privateMetadata } : {}) }, undefined, input.userId);
    }
    if (view.type !== "modal" || view.submit === undefined || view.submit === null) {
      impossible(`view ${view.id} has no submit button`);
    }

    const values: Record<string, Record<string, Json>> = {};
    const inputs = elementsOf(view.blocks).filter((f) => f.block.type === "input");
    for (const [blockId, actions] of Object.entries(input.values)) {
      for (const [actionId, value] of Object.entries(actions)) {
        const match = inputs.find((f) => f.block.block_id === blockId && f.element.action_id === actionId);
        if (match === undefined) impossible(`modal "${view.callback_id}" has no input ${blockId}/${actionId}`);
        (values[blockId] ??= {})[actionId] = submittedState(match.element, value, `input ${blockId}/${actionId}`);
      }
    }
    for (const { block, element } of inputs) {
      const blockId = String(block.block_id);
      const actionId = String(element.action_id);
      const entry = (values[blockId] ??= {});
      const state = entry[actionId] ?? initialState(element);
      entry[actionId] = state;
      if (block.optional !== true && isEmptyState(state)) {
        impossible(`input ${blockId}/${actionId} is required; Slack will not let the user submit it empty`);
      }
    }

    const payload: Json = {
      type: "view_submission",
      // Per Slack Connect behaviour, team is the submitting user's own workspace; the installing one is only in
      // view.app_installed_team_id.
      team: { id: input.userTeamId, domain: teamDomain(input.userTeamId) },
      user: userObject(input.userId, input.userTeamId),
      api_app_id: apiAppId,
      token: VERIFICATION_TOKEN,
      trigger_id: slack.issueTriggerId({ userId: input.userId, viewId: view.id }),
      view: viewPayload(view, input.userTeamId, { values }),
      response_urls: [],
      is_enterprise_install: false,
      enterprise: null,
    };
    const response = await postInteraction(payload);
    if (response.elapsedMs > ACK_DEADLINE_MS) return withVerdict(response, judgeAck(response));
    const problem = slack.settleViewSubmission(view.id, { status: response.status, json: response.json });
    return withVerdict(response, problem ?? undefined);
  }

  async function slashCommand(input: SlashCommandInput): Promise<DriverResponse> {
    const teamId = input.teamId ?? homeTeamId;
    if (teamId !== homeTeamId) {
      impossible(`people of another organisation (${teamId}) get "${input.command} is not a valid command"`);
    }
    rememberLocale(input.userId, teamId, input.locale);
    const body = new URLSearchParams({
      token: VERIFICATION_TOKEN,
      team_id: teamId,
      team_domain: teamDomain(teamId),
      channel_id: input.channelId,
      channel_name: channelName(input.channelId),
      user_id: input.userId,
      user_name: userName(input.userId),
      command: input.command,
      text: input.text ?? "",
      api_app_id: apiAppId,
      is_enterprise_install: "false",
      response_url: slack.issueResponseUrl({ channelId: input.channelId, userId: input.userId }),
      trigger_id: slack.issueTriggerId({ userId: input.userId }),
    }).toString();
    const response = await signedPost(body, "application/x-www-form-urlencoded");
    return withVerdict(response, judgeAck(response));
  }

  async function messageShortcut(input: MessageShortcutInput): Promise<DriverResponse> {
    const teamId = input.teamId ?? homeTeamId;
    if (teamId !== homeTeamId) impossible(`the shortcut is not offered to people of another organisation (${teamId})`);
    if (slack.message(input.channelId, input.message.ts) === undefined) {
      slack.recordMessage(input.channelId, {
        ts: input.message.ts,
        text: input.message.text,
        user: input.message.user,
        ...(input.message.thread_ts !== undefined ? { thread_ts: input.message.thread_ts } : {}),
      });
    }
    const payload: Json = {
      type: "message_action",
      token: VERIFICATION_TOKEN,
      action_ts: actionTs(),
      team: { id: teamId, domain: teamDomain(teamId) },
      user: userObject(input.userId, teamId),
      channel: { id: input.channelId, name: channelName(input.channelId) },
      is_enterprise_install: false,
      enterprise: null,
      callback_id: input.callbackId,
      trigger_id: slack.issueTriggerId({ userId: input.userId }),
      response_url: slack.issueResponseUrl({
        channelId: input.channelId,
        userId: input.userId,
        ...(input.message.thread_ts !== undefined ? { threadTs: input.message.thread_ts } : {}),
      }),
      message_ts: input.message.ts,
      message: {
        type: "message",
        user: input.message.user,
        ts: input.message.ts,
        text: input.message.text,
        ...(input.message.thread_ts !== undefined ? { thread_ts: input.message.thread_ts } : {}),
      },
    };
    const response = await postInteraction(payload);
    return withVerdict(response, judgeAck(response));
  }

  async function event(inner: Record<string, unknown>, opts: EventOptions = {}): Promise<DriverResponse> {
    return deliver(inner, opts, { teamId: opts.teamId ?? homeTeamId, extShared: false });
  }

  async function deliver(
    inner: Record<string, unknown>,
    opts: EventOptions,
    envelope: { teamId: string; extShared: boolean },
  ): Promise<DriverResponse> {
    const eventTime = opts.eventTime ?? Math.floor(slack.now() / 1000);
    const body = JSON.stringify({
      token: VERIFICATION_TOKEN,
      team_id: envelope.teamId,
      context_team_id: envelope.teamId,
      context_enterprise_id: null,
      api_app_id: apiAppId,
      event: { event_ts: `${eventTime}.000000`, ...inner },
      type: "event_callback",
      event_id: opts.eventId ?? `Ev${randomUUID().replace(/-/g, "").slice(0, 10).toUpperCase()}`,
      event_time: eventTime,
      authorizations: [
        { enterprise_id: null, team_id: homeTeamId, user_id: slack.botUserId, is_bot: true, is_enterprise_install: false },
      ],
      is_ext_shared_channel: envelope.extShared,
      event_context: `4-${randomUUID()}`,
    });
    const retryHeaders: Record<string, string> = opts.retryNum !== undefined
      ? { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": opts.retryReason ?? "http_timeout" }
      : {};
    const response = await signedPost(body, "application/json", retryHeaders);
    if (response.elapsedMs > ACK_DEADLINE_MS) {
      return withVerdict(response, `acknowledged after ${Math.round(response.elapsedMs)} ms; Slack would retry (http_timeout)`);
    }
    if (response.status < 200 || response.status > 299) {
      return withVerdict(response, `HTTP ${response.status}; Slack would retry (http_error)`);
    }
    return response;
  }

  async function message(input: MessageInput): Promise<DriverResponse> {
    const extShared = input.external ?? true;
    if (!extShared && input.userTeamId !== homeTeamId) {
      impossible(`a member of ${input.userTeamId} cannot write in a channel that is not shared with their organisation`);
    }
    const ts = input.ts ?? slack.nextTs();
    const channelType = input.channelId.startsWith("G") ? "group" : input.channelId.startsWith("D") ? "im" : "channel";
    const parent = input.threadTs !== undefined ? slack.message(input.channelId, input.threadTs) : undefined;
    const inner: Json = {
      type: "message",
      ...(input.subtype !== undefined ? { subtype: input.subtype } : { client_msg_id: randomUUID() }),
      channel: input.channelId,
      user: input.userId,
      text: input.text,
      ts,
      event_ts: ts,
      team: input.userTeamId,
      user_team: input.userTeamId,
      source_team: input.userTeamId,
      channel_type: channelType,
      blocks: [
        {
          type: "rich_text",
          block_id: randomUUID().slice(0, 5),
          elements: [{ type: "rich_text_section", elements: [{ type: "text", text: input.text }] }],
        },
      ],
      ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
      ...(parent?.user !== undefined ? { parent_user_id: parent.user } : {}),
      ...(input.files !== undefined ? { files: input.files } : {}),
    };
    const stored = input.subtype === undefined || ["thread_broadcast", "file_share", "me_message"].includes(input.subtype);
    if (stored) {
      slack.recordMessage(input.channelId, {
        ts,
        text: input.text,
        user: input.userId,
        team: input.userTeamId,
        ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
      });
    }
    return deliver(inner, {
      ...(input.eventId !== undefined ? { eventId: input.eventId } : {}),
      ...(input.retryNum !== undefined ? { retryNum: input.retryNum } : {}),
    }, {
      // In a shared channel the envelope can name the author's organisation; authorizations keep the installer.
      teamId: extShared ? input.userTeamId : homeTeamId,
      extShared,
    });
  }

  return {
    slashCommand,
    blockAction,
    viewSubmission,
    messageShortcut,
    event,
    message,
    raw: (body, headers) => send(body, headers),
    sign,
    nextTs: () => slack.nextTs(),
  };
}
