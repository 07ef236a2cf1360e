// The SLA report as CSV (the command line, managers' direct message) and as message lines. Pure.
import type { KnownBlock } from "@slack/types";
import { BOM, csvLine } from "../../lib/csv.ts";
import type { SlaRow } from "../../services/sla-report.ts";
import type { Translate } from "../i18n/index.ts";
import type { SlackMessage } from "./case-message.ts";
import { mrkdwn } from "./text.ts";

export function slaCsv(rows: readonly SlaRow[], t: Translate): string {
  let out = BOM + csvLine(t("sla.csv.header").split(","));
  for (const r of rows) {
    out += csvLine([
      r.month, r.customerName ?? t("sla.all_customers"), r.cases, r.responded, r.firstResponseP50, r.firstResponseP90, r.breaches,
      r.ended, r.resolutionP50, r.resolutionP90, r.ratings, r.ratingAverage,
    ]);
  }
  return out;
}

const figure = (n: number | null) => (n === null ? "—" : String(n));

/** The overall line of each month (customers are in the CSV): a month per line, within a message's limits. */
export function slaMessage(rows: readonly SlaRow[], period: { from: string; to: string }, t: Translate): SlackMessage {
  const title = t("sla.title", period);
  const lines = rows.filter((r) => r.customerId === null).map((r) => t("sla.line", {
    month: r.month, who: t("sla.all_customers"), cases: r.cases, p50: figure(r.firstResponseP50), p90: figure(r.firstResponseP90),
    breaches: r.breaches, r50: figure(r.resolutionP50), r90: figure(r.resolutionP90), rating: r.ratingAverage === null ? "—" : `${r.ratingAverage} / 5`,
  }));
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(title) }, { type: "section", text: mrkdwn(lines.length ? lines.slice(0, 24).join("\n") : t("sla.none")) }];
  return { text: title, blocks };
}
