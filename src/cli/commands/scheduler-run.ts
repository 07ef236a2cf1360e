// `scheduler run`: one scheduler pass as of a given time, printing each duty as it is done (or, with --dry-run,
// what would be done) and a summary. Operators use it to see what is coming ("what closes tomorrow?"); tests
// use it to drive passes from separate processes.
import { DateTime } from "luxon";
import { runPass, summarize } from "../../scheduler/pass.ts";
import type { JobOutcome } from "../../services/scheduled-job.ts";
import { CliError, type CliContext } from "../context.ts";
import { parseFlags } from "../args.ts";

export const usage = `npm run cli -- scheduler run [--as-of TIME] [--dry-run] [--allow-future]

  Runs one scheduler pass as of TIME (default: now) and prints one line per duty and a summary: reminders and
  alerts, delay notices, automatic closes, renewal, end and exhausted notices.
  TIME is ISO 8601: 2026-05-14T16:00, 2026-05-14 (start of that day) or with an offset (…+09:00, …Z);
  without an offset it is read in the business timezone (BUSINESS_TIMEZONE).
  --dry-run       write nothing; show what the pass would do ("what will close tomorrow?")
  --allow-future  run for real as of a future time (tests, staging): it sends notices and closes cases early`;

/** How far ahead of the clock an as-of time may be for a real run without --allow-future (clock skew). */
const FUTURE_TOLERANCE_MS = 60_000;

const LABEL: Record<JobOutcome["result"], [real: string, dry: string]> = {
  done: ["done", "would"], skipped: ["skipped", "skip"], taken: ["taken", "taken"], not_due: ["not due", "not due"], failed: ["FAILED", "FAILED"],
};

export async function schedulerRun(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, { "as-of": { type: "string" }, "dry-run": { type: "boolean" }, "allow-future": { type: "boolean" } });
  const zone = ctx.deps.calendar.timezone;
  const systemNow = ctx.deps.clock.now();
  let asOf = systemNow;
  if (values["as-of"] !== undefined) {
    const parsed = DateTime.fromISO(values["as-of"].trim().replace(" ", "T"), { zone });
    if (!parsed.isValid) throw new CliError(`--as-of must be an ISO 8601 time such as 2026-05-14T16:00 or 2026-05-14T07:00Z, got "${values["as-of"]}"`);
    asOf = parsed.toJSDate();
  }
  const dryRun = values["dry-run"] ?? false;
  if (!dryRun && !values["allow-future"] && asOf.getTime() > systemNow.getTime() + FUTURE_TOLERANCE_MS) {
    throw new CliError("--as-of is in the future: a real run would send notices and close cases early. " +
      "Add --dry-run to preview, or --allow-future if that is really meant (tests, staging).");
  }

  const local = DateTime.fromJSDate(asOf, { zone }).toFormat("yyyy-MM-dd HH:mm");
  ctx.out(`scheduler pass as of ${local} ${zone} (${asOf.toISOString()})${dryRun ? ", dry run: nothing is written" : ""}`);
  const report = await runPass({ ...ctx.deps, clock: { now: () => asOf } }, {
    dryRun, contact: ctx.config.contact,
    onOutcome: (o) => ctx.out(`${o.job.padEnd(24)} ${o.subject.padEnd(28)} ${(dryRun ? LABEL[o.result][1] : LABEL[o.result][0]).padEnd(8)} ${o.detail}`),
  });
  const counts = summarize(report);
  const parts = dryRun
    ? [`${counts.done} would be done`, `${counts.skipped} would be skipped`]
    : [`${counts.done} done`, `${counts.skipped} skipped`, `${counts.taken} already taken`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  ctx.out(`summary: ${report.outcomes.length ? parts.join(", ") : "nothing due"}`);
  if (counts.failed) throw new CliError(`${counts.failed} dut${counts.failed === 1 ? "y" : "ies"} failed; they stay due and the next pass tries again`, 1);
}
