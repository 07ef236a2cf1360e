// What the Slack Web API stand-in shows of itself to tests, the demo and the bench: the records it keeps of what
// the app did (calls, messages, views, uploads) and the handles a test uses to set the scene or to make Slack fail.

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
  /** The locale users.info (include_locale) reports for someone whose own was not set (default "en-US"). */
  defaultUserLocale?: string;
  /**
   * How conversations.info describes a channel nobody configured with setChannel (default: an internal channel).
   * The harness makes every customer channel a Slack Connect channel shared with its customer's workspace.
   */
  defaultChannel?: (id: string) => Omit<SlackChannelSetup, "id"> | undefined;
}
