// The transcript: after each step, what changed in Slack as people would see it — new messages (thread replies
// indented under their root), messages the app updated (only the lines that changed), ephemeral messages and
// modals — read from the stand-in, which holds exactly what the app sent.
import type { SlackStandIn } from "../../tools/slack-sim/index.ts";
import { inputLabels, renderBlocks, renderMessage, type RenderOptions } from "./render.ts";
import { wrap } from "./width.ts";

export interface TranscriptLabels {
  /** The channels to watch, in the order they are shown, with how each is named; `updates: false` shows only new messages. */
  channels: ReadonlyArray<{ id: string; label: string; updates?: boolean }>;
  /** How each person is named where they write, on a modal or in an ephemeral message. */
  people: Readonly<Record<string, string>>;
  /** How people and channels read in mentions and Slack dates are shown. */
  render: RenderOptions;
  modal(title: string, who: string): string;
  inputs(labels: string): string;
  onlyFor(who: string): string;
  updated: string;
}

interface Seen {
  messages: Map<string, string[]>;
  ephemerals: Set<string>;
  views: Map<string, string>;
}

const TOP = "   ";
const BODY = "     ";
const REPLY = "       ";

export class Transcript {
  readonly lines: string[] = [];
  private seen: Seen;
  private readonly render: RenderOptions;

  constructor(private readonly slack: SlackStandIn, private readonly labels: TranscriptLabels, private readonly width = 100) {
    this.render = labels.render;
    this.seen = this.look();
  }

  heading(text: string): void {
    this.lines.push("", ...wrap(`── ${text}`, this.width, "", "   "));
  }

  note(text: string): void {
    this.lines.push(...wrap(text, this.width, TOP));
  }

  plain(text: string): void {
    this.lines.push(...wrap(text, this.width));
  }

  /** A slash command's answer (the body of its acknowledgement), which only the person who typed it sees. */
  answer(channelLabel: string, userId: string, message: { text?: string; blocks?: readonly unknown[] }): void {
    const lines = renderMessage(message, this.render);
    this.lines.push(`${TOP}${channelLabel}`, ...this.block(lines, `${this.labels.onlyFor(this.who(userId))} `, `${TOP}● `, BODY));
  }

  /** Prints everything that changed in Slack since the last call. */
  changes(): void {
    const now = this.look();
    this.modals(now);
    for (const channel of this.labels.channels) {
      const out: string[] = [];
      for (const message of this.slack.messages(channel.id)) {
        const key = `${channel.id} ${message.ts}`;
        const lines = now.messages.get(key) ?? [];
        if (this.seen.messages.has(key)) continue;
        const reply = message.thread_ts !== undefined && message.thread_ts !== message.ts;
        const author = message.bot_id === undefined && message.user ? `${this.who(message.user)}: ` : "";
        out.push(...this.block(lines, author, reply ? `${BODY}↳ ` : `${TOP}● `, reply ? REPLY : BODY));
      }
      for (const [key, lines] of now.messages) {
        const before = this.seen.messages.get(key);
        if (channel.updates === false || !key.startsWith(`${channel.id} `) || before === undefined || same(before, lines)) continue;
        const changed = lines.slice(1).filter((line) => !before.includes(line));
        out.push(...wrap(`${lines[0] ?? ""}${this.labels.updated}`, this.width, `${TOP}✎ `, BODY));
        for (const line of changed) out.push(...wrap(line, this.width, BODY));
      }
      for (const ephemeral of this.slack.ephemerals(channel.id)) {
        if (this.seen.ephemerals.has(ephemeral.message_ts)) continue;
        const lines = renderMessage(ephemeral, this.render);
        out.push(...this.block(lines, `${this.labels.onlyFor(this.who(ephemeral.user))} `, `${TOP}● `, BODY));
      }
      if (out.length > 0) this.lines.push(`${TOP}${channel.label}`, ...out);
    }
    this.seen = now;
  }

  private modals(now: Seen): void {
    for (const view of this.slack.views()) {
      if (view.type !== "modal" || this.seen.views.get(view.id) === now.views.get(view.id)) continue;
      const title = renderBlocks([{ type: "header", text: view.title }])[0] ?? "";
      this.lines.push(...wrap(this.labels.modal(title, this.who(view.user_id ?? "")), this.width, `${TOP}▢ `, BODY));
      for (const line of renderBlocks(view.blocks.filter((b) => !isInput(b)), this.render)) this.lines.push(...wrap(line, this.width, BODY));
      const inputs = inputLabels(view.blocks, this.render);
      if (inputs.length > 0) this.lines.push(...wrap(this.labels.inputs(inputs.join(" / ")), this.width, BODY));
    }
  }

  private block(lines: string[], author: string, first: string, rest: string): string[] {
    const [head = "", ...tail] = lines;
    return [...wrap(`${author}${head}`, this.width, first, rest), ...tail.flatMap((line) => wrap(line, this.width, rest))];
  }

  private who(userId: string): string {
    return this.labels.people[userId] ?? userId;
  }

  private look(): Seen {
    const messages = new Map<string, string[]>();
    for (const channel of this.labels.channels) {
      for (const message of this.slack.messages(channel.id)) messages.set(`${channel.id} ${message.ts}`, renderMessage(message, this.render));
    }
    const ephemerals = new Set(this.labels.channels.flatMap((c) => this.slack.ephemerals(c.id).map((e) => e.message_ts)));
    const views = new Map(this.slack.views().map((v) => [v.id, v.hash]));
    return { messages, ephemerals, views };
  }
}

function isInput(block: unknown): boolean {
  return typeof block === "object" && block !== null && (block as { type?: unknown }).type === "input";
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}
