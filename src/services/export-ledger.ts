// The ledger of a period as CSV (R-CON-7), for managers' bookkeeping. UTF-8 with a byte-order mark so Excel in
// Japan opens Japanese names correctly, CRLF line ends, times as ISO 8601 in the business timezone.
import { DateTime } from "luxon";
import { contractPeriods } from "../db/contracts/contract-rows.ts";
import { customerRefs } from "../db/contracts/customers.ts";
import { ledgerPage } from "../db/contracts/ledger.ts";
import { caseNumber } from "../domain/case.ts";
import { addDays, isIsoDate } from "../domain/contract.ts";
import type { LedgerKind } from "../domain/ledger.ts";
import { BOM, csvLine } from "../lib/csv.ts";
import type { ServiceDeps } from "./deps.ts";

export type PeriodResult = { ok: true; from: string; to: string } | { ok: false; errors: Partial<Record<"from" | "to", "required" | "invalid" | "before_start">> };

export function validatePeriod(from: string | null | undefined, to: string | null | undefined): PeriodResult {
  const errors: Extract<PeriodResult, { ok: false }>["errors"] = {};
  const f = from?.trim() ?? "";
  const t = to?.trim() ?? "";
  if (!f) errors.from = "required";
  else if (!isIsoDate(f)) errors.from = "invalid";
  if (!t) errors.to = "required";
  else if (!isIsoDate(t)) errors.to = "invalid";
  else if (!errors.from && t < f) errors.to = "before_start";
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, from: f, to: t };
}

export interface CsvLabels {
  header: readonly [string, string, string, string, string, string, string, string, string, string];
  kind(kind: LedgerKind): string;
}

export const ENGLISH_LABELS: CsvLabels = {
  header: ["entry", "time", "customer", "contract", "contract period", "kind", "incidents", "case", "by", "reason"],
  kind: (k) => k,
};

const PAGE = 5_000;

/**
 * The CSV in chunks (header first), oldest entry first, for the local dates from..to inclusive. Read page by page
 * by id, so a large period never sits in memory at once.
 */
export async function* ledgerCsv(deps: Pick<ServiceDeps, "db" | "calendar">, period: { from: string; to: string }, labels: CsvLabels = ENGLISH_LABELS, stats?: { entries: number }): AsyncGenerator<string> {
  const zone = deps.calendar.timezone;
  const start = deps.calendar.startOfDay(period.from);
  const end = deps.calendar.startOfDay(addDays(period.to, 1));
  const client = deps.db.client;
  const [customers, contracts] = await Promise.all([
    customerRefs(client),
    contractPeriods(client),
  ]);
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const periods = new Map(contracts.map((c) => [c.id, `${c.startsOn}..${c.endsOn}`]));
  yield BOM + csvLine(labels.header);
  let after = 0;
  for (;;) {
    const page = await ledgerPage(client, after, { gte: start, lt: end }, PAGE);
    if (page.length === 0) return;
    let chunk = "";
    for (const e of page) {
      chunk += csvLine([
        e.id,
        DateTime.fromJSDate(e.createdAt, { zone }).toISO({ suppressMilliseconds: true }),
        names.get(e.customerId) ?? e.customerId,
        e.contractId,
        periods.get(e.contractId) ?? "",
        labels.kind(e.kind),
        e.amount,
        e.caseId === null ? null : caseNumber(e.caseId),
        e.actorId,
        e.reason,
      ]);
    }
    if (stats) stats.entries += page.length;
    yield chunk;
    after = page.at(-1)?.id ?? after;
    if (page.length < PAGE) return;
  }
}

/** The whole CSV as bytes, with the number of entries in it. */
export async function ledgerCsvFile(deps: Pick<ServiceDeps, "db" | "calendar">, period: { from: string; to: string }, labels?: CsvLabels): Promise<{ content: Buffer; entries: number }> {
  const parts: string[] = [];
  const stats = { entries: 0 };
  for await (const chunk of ledgerCsv(deps, period, labels, stats)) parts.push(chunk);
  return { content: Buffer.from(parts.join(""), "utf8"), entries: stats.entries };
}
