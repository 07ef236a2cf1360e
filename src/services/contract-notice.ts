// What the notices about a contract have in common (R-CON-4): each is claimed by setting its column on the
// contract (renewalNoticeAt, endNoticeAt, exhaustedNoticeAt: when it was handled) with an update conditional on
// it being unset, in the transaction that writes the messages. Only one replica's update matches.
import type { Tx } from "../db/client.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { claimContractNotice, contractWithChannels, type NoticeColumn } from "../db/contracts/contract-rows.ts";
import type { ServiceDeps } from "./deps.ts";
import { TAKEN, type JobInput, type JobName, type JobOutcome } from "./scheduled-job.ts";

export type { NoticeColumn };

export interface ContractNoticeInput extends JobInput {
  contractId: number;
  /** How customers reach T4U about contracts (configured text, shown in the notice). */
  contact: string;
}

async function loadContext(db: Tx, contractId: number) {
  const contract = await contractWithChannels(db, contractId);
  if (!contract) return null;
  return { contract, customer: contract.customer, channels: contract.customer.channels.map((c) => c.channelId), all: await contractsOf(db, contract.customerId) };
}

export type ContractContext = NonNullable<Awaited<ReturnType<typeof loadContext>>>;

/** send: post the notice; skip: mark it handled without a message; not_due: leave it for a later pass. */
export type NoticePlan = { kind: "send" | "skip" | "not_due"; detail: string };

export interface ContractNoticeJob {
  job: JobName;
  column: NoticeColumn;
  plan(ctx: ContractContext, today: string, now: Date): NoticePlan;
  act(tx: Tx, ctx: ContractContext, today: string, now: Date): Promise<void>;
}

export function managersRoute(deps: Pick<ServiceDeps, "triageChannel">): string {
  return deps.triageChannel ? "triage channel" : "nowhere (no triage channel)";
}

export async function runContractNotice(deps: ServiceDeps, spec: ContractNoticeJob, input: ContractNoticeInput): Promise<JobOutcome> {
  const now = deps.clock.now();
  const today = deps.calendar.localDate(now);
  const outcome = (ctx: ContractContext | null, result: JobOutcome["result"], detail: string): JobOutcome =>
    ({ job: spec.job, subject: `contract ${input.contractId}${ctx ? ` ${ctx.customer.name}` : ""}`, result, detail });
  const decide = (ctx: ContractContext | null): JobOutcome | NoticePlan => {
    if (!ctx) return outcome(null, "taken", "no such contract");
    if (ctx.contract[spec.column]) return outcome(ctx, "taken", input.dryRun ? "already handled" : TAKEN);
    return spec.plan(ctx, today, now);
  };
  if (input.dryRun) {
    const ctx = await loadContext(deps.db.client, input.contractId);
    const plan = decide(ctx);
    if ("job" in plan) return plan;
    return outcome(ctx, plan.kind === "send" ? "done" : plan.kind === "skip" ? "skipped" : "not_due", plan.detail);
  }
  const result = await deps.db.transaction(async (tx): Promise<JobOutcome> => {
    const ctx = await loadContext(tx, input.contractId);
    const plan = decide(ctx);
    if ("job" in plan) return plan;
    if (plan.kind === "not_due") return outcome(ctx, "not_due", plan.detail);
    const claimed = await claimContractNotice(tx, input.contractId, spec.column, now);
    if (!claimed || !ctx) return outcome(ctx, "taken", TAKEN);
    if (plan.kind === "send") await spec.act(tx, ctx, today, now);
    return outcome(ctx, plan.kind === "send" ? "done" : "skipped", plan.detail);
  });
  if (result.result === "done") deps.onOutbox?.();
  return result;
}
