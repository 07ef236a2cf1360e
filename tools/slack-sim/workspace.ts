// The Slack workspace the stand-in pretends to be: its channels and messages, views, people, teams and the
// single-use handles (triggers, response URLs, pending uploads) it has handed out. The method families read and
// change it; nothing here speaks HTTP.
import type { ServerResponse } from "node:http";
import { CallRecorder } from "./recording.ts";
import type {
  EphemeralMessage,
  InteractionContext,
  ResponseUrlContext,
  SlackChannelSetup,
  SlackMessage,
  SlackStandInOptions,
  SlackUpload,
  SlackUserSetup,
  SlackView,
} from "./types.ts";

export interface PendingUpload {
  filename: string;
  length: number;
  content?: Buffer;
  title?: string;
}

export interface TriggerState {
  issuedAt: number;
  used: boolean;
  context: InteractionContext;
}

export interface ResponseUrlState {
  context: ResponseUrlContext;
  issuedAt: number;
  uses: number;
}

export class Workspace {
  readonly token: string;
  readonly teamId: string;
  readonly teamDomain: string;
  readonly botUserId: string;
  readonly botId: string;
  readonly appId: string;
  /** Clock for trigger expiry, response_url expiry and message ts. */
  readonly clock: () => number;
  readonly unknownUsers: "plausible" | "not_found";
  readonly defaultUserLocale: string;
  readonly defaultChannel: SlackStandInOptions["defaultChannel"];
  /** http://127.0.0.1:<port>, known once the server listens; upload and response URLs point there. */
  origin = "";

  readonly recorder = new CallRecorder();
  readonly uploads: SlackUpload[] = [];
  readonly channels = new Map<string, SlackMessage[]>();
  readonly ephemerals: EphemeralMessage[] = [];
  readonly views = new Map<string, SlackView>();
  readonly homeByUser = new Map<string, string>();
  readonly triggers = new Map<string, TriggerState>();
  readonly responseUrls = new Map<string, ResponseUrlState>();
  readonly users = new Map<string, SlackUserSetup>();
  readonly channelSetups = new Map<string, SlackChannelSetup>();
  readonly teams = new Map<string, { id: string; name: string }>();
  readonly userGroups = new Map<string, string[]>();
  readonly pins = new Set<string>();
  readonly pendingUploads = new Map<string, PendingUpload>();
  /** Requests a "hang" fault keeps unanswered until close(). */
  readonly hanging = new Set<ServerResponse>();
  private lastTsMicros = 0;

  constructor(options: SlackStandInOptions) {
    this.token = options.token ?? "xoxb-test-token";
    this.teamId = options.teamId ?? "T0HOME0001";
    this.teamDomain = options.teamDomain ?? "t4u";
    this.botUserId = options.botUserId ?? "U0BOT00001";
    this.botId = options.botId ?? "B0BOT00001";
    this.appId = options.appId ?? "A0APP00001";
    this.clock = options.now ?? (() => Date.now());
    this.unknownUsers = options.unknownUsers ?? "plausible";
    this.defaultUserLocale = options.defaultUserLocale ?? "en-US";
    this.defaultChannel = options.defaultChannel;
  }

  /** Unique, increasing Slack-style ts, shared by the app's messages and people's. */
  nextTs(): string {
    // Microseconds of the stand-in's clock, nudged forward so two messages never share a ts even on a frozen clock.
    this.lastTsMicros = Math.max(this.lastTsMicros + 100, Math.floor(this.clock()) * 1000);
    const seconds = Math.floor(this.lastTsMicros / 1_000_000);
    const micros = this.lastTsMicros % 1_000_000;
    return `${seconds}.${String(micros).padStart(6, "0")}`;
  }

  /** Moves the ts sequence past a ts that someone else chose (a message a test recorded). */
  sawTs(ts: string): void {
    const [seconds = "0", micros = "0"] = ts.split(".");
    const at = Number(seconds) * 1_000_000 + Number(micros.padEnd(6, "0"));
    if (at > this.lastTsMicros) this.lastTsMicros = at;
  }

  channelMessages(channel: string): SlackMessage[] {
    let list = this.channels.get(channel);
    if (list === undefined) {
      list = [];
      this.channels.set(channel, list);
    }
    return list;
  }

  findMessage(channel: string, ts: string): SlackMessage | undefined {
    return this.channels.get(channel)?.find((m) => m.ts === ts);
  }

  /** The user users.info would describe: configured, the bot itself, or (if allowed) an invented member. */
  plausibleUser(id: string): SlackUserSetup | undefined {
    const set = this.users.get(id);
    if (set !== undefined) return set;
    if (id === this.botUserId) return { id, team_id: this.teamId, name: "incident-desk" };
    if (this.unknownUsers === "plausible" && /^[UW][A-Z0-9]{2,}$/.test(id)) return { id, team_id: this.teamId };
    return undefined;
  }

  /** Open views of one modal stack, bottom first. */
  stackOf(rootViewId: string): SlackView[] {
    return [...this.views.values()].filter((v) => v.open && v.root_view_id === rootViewId);
  }

  /** Forgets everything a test did; teams and user groups set before the app started stay. */
  reset(): void {
    this.recorder.reset();
    this.uploads.length = 0;
    this.channels.clear();
    this.ephemerals.length = 0;
    this.views.clear();
    this.homeByUser.clear();
    this.triggers.clear();
    this.responseUrls.clear();
    this.users.clear();
    this.channelSetups.clear();
    this.pins.clear();
    this.pendingUploads.clear();
  }
}
