// The managers' overview of balances (/balance and App Home), those needing attention first, each row with a way
// into the customer's contracts and ledger.
import type { KnownBlock } from "@slack/types";
import type { CustomerBalance } from "../../services/balance-overview.ts";
import type { Translate } from "../i18n/index.ts";
import { Actions, InsightIds } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { escapeMrkdwn, mrkdwn, plain } from "./text.ts";

/**
 * Rows shown in one message; the rest are counted (those needing attention always come first). With the header, the summary
 * and the "more" line, the overview takes at most 42 blocks: within a message's 50 and the share of the App Home
 * tab it is given.
 */
export const BALANCE_ROWS = 39;

/** Until when the customer is covered, and how many days are left to renew (R-CON-4). */
export function untilText(b: Pick<CustomerBalance, "validUntil" | "coveredUntil" | "daysLeft">, t: Translate): string {
  if (!b.validUntil) return t("balance.no_valid_contract");
  const days = b.daysLeft ?? 0;
  if (b.coveredUntil && b.coveredUntil !== b.validUntil) return t("contracts.line.renewed", { date: b.validUntil, until: b.coveredUntil, days });
  return t("contracts.line.until", { date: b.validUntil, days });
}

/** The customer's answer to the renewal notice, or that it is awaited (R-CON-4). */
function renewalFlag(b: CustomerBalance, t: Translate): string {
  if (!b.renewal) return "";
  return ` · ${b.renewal.answer ? t("balance.renewal.answered", { answer: b.renewal.answer }) : t("balance.renewal.unanswered")}`;
}

export function balanceLine(b: CustomerBalance, t: Translate): string {
  const flag = (b.attention ? ` ${t(`balance.attention.${b.attention}`)}` : "") + renewalFlag(b, t);
  return `*${escapeMrkdwn(b.name)}*${flag}\n${t("balance.figures", {
    available: b.available, purchased: b.purchased, consumed: b.consumed, reserved: b.reserved, open: b.openCases,
  })} · ${untilText(b, t)}`;
}

export function balanceOverviewBlocks(rows: readonly CustomerBalance[], t: Translate): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "header", text: plain(t("balance.title"), 150) }];
  if (rows.length === 0) {
    blocks.push({ type: "section", text: mrkdwn(t("balance.empty")) });
    return blocks;
  }
  const attention = rows.filter((r) => r.attention !== null).length;
  // The summary carries the SLA report's button as its accessory: no block more than before.
  blocks.push({
    type: "section", text: mrkdwn(t("contracts.overview.summary", { customers: rows.length, attention })),
    accessory: { type: "button", action_id: InsightIds.actions.slaReport, text: plain(t("sla.button"), 75), value: "overview" },
  });
  for (const row of rows.slice(0, BALANCE_ROWS)) {
    blocks.push({
      type: "section", block_id: `balance_row_${row.customerId}`, text: mrkdwn(balanceLine(row, t)),
      accessory: { type: "button", action_id: Actions.customerDetail, text: plain(t("contracts.button.detail"), 75), value: String(row.customerId) },
    });
  }
  if (rows.length > BALANCE_ROWS) blocks.push({ type: "context", elements: [mrkdwn(t("contracts.overview.more", { n: rows.length - BALANCE_ROWS }))] });
  return blocks;
}

export function balanceMessage(rows: readonly CustomerBalance[], t: Translate): SlackMessage {
  return { text: t("balance.title"), blocks: balanceOverviewBlocks(rows, t) };
}
