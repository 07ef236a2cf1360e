// The direct message that tells an engineer about their own cases: one line per notification, each naming its
// case with a link to the case's thread, under a heading when several came together. Pure.
import type { KnownBlock } from "@slack/types";
import type { NotificationKind } from "../../domain/notification.ts";
import type { Translate } from "../i18n/index.ts";
import type { SlackMessage } from "./case-message.ts";
import { clip, mrkdwn } from "./text.ts";

export interface NotificationCase { number: string; title: string; customerName: string; link: string | null }

export interface NotificationItem {
  kind: NotificationKind;
  data: Record<string, string | number>;
  case: NotificationCase | null;
}

/** Most notifications one message holds (with its heading and footer, within Slack's 50 blocks). */
export const NOTIFICATIONS_PER_MESSAGE = 40;

const text = (data: Record<string, string | number>, key: string): string => String(data[key] ?? "");

export function notificationLine(item: NotificationItem, t: Translate): string {
  const c = item.case;
  // The catalogue escapes the title and the customer's name; they are clipped here to keep one line short.
  const ref = { number: c?.number ?? "—", title: clip(c?.title ?? "", 80), customer: clip(c?.customerName ?? "", 60), link: c?.link ?? "" };
  const { data } = item;
  switch (item.kind) {
    case "assigned":
      return t("notify.assigned", { ...ref, by: text(data, "by") });
    case "customer_message":
      return t("notify.customer_message", { ...ref, excerpt: clip(text(data, "excerpt").replace(/\s+/g, " ").trim(), 200) });
    case "first_response_soon":
      return t("notify.first_response_soon", { ...ref, date: text(data, "date"), time: text(data, "time") });
    case "first_response_overdue":
      return t("notify.first_response_overdue", { ...ref, date: text(data, "date"), time: text(data, "time") });
    case "proposal_approved":
    case "proposal_declined": {
      const proposal = data.proposal === "split" ? t("notify.proposal.split") : t("notify.proposal.level_a");
      return t(item.kind === "proposal_approved" ? "notify.proposal_approved" : "notify.proposal_declined", { ...ref, proposal });
    }
    case "auto_close_tomorrow":
      return t("notify.auto_close_tomorrow", { ...ref, date: text(data, "date"), time: text(data, "time") });
    case "rated":
      return t("notify.rated", { ...ref, score: Number(data.score) });
  }
}

export function notificationMessage(items: readonly NotificationItem[], t: Translate): SlackMessage {
  const lines = items.slice(0, NOTIFICATIONS_PER_MESSAGE).map((item) => notificationLine(item, t));
  const blocks: KnownBlock[] = [];
  if (lines.length > 1) blocks.push({ type: "section", text: mrkdwn(t("notify.batch", { n: lines.length })) });
  // A line holds a title of 80 and an excerpt of 200 characters: far within a section's 3000.
  for (const line of lines) blocks.push({ type: "section", text: mrkdwn(line) });
  blocks.push({ type: "context", elements: [mrkdwn(t("notify.settings_hint"))] });
  // The fallback is what the desktop notification shows: the one line, or the count.
  const fallback = lines.length === 1 ? (lines[0] ?? "") : t("notify.batch", { n: lines.length });
  return { text: clip(fallback, 3000), blocks };
}
