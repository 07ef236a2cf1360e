// The engineers' queue (App Home and /queue): oldest unanswered question first (R-LIFE-5), with how long each
// has waited, the first-response marks (R-LIFE-7), who has it and whose turn it is, a link to each case's thread
// and the buttons to take it or open it. Pure.
import type { Button, KnownBlock } from "@slack/types";
import type { Queue, QueueRow } from "../../services/queue.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions, CaseworkIds } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { clip, escapeMrkdwn, mrkdwn, plain } from "./text.ts";

/** Slack renders the time in each reader's own timezone; the fallback is for clients that cannot. */
export function slackTime(at: Date): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${at.toISOString()}>`;
}

/** "#0012 件名", linked to the case's thread when the link is known. */
export function caseTitle(c: { number: string; title: string }, link: string | undefined, max = 120): string {
  const label = `${escapeMrkdwn(c.number)} ${escapeMrkdwn(clip(c.title, max))}`;
  return link ? `*<${link}|${label}>*` : `*${label}*`;
}

/** 「開く」: a link button to the case's thread. */
export function openButton(link: string, t: Translate): Button {
  return { type: "button", action_id: CaseworkIds.actions.openThread, text: plain(t("home.open"), 75), url: link };
}

export function queueLine(row: QueueRow, t: Translate, link?: string): string {
  const head = `${caseTitle(row, link)}\n${escapeMrkdwn(row.customerName)} · <#${row.channelId}> · ${t(`level.${row.level}`)}`;
  const facts = [
    t(`queue.waiting.${row.waitingOn}`),
    row.ageBusinessDays > 0 ? t("queue.age_days", { n: row.ageBusinessDays }) : t("queue.age_hours", { n: row.ageHours }),
    row.assigneeId ? t("queue.assignee", { user: row.assigneeId }) : t("queue.unassigned"),
  ];
  if (row.due === "overdue") facts.push(t("queue.overdue"));
  else if (row.due === "due_soon") facts.push(t("queue.due_soon"));
  if (row.firstResponseDueAt && row.waitingOn === "t4u") facts.push(t("queue.due", { date: slackTime(row.firstResponseDueAt) }));
  if (row.expectedAnswerOn) facts.push(t("queue.expected", { date: row.expectedAnswerOn }));
  if (row.awaitingApproval) facts.push(t("queue.awaiting_approval"));
  return `${head}\n${facts.join(" · ")}`;
}

export interface QueueOptions {
  /** Thread links by case id. */
  links?: ReadonlyMap<number, string>;
  /** Rows shown (each takes two blocks with its buttons); the rest are counted. */
  rows?: number;
}

/** Rows a /queue message shows: two blocks each, within a message's 50 with the header, summary and count. */
export const MESSAGE_QUEUE_ROWS = 20;

export function queueBlocks(queue: Queue, t: Translate, options: QueueOptions = {}): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t("queue.title"), 150) },
    { type: "context", elements: [mrkdwn(t("queue.summary", { t4u: queue.waitingOnT4U, customer: queue.waitingOnCustomer }))] },
  ];
  if (queue.rows.length === 0) {
    blocks.push({ type: "section", text: mrkdwn(t("queue.empty")) });
    return blocks;
  }
  const shown = queue.rows.slice(0, options.rows ?? MESSAGE_QUEUE_ROWS);
  for (const row of shown) {
    const link = options.links?.get(row.id);
    blocks.push({ type: "section", text: mrkdwn(queueLine(row, t, link)) });
    // Take while nobody has it; Open wherever the thread's link is known.
    const elements: Button[] = [
      ...(row.assigneeId ? [] : [{ type: "button" as const, action_id: Actions.take, text: plain(t("home.take"), 75), value: String(row.id), style: "primary" as const }]),
      ...(link ? [openButton(link, t)] : []),
    ];
    if (elements.length > 0) blocks.push({ type: "actions", block_id: `${CaseworkIds.queueRow}:${row.id}`, elements });
  }
  const more = queue.more + queue.rows.length - shown.length;
  if (more > 0) blocks.push({ type: "context", elements: [mrkdwn(t("queue.more", { n: more }))] });
  return blocks;
}

export function queueMessage(queue: Queue, t: Translate, links?: ReadonlyMap<number, string>): SlackMessage {
  return { text: t("queue.fallback", { n: queue.waitingOnT4U + queue.waitingOnCustomer }), blocks: queueBlocks(queue, t, { links, rows: MESSAGE_QUEUE_ROWS }) };
}
