// What a test, the demo or the bench tells the driver a person did in Slack, and what the driver reports back.
import type { SlackStandIn } from "./types.ts";

export interface DriverOptions {
  baseUrl: string;
  signingSecret: string;
  slack: SlackStandIn;
  homeTeamId: string;
  apiAppId?: string;
  /**
   * Awaited after each event the app answered with a 2xx, before the driver returns. An app may answer an event
   * once it has kept it and handle it after; a test that reads what the event changed waits here for the handling,
   * as a person waits to see their message in the case.
   */
  afterEvent?: (eventId: string) => Promise<void>;
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
