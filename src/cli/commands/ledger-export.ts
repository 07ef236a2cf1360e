import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { ledgerCsv, validatePeriod } from "../../services/export-ledger.ts";
import { inputError } from "../contract-errors.ts";
import type { CliContext } from "../context.ts";
import { parseFlags } from "../args.ts";

export const usage = `npm run cli -- ledger export --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE]

  Writes every ledger entry of the period (local dates, both included) as CSV: UTF-8 with a byte-order mark,
  a header row, times in the business timezone. Without --out the CSV goes to standard output.`;

export async function ledgerExport(ctx: CliContext, args: string[], write: (chunk: string) => void): Promise<void> {
  const values = parseFlags(args, { from: { type: "string" }, to: { type: "string" }, out: { type: "string" } });
  const period = validatePeriod(values.from, values.to);
  if (!period.ok) throw inputError(period.errors, { from: "--from", to: "--to" });
  const stats = { entries: 0 };
  if (!values.out) {
    for await (const chunk of ledgerCsv(ctx.deps, period, undefined, stats)) write(chunk);
    return;
  }
  const file = createWriteStream(values.out, { mode: 0o600 });
  for await (const chunk of ledgerCsv(ctx.deps, period, undefined, stats)) {
    if (!file.write(chunk)) await once(file, "drain");
  }
  file.end();
  await once(file, "finish");
  ctx.out(`wrote ${stats.entries} ledger entries from ${period.from} to ${period.to} to ${values.out}`);
}
