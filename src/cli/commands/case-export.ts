// `case export N`: one case's transcript (messages with author role and time, events, incidents, files) as
// Markdown or JSON, to a file or to standard output, for archives and for answering a customer who asks.
import { writeFileSync } from "node:fs";
import { caseTranscript } from "../../services/case-transcript.ts";
import { translator } from "../../slack/i18n/index.ts";
import { transcriptFile } from "../../slack/views/transcript.ts";
import { parseFlags } from "../args.ts";
import { CliError, type CliContext } from "../context.ts";

export const usage = `npm run cli -- case export N [--format md|json] [--out FILE] [--locale ja|en]

  Writes case N's transcript (N as 12 or #0012): every thread message with its author's role and time, the case's
  events, its incidents per contract and its files. Markdown (default) in the case channel's language unless
  --locale says otherwise, or JSON. Without --out it goes to standard output.`;

export async function caseExport(ctx: CliContext, args: string[]): Promise<void> {
  const [first, ...rest] = args;
  if (first === undefined || first.startsWith("--")) throw new CliError("case export: the case number is required (e.g. case export 12)");
  const caseId = Number(first.replace(/^#/, ""));
  if (!Number.isSafeInteger(caseId) || caseId <= 0) throw new CliError(`case export: the case number must be a positive whole number, got "${first}"`);
  const values = parseFlags(rest, { format: { type: "string" }, out: { type: "string" }, locale: { type: "string" } });
  const format = values.format ?? "md";
  if (format !== "md" && format !== "json") throw new CliError(`--format: md or json, got "${format}"`);
  if (values.locale !== undefined && values.locale !== "ja" && values.locale !== "en") throw new CliError(`--locale: ja or en, got "${values.locale}"`);
  const transcript = await caseTranscript(ctx.deps, caseId);
  if (!transcript) throw new CliError(`case export: there is no case ${caseId}`);
  const locale = values.locale === "en" || values.locale === "ja" ? values.locale : transcript.case.locale;
  const file = transcriptFile(transcript, format, ctx.config.timezone, translator(locale));
  if (!values.out) {
    ctx.out(file.content.trimEnd());
    return;
  }
  writeFileSync(values.out, file.content, { mode: 0o600 });
  ctx.out(`wrote the transcript of case ${caseId} (${transcript.messages.length} messages, ${transcript.files.length} files) to ${values.out}`);
}
