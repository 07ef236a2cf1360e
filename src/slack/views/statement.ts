// The usage statement (利用明細) as a message and as CSV. Pure: a statement in, Block Kit or CSV text out. The
// customer's words (case titles, notes) are escaped by the catalogue; the CSV guards them against spreadsheet formulas.
import type { KnownBlock } from "@slack/types";
import { BOM, csvLine } from "../../lib/csv.ts";
import type { ContractStatement, StatementCase, UsageStatement } from "../../services/usage-statement.ts";
import type { StatementPdfLabels } from "../../report/statement-pdf.ts";
import { enDate, jaDate } from "../i18n/dates.ts";
import type { Translate } from "../i18n/index.ts";
import type { SlackMessage } from "./case-message.ts";
import { clip, mrkdwn } from "./text.ts";

/** Case lines shown per contract in the message; the CSV has them all. */
export const STATEMENT_CASES = 40;

function detail(c: StatementCase, t: Translate): string {
  return [
    ...(c.consumed ? [t("statement.consumed", { n: c.consumed })] : []),
    ...(c.released ? [t("statement.released", { n: c.released })] : []),
    ...(c.reserved ? [t("statement.reserved", { n: c.reserved })] : []),
  ].join(" / ") || "0";
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const level = (l: string, t: Translate) => t(l === "A" ? "level.A" : "level.normal");

function contractBlocks(k: ContractStatement, t: Translate): KnownBlock[] {
  const head = [
    t("statement.contract", { id: k.contractId, from: k.startsOn, to: k.endsOn, status: t(`contracts.status.${k.status}`) }),
    t("statement.totals", k),
    ...(k.lapsed ? [t("statement.lapsed", { n: k.lapsed })] : []),
    ...k.credits.map((c) => t("statement.credit", { on: c.on, kind: t(`contracts.ledger.kind.${c.kind}`), amount: signed(c.amount), note: c.note ? clip(c.note, 80) : "" })),
  ];
  const lines = k.cases.slice(0, STATEMENT_CASES).map((c) => `${c.openedOn} ${t("statement.case", {
    number: c.number, title: clip(c.title, 60), level: level(c.level, t), outcome: t(`statement.outcome.${c.outcome}`), detail: detail(c, t),
  })}`);
  if (!lines.length) lines.push(t("statement.no_cases"));
  if (k.cases.length > STATEMENT_CASES) lines.push(t("statement.more", { n: k.cases.length - STATEMENT_CASES }));
  // Section text holds at most 3000 characters: the case lines go in as many sections as they need.
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + line.length + 1 <= 2900) chunks[chunks.length - 1] = `${last}\n${line}`;
    else chunks.push(line);
  }
  return [{ type: "section", text: mrkdwn(head.join("\n")) }, ...chunks.map((c): KnownBlock => ({ type: "context", elements: [mrkdwn(c)] }))];
}

export function statementMessage(s: UsageStatement, t: Translate): SlackMessage {
  const title = t("statement.title", { name: s.customerName, asOf: s.asOf });
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(title) }];
  if (!s.contracts.length) blocks.push({ type: "section", text: mrkdwn(t("statement.none")) });
  // Newest contracts first, within a message's 50 blocks.
  for (const k of [...s.contracts].reverse()) {
    const next = [{ type: "divider" } as KnownBlock, ...contractBlocks(k, t)];
    if (blocks.length + next.length > 50) break;
    blocks.push(...next);
  }
  return { text: title, blocks };
}

export function statementCsv(s: UsageStatement, t: Translate): string {
  let out = BOM + csvLine(t("statement.csv.header").split(","));
  for (const k of s.contracts) {
    const period = `${k.startsOn}..${k.endsOn}`;
    for (const c of k.credits) out += csvLine([k.contractId, period, t("statement.csv.credit"), c.on, "", "", "", "", t(`contracts.ledger.kind.${c.kind}`), "", "", "", c.amount, c.note ?? ""]);
    for (const c of k.cases) {
      out += csvLine([k.contractId, period, t("statement.csv.case"), c.openedOn, c.closedOn ?? "", c.number, c.title, level(c.level, t), t(`statement.outcome.${c.outcome}`), c.consumed, c.released, c.reserved, "", ""]);
    }
  }
  return out;
}

/** The statement button's value in a manager's customer detail ("customer:<id>"); the entry message's is "entry". */
export function statementValue(customerId: number): string {
  return `customer:${customerId}`;
}

export function customerIdOfStatementValue(value: string | undefined): number | null {
  const m = /^customer:(\d{1,12})$/.exec(value ?? "");
  return m ? Number(m[1]) : null;
}

/** The words of the statement's PDF in the reader's language; `contact` is SUPPORT_CONTACT. */
export function statementPdfLabels(t: Translate, locale: "ja" | "en", contact: string): StatementPdfLabels {
  const date = locale === "ja" ? jaDate : enDate;
  return {
    title: t("statement.pdf.title"),
    addressee: (name) => `${t("statement.pdf.before_name")}${name}${t("statement.pdf.after_name")}`,
    issuedOn: (d) => t("statement.pdf.issued_on", { date: d }),
    contract: (k) => t("statement.pdf.contract", { id: k.contractId, from: k.startsOn, to: k.endsOn, status: t(`contracts.status.${k.status}`) }),
    totals: (k) => t("statement.pdf.totals", k),
    validUntil: (d) => t("statement.pdf.valid", { until: d }),
    lapsed: (n) => t("statement.lapsed", { n }),
    credits: t("statement.pdf.credits"),
    cases: t("statement.pdf.cases"),
    noCases: t("statement.no_cases"),
    none: t("statement.none"),
    creditColumns: [t("statement.pdf.col.date"), t("statement.pdf.col.kind"), t("statement.pdf.col.amount"), t("statement.pdf.col.note")],
    caseColumns: [
      t("statement.pdf.col.opened"), t("statement.pdf.col.case"), t("statement.pdf.col.title"), t("statement.pdf.col.level"),
      t("statement.pdf.col.outcome"), t("statement.pdf.col.consumed"), t("statement.pdf.col.released"), t("statement.pdf.col.reserved"),
    ],
    creditKind: (kind) => t(`contracts.ledger.kind.${kind}`),
    level: (l) => level(l, t),
    outcome: (o) => t(`statement.outcome.${o}`),
    date,
    page: (page, total) => t("statement.pdf.page", { page, total }),
    contact,
  };
}

export function statementPdfFilename(s: UsageStatement): string {
  return `statement_${s.customerId}_${s.asOf}.pdf`;
}
