// The case card (/case 12, a customer's search by number) and the list of cases a search found. Pure: the links
// (chat.getPermalink) are fetched by the listener and passed in. Staff see the triage link and the staff buttons;
// customers see their case as their channel does.
import type { KnownBlock } from "@slack/types";
import type { CaseCard } from "../../services/case-card.ts";
import type { FindCaseResult, FoundCase } from "../../services/find-case.ts";
import type { Translate } from "../i18n/index.ts";
import { CaseworkIds } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { slackTime } from "./queue.ts";
import { clip, escapeMrkdwn, mrkdwn, plain } from "./text.ts";

export interface CardLinks { thread?: string | undefined; triage?: string | undefined }

/** Files listed on the card; the transcript has them all. */
const CARD_FILES = 10;

function nextLine(card: CaseCard, t: Translate): string {
  const next = card.next;
  if (!next) return t("card.next.none");
  if (next.kind === "first_response") return t("card.next.first_response", { date: slackTime(next.at) });
  if (next.kind === "expected_answer") return t("card.next.expected_answer", { date: next.on });
  return t("card.next.auto_close", { date: next.on });
}

export function caseCardBlocks(card: CaseCard, links: CardLinks, staff: boolean, t: Translate): KnownBlock[] {
  const v = card.view;
  const facts = [
    t("card.facts", { state: t(`state.${v.state}`), level: t(`level.${v.level}`), incidents: v.incidents }),
    v.assigneeId ? t("card.assignee", { user: v.assigneeId }) : t("card.unassigned"),
    t("card.opened", { user: v.openedBy, date: slackTime(v.createdAt) }),
    ...(card.firstResponseAt ? [t("card.first_response", { date: slackTime(card.firstResponseAt) })] : []),
    ...(card.closedAt ? [t("card.closed", { date: slackTime(card.closedAt) })] : []),
    nextLine(card, t),
    t("card.messages", { n: card.messages }),
  ];
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(`${v.number} ${v.title}`, 150) },
    { type: "context", elements: [mrkdwn(t("card.customer", { customer: v.customerName, channel: v.channelId }))] },
    { type: "section", text: mrkdwn(facts.join("\n")) },
    { type: "section", text: mrkdwn(escapeMrkdwn(clip(v.description, 600))) },
  ];
  if (card.files.length > 0) {
    const lines = card.files.slice(0, CARD_FILES).map((f) => t("card.file", { name: clip(f.name, 120), user: f.userId, date: slackTime(f.postedAt) }));
    if (card.files.length > CARD_FILES) lines.push(t("card.files_more", { n: card.files.length - CARD_FILES }));
    blocks.push({ type: "section", text: mrkdwn([t("card.files", { n: card.files.length }), ...lines].join("\n")) });
  }
  const buttons = [
    ...(links.thread ? [{ type: "button" as const, text: plain(t("card.thread"), 75), url: links.thread, action_id: `${CaseworkIds.cardActions}_thread` }] : []),
    ...(staff && links.triage ? [{ type: "button" as const, text: plain(t("card.triage"), 75), url: links.triage, action_id: `${CaseworkIds.cardActions}_triage` }] : []),
    ...(staff ? [{ type: "button" as const, text: plain(t("card.export"), 75), action_id: CaseworkIds.actions.exportTranscript, value: String(v.id) }] : []),
  ];
  if (buttons.length > 0) blocks.push({ type: "actions", block_id: `${CaseworkIds.cardActions}:${v.id}`, elements: buttons });
  return blocks;
}

export function caseCardMessage(card: CaseCard, links: CardLinks, staff: boolean, t: Translate): SlackMessage {
  return { text: t("card.fallback", { number: card.view.number, title: card.view.title }), blocks: caseCardBlocks(card, links, staff, t) };
}

function foundLine(c: FoundCase, link: string | undefined, showCustomer: boolean, t: Translate): string {
  const title = `${escapeMrkdwn(c.number)} ${escapeMrkdwn(clip(c.title, 120))}`;
  const head = link ? `*<${link}|${title}>*` : `*${title}*`;
  const facts = [t(`state.${c.state}`), ...(showCustomer ? [escapeMrkdwn(c.customerName)] : []), t("find.opened", { date: slackTime(c.createdAt) })];
  return `${head}\n${facts.join(" · ")}${c.excerpt ? `\n> ${escapeMrkdwn(clip(c.excerpt, 200))}` : ""}`;
}

/** What a search answers: the cases found with links, or a polite "none", or how to use /case. */
export function findResultBlocks(result: FindCaseResult, links: ReadonlyMap<number, string>, staff: boolean, t: Translate): KnownBlock[] {
  if (result.kind === "empty") return [{ type: "section", text: mrkdwn(t("find.help")) }];
  if (result.kind === "not_found") return [{ type: "section", text: mrkdwn(t("find.not_found", { number: result.number })) }];
  if (result.kind === "card") return caseCardBlocks(result.card, { thread: links.get(result.card.view.id) }, staff, t);
  const query = result.terms.join(" ");
  const scopeNote: KnownBlock[] = !result.titlesOnly ? []
    : [{ type: "context", elements: [mrkdwn(result.reach !== null ? t("find.titles_only_recent", { count: result.reach }) : t("find.titles_only"))] }];
  if (result.cases.length === 0) return [{ type: "section", text: mrkdwn(t("find.none", { query })) }, ...scopeNote];
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(t("find.results", { query, n: result.cases.length, more: result.more })) }];
  blocks.push(...scopeNote);
  for (const c of result.cases) blocks.push({ type: "section", text: mrkdwn(foundLine(c, links.get(c.id), staff, t)) });
  return blocks;
}

export function findResultMessage(result: FindCaseResult, links: ReadonlyMap<number, string>, staff: boolean, t: Translate): SlackMessage {
  const text = result.kind === "results" ? t("find.fallback", { n: result.cases.length })
    : result.kind === "card" ? t("card.fallback", { number: result.card.view.number, title: result.card.view.title })
      : result.kind === "not_found" ? t("find.not_found", { number: result.number }) : t("find.help");
  return { text, blocks: findResultBlocks(result, links, staff, t) };
}
