// `report render` writes any version of a case's formal report as a PDF file, for archives — the latest version, a
// saved version by number, or an edition as it was delivered. Undelivered versions are marked as drafts.
import { writeFileSync } from "node:fs";
import { renderReportPdf } from "../../report/pdf.ts";
import { reportDocument } from "../../services/report-document.ts";
import { reportLabels } from "../../slack/views/report-labels.ts";
import { parseFlags } from "../args.ts";
import { CliError, type CliContext } from "../context.ts";

export const usage = `npm run cli -- report render --case N --out FILE [--version N | --edition N]

  Writes one version of case N's formal report as an A4 PDF, in the language it was written in.
  Without --version or --edition: the latest saved version. --edition N: the edition delivered as 第N版.`;

function positive(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/^#/, ""));
  if (!Number.isSafeInteger(n) || n <= 0) throw new CliError(`${flag}: must be a positive whole number, got "${value}"`);
  return n;
}

export async function reportRender(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, { case: { type: "string" }, out: { type: "string" }, version: { type: "string" }, edition: { type: "string" } });
  const caseId = positive(values.case, "--case");
  if (caseId === undefined) throw new CliError("--case: required (the case number, e.g. --case 12)");
  if (!values.out) throw new CliError("--out: required (the PDF file to write)");
  const version = positive(values.version, "--version");
  const edition = positive(values.edition, "--edition");
  if (version !== undefined && edition !== undefined) throw new CliError("--version and --edition: give one of them, not both");
  const found = await reportDocument(ctx.deps, { caseId, ...(version !== undefined ? { version } : {}), ...(edition !== undefined ? { edition } : {}) });
  if (!found.ok) {
    const why = found.reason === "no_report" ? `case ${caseId} has no report` : found.reason === "no_such_version" ? `case ${caseId}'s report has no such version or edition` : `case ${caseId}'s report could not be read`;
    throw new CliError(`--case: ${why}`);
  }
  const r = found.rendering;
  const pdf = await renderReportPdf({ ...r, contact: ctx.config.contact, labels: reportLabels(r.locale) });
  writeFileSync(values.out, pdf, { mode: 0o600 });
  const what = r.edition !== null ? `edition ${r.edition} (version ${r.version})` : `version ${r.version} (not delivered)`;
  ctx.out(`wrote the report of case ${caseId}, ${what}, ${pdf.length} bytes, to ${values.out}`);
}
