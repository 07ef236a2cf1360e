// `report statement`: a customer's usage statement (利用明細) as CSV or PDF, for managers who send it by mail or
// archive it.
import { writeFileSync } from "node:fs";
import { usageStatement } from "../../services/usage-statement.ts";
import { translator } from "../../slack/i18n/index.ts";
import { renderStatementPdf } from "../../report/statement-pdf.ts";
import { statementCsv, statementPdfLabels } from "../../slack/views/statement.ts";
import { parseFlags } from "../args.ts";
import { CliError, type CliContext } from "../context.ts";
import { customerNamed } from "../resolve.ts";

export const usage = `npm run cli -- report statement --customer NAME [--contract N] [--out FILE] [--format csv|pdf] [--locale ja|en]

  Writes the usage statement of a customer as CSV or PDF: each purchase, addition and correction, and each case with
  the incidents it consumed, released or still holds, the balance and the validity. Without --contract: the
  contracts in force (or the latest one). The format follows --out's extension unless --format says; without --out
  the CSV goes to standard output (a PDF needs --out).`;

export async function reportStatement(ctx: CliContext, args: string[], write: (chunk: string) => void): Promise<void> {
  const values = parseFlags(args, { customer: { type: "string" }, contract: { type: "string" }, out: { type: "string" }, format: { type: "string" }, locale: { type: "string" } });
  const customer = await customerNamed(ctx, values.customer);
  const locale = values.locale ?? ctx.config.defaultLocale;
  if (locale !== "ja" && locale !== "en") throw new CliError(`--locale: ja or en, got "${locale}"`);
  const format = values.format ?? (values.out?.toLowerCase().endsWith(".pdf") ? "pdf" : "csv");
  if (format !== "csv" && format !== "pdf") throw new CliError(`--format: csv or pdf, got "${format}"`);
  if (format === "pdf" && !values.out) throw new CliError("--format pdf: give --out FILE (a PDF is not written to standard output)");
  let contractId: number | undefined;
  if (values.contract !== undefined) {
    contractId = Number(values.contract.replace(/^#/, ""));
    if (!Number.isSafeInteger(contractId) || contractId <= 0) throw new CliError(`--contract: must be a contract number, got "${values.contract}"`);
  }
  const statement = await usageStatement(ctx.deps, { customerId: customer.id, ...(contractId !== undefined ? { contractId } : {}) });
  if (!statement) throw new CliError(`--customer: no customer named "${values.customer}"`);
  if (contractId !== undefined && statement.contracts.length === 0) throw new CliError(`--contract: ${customer.name} has no contract #${contractId}`);
  const t = translator(locale);
  if (format === "pdf") {
    writeFileSync(values.out!, await renderStatementPdf(statement, statementPdfLabels(t, locale, ctx.config.contact), locale), { mode: 0o600 });
    ctx.out(`wrote the usage statement of ${customer.name} (${statement.contracts.length} contracts) as PDF to ${values.out}`);
    return;
  }
  const csv = statementCsv(statement, t);
  if (!values.out) return write(csv);
  writeFileSync(values.out, csv, { mode: 0o600 });
  ctx.out(`wrote the usage statement of ${customer.name} (${statement.contracts.length} contracts) to ${values.out}`);
}
