// A full export of the data T4U owns: customers, channels, contracts, ledger, cases and their events. Rows are
// read in id order in pages, so an export of millions of ledger entries never holds them all in memory.
import type { ServiceDeps } from "./deps.ts";

export type ExportTable = "customers" | "channels" | "contracts" | "ledger" | "cases" | "case_events";
export const EXPORT_TABLES: readonly ExportTable[] = ["customers", "channels", "contracts", "ledger", "cases", "case_events"];

const PAGE = 2_000;

type Row = Record<string, unknown>;

function reader(deps: Pick<ServiceDeps, "db">, table: ExportTable): (afterId: number) => Promise<Row[]> {
  const db = deps.db.client;
  const page = { where: {}, orderBy: { id: "asc" as const }, take: PAGE };
  const after = (id: number) => ({ ...page, where: { id: { gt: id } } });
  switch (table) {
    case "customers": return (id) => db.customer.findMany(after(id));
    case "channels": return (id) => db.customerChannel.findMany(after(id));
    case "contracts": return (id) => db.contract.findMany(after(id));
    case "ledger": return (id) => db.ledgerEntry.findMany(after(id));
    // Message bodies are exported as the cases' own text; the thread messages stay in Slack.
    case "cases": return (id) => db.case.findMany(after(id));
    case "case_events": return (id) => db.caseEvent.findMany(after(id));
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
