// App Home. For engineers: their own cases (state, the next thing due and what it is, a link), the queue in FIFO
// order (R-LIFE-5) with Take / Open, their recently closed cases and the switches of their notifications. For
// managers: the balances (both parts for someone who is both). For anyone else a short explanation that shows
// no customer's data. Pure.
import type { HomeView, KnownBlock } from "@slack/types";
import { NOTIFICATION_TOPICS, type NotificationTopic } from "../../domain/notification.ts";
import type { NextDue } from "../../domain/next-due.ts";
import type { CustomerBalance } from "../../services/balance-overview.ts";
import type { ClosedCase, MyCases } from "../../services/my-cases.ts";
import type { Queue } from "../../services/queue.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions, CaseworkIds, Views } from "../ids.ts";
import { managerHomeBlocks } from "./manager-home.ts";
import { caseTitle, openButton, queueBlocks, slackTime } from "./queue.ts";
import { escapeMrkdwn, mrkdwn, plain } from "./text.ts";

export interface EngineerHome {
  mine: MyCases;
  queue: Queue;
  closed: readonly ClosedCase[];
  /** Topics the engineer turned off. */
  muted: ReadonlySet<string>;
  /** Thread links by case id. */
  links: ReadonlyMap<number, string>;
}

export interface HomeData {
  /** Present for engineers. */
  engineer: EngineerHome | null;
  /** Present for managers. */
  balances: readonly CustomerBalance[] | null;
}

const MAX_BLOCKS = 100;
const MAX_QUEUE_ROWS = 20;

export function nextDueText(next: NextDue, t: Translate): string {
  if (!next) return t("card.next.none");
  if (next.kind === "first_response") return t("card.next.first_response", { date: slackTime(next.at) });
  if (next.kind === "expected_answer") return t("card.next.expected_answer", { date: next.on });
  return t("card.next.auto_close", { date: next.on });
}

function mineBlocks(home: EngineerHome, t: Translate): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "header", text: plain(t("home.mine.title"), 150) }];
  if (home.mine.rows.length === 0) blocks.push({ type: "section", text: mrkdwn(t("home.mine.empty")) });
  for (const c of home.mine.rows) {
    const link = home.links.get(c.id);
    blocks.push({
      type: "section",
      text: mrkdwn(`${caseTitle(c, link)}\n${escapeMrkdwn(c.customerName)} · ${t(`state.${c.state}`)} · ${nextDueText(c.next, t)}`),
      ...(link ? { accessory: openButton(link, t) } : {}),
    });
  }
  if (home.mine.more > 0) blocks.push({ type: "context", elements: [mrkdwn(t("home.mine.more", { n: home.mine.more }))] });
  return blocks;
}

function closedBlocks(home: EngineerHome, t: Translate): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "header", text: plain(t("home.closed.title"), 150) }];
  if (home.closed.length === 0) blocks.push({ type: "section", text: mrkdwn(t("home.closed.empty")) });
  for (const c of home.closed) {
    const link = home.links.get(c.id);
    blocks.push({
      type: "section",
      text: mrkdwn(`${caseTitle(c, link)}\n${escapeMrkdwn(c.customerName)} · ${t("home.closed.line", { state: t(`state.${c.state}`), date: c.closedOn })}`),
      ...(link ? { accessory: openButton(link, t) } : {}),
    });
  }
  return blocks;
}

function preferenceBlocks(home: EngineerHome, t: Translate): KnownBlock[] {
  const option = (topic: NotificationTopic) => ({ text: plain(t(`home.prefs.topic.${topic}`), 75), value: topic });
  const on = NOTIFICATION_TOPICS.filter((topic) => !home.muted.has(topic)).map(option);
  return [
    { type: "header", text: plain(t("home.prefs.title"), 150) },
    { type: "context", elements: [mrkdwn(t("home.prefs.hint"))] },
    {
      type: "actions", block_id: CaseworkIds.notificationBlock,
      // Slack refuses an empty initial_options: with every kind off, the field is left out.
      elements: [{ type: "checkboxes", action_id: CaseworkIds.actions.notificationKinds, options: NOTIFICATION_TOPICS.map(option), ...(on.length > 0 ? { initial_options: on } : {}) }],
    },
  ];
}

function engineerBlocks(home: EngineerHome, t: Translate, room: number): KnownBlock[] {
  const mine = mineBlocks(home, t);
  const closed = closedBlocks(home, t);
  const prefs = preferenceBlocks(home, t);
  // The queue takes what is left: its header and summary, two blocks a row, and the count of the rest.
  const queueRoom = room - mine.length - closed.length - prefs.length - 3;
  const rows = Math.max(0, Math.min(MAX_QUEUE_ROWS, Math.floor((queueRoom - 3) / 2)));
  return [...mine, { type: "divider" }, ...queueBlocks(home.queue, t, { links: home.links, rows }), { type: "divider" }, ...closed, { type: "divider" }, ...prefs];
}

export function homeView(data: HomeData, t: Translate): HomeView {
  if (!data.engineer && !data.balances) {
    return { type: "home", callback_id: Views.home, blocks: [{ type: "section", text: mrkdwn(t("home.staff_only")) }] };
  }
  const blocks: KnownBlock[] = [{
    type: "actions", block_id: "home_actions",
    elements: [{ type: "button", action_id: Actions.refreshHome, text: plain(t("home.refresh"), 75), value: "home" }],
  }];
  const managerPart = data.balances ? managerHomeBlocks(data.balances, t) : [];
  if (data.engineer) blocks.push(...engineerBlocks(data.engineer, t, MAX_BLOCKS - blocks.length - managerPart.length - (data.balances ? 1 : 0)));
  if (data.balances) {
    if (data.engineer) blocks.push({ type: "divider" });
    blocks.push(...managerPart);
  }
  return { type: "home", callback_id: Views.home, blocks };
}
