// The managers' overview of balances (/balance and App Home), those needing attention first.
import type { KnownBlock } from "@slack/types";
import type { CustomerBalance } from "../../services/balance-overview.ts";
import type { Translate } from "../i18n/index.ts";
import type { SlackMessage } from "./case-message.ts";
import { escapeMrkdwn, mrkdwn, plain } from "./text.ts";

/** Rows shown in one message; the rest are counted, and the CSV export has them all. */
export const BALANCE_ROWS = 40;

export function balanceLine(b: CustomerBalance, t: Translate): string {
  const flag = b.attention ? ` ${t(`balance.attention.${b.attention}`)}` : "";
  const until = b.validUntil ? t("balance.valid_until", { date: b.validUntil, days: b.daysLeft ?? 0 }) : t("balance.no_valid_contract");
  return `*${escapeMrkdwn(b.name)}*${flag}\n${t("balance.figures", {
    available: b.available, purchased: b.purchased, consumed: b.consumed, reserved: b.reserved, open: b.openCases,
  })} · ${until}`;
}

export function balanceOverviewBlocks(rows: readonly CustomerBalance[], t: Translate): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "header", text: plain(t("balance.title"), 150) }];
  if (rows.length === 0) {
    blocks.push({ type: "section", text: mrkdwn(t("balance.empty")) });
    return blocks;
  }
  for (const row of rows.slice(0, BALANCE_ROWS)) blocks.push({ type: "section", text: mrkdwn(balanceLine(row, t)) });
  if (rows.length > BALANCE_ROWS) blocks.push({ type: "context", elements: [mrkdwn(t("balance.more", { n: rows.length - BALANCE_ROWS }))] });
  return blocks;
}

export function balanceMessage(rows: readonly CustomerBalance[], t: Translate): SlackMessage {
  return { text: t("balance.title"), blocks: balanceOverviewBlocks(rows, t) };
}
