// The engineers' queue (App Home and /queue): oldest unanswered question first (R-LIFE-5), with how long each
// has waited, the first-response marks (R-LIFE-7), who has it and whose turn it is. Pure.
import type { KnownBlock } from "@slack/types";
import type { Queue, QueueRow } from "../../services/queue.ts";
import type { Translate } from "../i18n/index.ts";
import type { SlackMessage } from "./case-message.ts";
import { clip, escapeMrkdwn, mrkdwn, plain } from "./text.ts";

/** Slack renders the time in each reader's own timezone; the fallback is for clients that cannot. */
export function slackTime(at: Date): string {
  return `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${at.toISOString()}>`;
}

export function queueLine(row: QueueRow, t: Translate): string {
  const head = `*${escapeMrkdwn(row.number)} ${escapeMrkdwn(clip(row.title, 120))}*\n${escapeMrkdwn(row.customerName)} · <#${row.channelId}> · ${t(`level.${row.level}`)}`;
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

export function queueBlocks(queue: Queue, t: Translate): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(t("queue.title"), 150) },
    { type: "context", elements: [mrkdwn(t("queue.summary", { t4u: queue.waitingOnT4U, customer: queue.waitingOnCustomer }))] },
  ];
  if (queue.rows.length === 0) {
    blocks.push({ type: "section", text: mrkdwn(t("queue.empty")) });
    return blocks;
  }
  for (const row of queue.rows) blocks.push({ type: "section", text: mrkdwn(queueLine(row, t)) });
  if (queue.more > 0) blocks.push({ type: "context", elements: [mrkdwn(t("queue.more", { n: queue.more }))] });
  return blocks;
}

export function queueMessage(queue: Queue, t: Translate): SlackMessage {
  return { text: t("queue.fallback", { n: queue.waitingOnT4U + queue.waitingOnCustomer }), blocks: queueBlocks(queue, t) };
}
