// A full export of the data T4U owns: customers, channels, contracts, ledger, cases and their events. Rows are
// read in id order in pages, so an export of millions of ledger entries never holds them all in memory.
import { caseEventsAfter, casesAfter } from "../db/cases/statements.ts";
import { channelsAfter } from "../db/channels/statements.ts";
import { contractsAfter } from "../db/contracts/contract-rows.ts";
import { customersAfter } from "../db/contracts/customers.ts";
import { ledgerAfter } from "../db/contracts/ledger.ts";
import type { ServiceDeps } from "./deps.ts";

export type ExportTable = "customers" | "channels" | "contracts" | "ledger" | "cases" | "case_events";
export const EXPORT_TABLES: readonly ExportTable[] = ["customers", "channels", "contracts", "ledger", "cases", "case_events"];

const PAGE = 2_000;

type Row = Record<string, unknown>;

function reader(deps: Pick<ServiceDeps, "db">, table: ExportTable): (afterId: number) => Promise<Row[]> {
  const db = deps.db.client;
  switch (table) {
    case "customers": return (id) => customersAfter(db, id, PAGE);
    case "channels": return (id) => channelsAfter(db, id, PAGE);
    case "contracts": return (id) => contractsAfter(db, id, PAGE);
    case "ledger": return (id) => ledgerAfter(db, id, PAGE);
    // Message bodies are exported as the cases' own text; the thread messages stay in Slack.
    case "cases": return (id) => casesAfter(db, id, PAGE);
    case "case_events": return (id) => caseEventsAfter(db, id, PAGE);
  }
}

export async function* exportRows(deps: Pick<ServiceDeps, "db">, table: ExportTable): AsyncGenerator<Row> {
  const read = reader(deps, table);
  let lastId = 0;
  for (;;) {
    const rows = await read(lastId);
    for (const row of rows) yield row;
    if (rows.length < PAGE) return;
    lastId = Number(rows.at(-1)?.id);
  }
}
