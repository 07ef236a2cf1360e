// `outbox purge --before DATE`: the outbox keeps every message it delivered, so that a busy installation's table
// grows without end. This deletes delivered ones written before a date, never one still waiting, held or set
// aside, and never anything still needed: once-only keys stay (nothing sent is written again) and what customers
// wrote lives in its own tables. Safe while the app runs.
import { DateTime } from "luxon";
import { purgeableCounts, purgeDelivered } from "../../db/outbox.ts";
import { parseFlags } from "../args.ts";
import { CliError, type CliContext } from "../context.ts";

export const usage = `npm run cli -- outbox purge --before DATE [--dry-run]

  Deletes messages already delivered to Slack that were written before DATE: a day (YYYY-MM-DD, from midnight
  in BUSINESS_TIMEZONE) or a time (2026-11-01T09:00, 2026-11-01T00:00Z). DATE must not be later than now.
  Messages waiting, held or set aside are kept whatever their age (see: outbox list).
  --dry-run  only count what would be deleted`;

export async function outboxPurge(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, { before: { type: "string" }, "dry-run": { type: "boolean" } });
  if (values.before === undefined) throw new CliError("--before: needs a date, such as --before 2026-11-01 (see --help)");
  const now = ctx.deps.clock.now();
  const before = beforeFlag(values.before, ctx.config.timezone);
  if (before > now) throw new CliError(`--before: ${values.before} is later than now; only messages written in the past can be purged`);
  const counts = await purgeableCounts(ctx.deps.db, before);
  const kept = `kept: ${counts.kept.waiting} waiting, ${counts.kept.held} held, ${counts.kept.setAside} set aside`;
  if (values["dry-run"]) {
    ctx.out(`would delete ${counts.delivered} delivered message${counts.delivered === 1 ? "" : "s"} written before ${before.toISOString()} (${kept}); dry run: nothing is deleted`);
    return;
  }
  const deleted = await purgeDelivered(ctx.deps.db, before, now);
  ctx.out(`deleted ${deleted} delivered message${deleted === 1 ? "" : "s"} written before ${before.toISOString()} (${kept})`);
}

function beforeFlag(value: string, zone: string): Date {
  const text = value.trim();
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text)
    ? DateTime.fromISO(text, { zone }).startOf("day")
    : DateTime.fromISO(text.replace(" ", "T"), { zone });
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || !parsed.isValid) {
    throw new CliError(`--before: a date such as 2026-11-01 or a time such as 2026-11-01T09:00, got "${value}"`);
  }
  return parsed.toJSDate();
}
