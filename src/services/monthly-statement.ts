// The usage statement posted in a customer channel on the first business morning of each month, for channels a
// manager turned it on in (off by default): the month before in figures (cases opened and ended, incidents consumed
// and released) and the balance and validity of the contracts in force, with where to find each case's line. The
// claim is the conditional update of the channel's last posted month, in the transaction that writes the message:
// with several replicas only one update matches.
import { casesEndedIn, casesOpenedIn } from "../db/cases/statements.ts";
import { channelsDueStatement, claimStatementMonth, statementSetting, switchStatementMonthly } from "../db/channels/statements.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { settledInSpan } from "../db/contracts/ledger.ts";
import { enqueue } from "../db/outbox.ts";
import { summarize } from "../domain/contract.ts";
import { monthlyStatementDue, previousMonth, statementMonthDue } from "../domain/monthly-statement.ts";
import { nextMonthStart } from "../domain/usage-chart.ts";
import type { ServiceDeps } from "./deps.ts";
import type { ChannelNoticeParams } from "./notices.ts";
import type { JobInput, JobOutcome } from "./scheduled-job.ts";

export type MonthlyStatementParams = ChannelNoticeParams["notice.monthly_statement"];

/** Every channel with the monthly statement on that has not had this month's yet, once it is due. */
export async function postMonthlyStatements(deps: ServiceDeps, input: JobInput = {}): Promise<JobOutcome[]> {
  const now = deps.clock.now();
  const month = statementMonthDue(now, deps.calendar);
  const channels = await channelsDueStatement(deps.db.client, month);
  const outcomes: JobOutcome[] = [];
  for (const channel of channels) {
    const outcome = (result: JobOutcome["result"], detail: string): JobOutcome => ({ job: "monthly-statement", subject: `${channel.channelId} ${month}`, result, detail });
    const params = await statementParams(deps, channel.customerId, channel.customer.name, previousMonth(month));
    if (input.dryRun) {
      outcomes.push(outcome("done", `would post the usage statement of ${params.month}`));
      continue;
    }
    const posted = await deps.db.transaction(async (tx) => {
      if (!await claimStatementMonth(tx, channel.channelId, month)) return false;
      await enqueue(tx, channel.channelId, { kind: "channel.notice", notice: "notice.monthly_statement", params }, { at: now, dedupeKey: `statement.monthly:${channel.channelId}:${month}` });
      return true;
    });
    outcomes.push(posted ? outcome("done", `posted the usage statement of ${params.month}`) : outcome("taken", "already posted by another process"));
  }
  if (outcomes.some((o) => o.result === "done") && !input.dryRun) deps.onOutbox?.();
  return outcomes;
}

/** What the statement of one month says: the month in figures and the balance now. */
async function statementParams(deps: ServiceDeps, customerId: number, name: string, month: string): Promise<MonthlyStatementParams> {
  const cal = deps.calendar;
  const range = { gte: cal.startOfDay(`${month}-01`), lt: cal.startOfDay(nextMonthStart(month)) };
  const client = deps.db.client;
  const [opened, ended, settled, contracts] = await Promise.all([
    casesOpenedIn(client, range, customerId),
    casesEndedIn(client, range, customerId),
    settledInSpan(client, range, customerId),
    contractsOf(client, customerId),
  ]);
  const balance = summarize(contracts, cal.localDate(deps.clock.now()));
  return {
    name, month, casesOpened: opened, casesEnded: ended, consumed: settled.consumed, released: settled.released,
    purchased: balance.purchased, reserved: balance.reserved, available: balance.available, validUntil: balance.validUntil ?? "",
  };
}

export type SetStatementMonthlyResult =
  | { ok: true; on: boolean; changed: boolean; firstPostOn: Date | null }
  | { ok: false; reason: "unknown_channel" };

/**
 * A manager turns the monthly statement of a channel on or off. Turned on, the first one goes out on the next first
 * business morning to come: a month already due is not posted late because of the switch.
 */
export async function setStatementMonthly(deps: Pick<ServiceDeps, "db" | "calendar" | "clock">, input: { channelId: string; on: boolean }): Promise<SetStatementMonthlyResult> {
  const now = deps.clock.now();
  const due = statementMonthDue(now, deps.calendar);
  const channel = await statementSetting(deps.db.client, input.channelId);
  if (!channel) return { ok: false, reason: "unknown_channel" };
  const firstPostOn = input.on ? monthlyStatementDue(nextMonthStart(due).slice(0, 7), deps.calendar) : null;
  if (channel.statementMonthly === input.on) return { ok: true, on: input.on, changed: false, firstPostOn };
  await switchStatementMonthly(deps.db.client, input.channelId, input.on, due);
  return { ok: true, on: input.on, changed: true, firstPostOn };
}
