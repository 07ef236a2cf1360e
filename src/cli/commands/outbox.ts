// `outbox list` and `outbox retry`: what the app has not delivered to Slack, and sending held messages again once
// their cause is fixed (the app invited back into a channel, a channel unarchived, a new token deployed). The
// running app picks released messages up on its next poll (a few seconds); this command never calls Slack itself.
import { listUndelivered, type OutboxListing } from "../../db/outbox.ts";
import { releaseHeldMessages } from "../../services/release-held-messages.ts";
import { parseFlags } from "../args.ts";
import { CliError, type CliContext } from "../context.ts";

export const usage = `npm run cli -- outbox list [--held | --failed] [--channel C] [--limit N]
npm run cli -- outbox retry [--id N | --channel C]

  list    messages not yet delivered to Slack, oldest first: waiting (with their tries so far), held (Slack
          refuses them for now: the app is not in the channel, the channel is archived, the token is refused)
          or, with --failed, set aside (Slack will never take them as they are).
          --held / --failed  only those;  --channel C  one channel;  --limit N  at most N lines (default 100)
  retry   sends held messages again, in their channel's order: every held message, those of one channel
          (--channel C), or one message by its number (--id N, also one that was set aside). A message still
          refused is held again and reported in the triage channel.`;

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

export async function outboxList(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, { held: { type: "boolean" }, failed: { type: "boolean" }, channel: { type: "string" }, limit: { type: "string" } });
  if (values.held && values.failed) throw new CliError("--held and --failed: choose one");
  const channelId = values.channel !== undefined ? channelFlag(values.channel) : undefined;
  const limit = values.limit !== undefined ? positive("--limit", values.limit) : 100;
  const state = values.held ? "held" : values.failed ? "failed" : "pending";
  const rows = await listUndelivered(ctx.deps.db, { state, limit, ...(channelId ? { channelId } : {}) });
  if (rows.length === 0) {
    ctx.out(state === "held" ? "nothing is held" : state === "failed" ? "nothing was set aside" : "nothing is waiting");
    return;
  }
  const table = [["id", "channel", "kind", "case", "state", "written"], ...rows.map((r) => [
    String(r.id), r.channelId, r.kind, r.caseId === null ? "-" : String(r.caseId), describe(r), r.createdAt.toISOString(),
  ])];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => (row[i] ?? "").length)));
  for (const row of table) ctx.out(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd());
}

export async function outboxRetry(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, { id: { type: "string" }, channel: { type: "string" } });
  if (values.id !== undefined && values.channel !== undefined) throw new CliError("--id and --channel: choose one");
  const filter = values.id !== undefined ? { id: positive("--id", values.id) }
    : values.channel !== undefined ? { channelId: channelFlag(values.channel) } : {};
  const released = await releaseHeldMessages(ctx.deps, filter);
  if (released === 0) {
    throw new CliError(values.id !== undefined ? `--id ${values.id}: no held or set-aside message with this number (see: outbox list --held, outbox list --failed)`
      : "nothing is held" + (values.channel !== undefined ? ` in ${values.channel}` : ""), values.id !== undefined ? 2 : 1);
  }
  ctx.out(`released ${released} message${released === 1 ? "" : "s"}; the running app sends ${released === 1 ? "it" : "them"} within a few seconds`);
}

function describe(r: OutboxListing): string {
  if (r.failedAt) return `set aside ${r.failedAt.toISOString()}: ${r.lastError ?? "?"}`;
  if (r.heldAt) return `held since ${r.heldAt.toISOString()}: ${r.heldCause ?? "?"}`;
  return r.attempts === 0 ? "waiting" : `waiting, ${r.attempts} tr${r.attempts === 1 ? "y" : "ies"}: ${r.lastError ?? "in flight"}`;
}

function channelFlag(value: string): string {
  const id = value.trim();
  if (!CHANNEL_ID.test(id)) throw new CliError(`--channel: a Slack channel id such as C0123ABCD, got "${value}"`);
  return id;
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new CliError(`${flag}: a whole number of 1 or more, got "${value}"`);
  return n;
}
