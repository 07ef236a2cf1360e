import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { BOM, csvLine } from "../../lib/csv.ts";
import { EXPORT_TABLES, exportRows } from "../../services/export-data.ts";
import { CliError, type CliContext } from "../context.ts";
import { parseFlags } from "../args.ts";

export const usage = `npm run cli -- export --out DIR [--format csv|json]

  Writes one file per table (customers, channels, contracts, ledger, cases, case_events) into DIR:
  CSV (UTF-8 with BOM, for spreadsheets) or JSON Lines (one object per line, for programs). Default: csv.`;

export async function exportData(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, { out: { type: "string" }, format: { type: "string" } });
  const format = values.format ?? "csv";
  if (format !== "csv" && format !== "jsonl" && format !== "json") throw new CliError("--format must be csv or json");
  if (!values.out) throw new CliError("--out DIR is required");
  mkdirSync(values.out, { recursive: true });
  for (const table of EXPORT_TABLES) {
    const file = join(values.out, `${table}.${format === "csv" ? "csv" : "jsonl"}`);
    const out = createWriteStream(file, { mode: 0o600 });
    let count = 0;
    let header: string[] | null = null;
    for await (const row of exportRows(ctx.deps, table)) {
      let line: string;
      if (format === "csv") {
        if (!header) {
          header = Object.keys(row);
          await write(out, BOM + csvLine(header));
        }
        line = csvLine(header.map((k) => row[k]));
      } else {
        line = `${JSON.stringify(row)}\n`;
      }
      await write(out, line);
      count += 1;
    }
    out.end();
    await once(out, "finish");
    ctx.out(`${table}: ${count} rows → ${file}`);
  }
}

async function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, "drain");
}
