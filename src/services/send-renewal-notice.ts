// R-CON-4: about 60 days before a contract ends, the customer is asked whether they want to continue, in each of
// their channels, with buttons to answer (see answer-renewal.ts), and managers see it in the triage channel. The
// question states last year's usage, so the customer decides on figures. A customer who already bought the next
// period (a contract that ends later) is not asked.
import type { Tx } from "../db/client.ts";
import { enqueue } from "../db/outbox.ts";
import { usageOfLastYear } from "../db/contracts/renewals.ts";
import { renewalNoticeDue } from "../domain/contract-notices.ts";
import { summarize, type ContractTerms } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";
import { alertManagers } from "./engineer-alert.ts";
import { managersRoute, runContractNotice, type ContractNoticeInput, type ContractNoticeJob } from "./contract-notice.ts";
import type { RenewalParams } from "./outbox-payload.ts";
import { localDateTime, type JobOutcome } from "./scheduled-job.ts";

/** What the question says as of today; an answer re-renders it with the same function. */
export async function renewalParams(
  tx: Tx, deps: Pick<ServiceDeps, "calendar">, ctx: { customerId: number; endsOn: string; all: readonly ContractTerms[] }, today: string, contact: string,
): Promise<RenewalParams> {
  const usage = await usageOfLastYear(tx, deps.calendar, ctx.customerId, today);
  return { endsOn: ctx.endsOn, available: summarize(ctx.all, today).available, contact, consumed: usage.consumed, levelA: usage.levelA };
}

function job(deps: ServiceDeps, contact: string): ContractNoticeJob {
  return {
    job: "renewal-notice",
    column: "renewalNoticeAt",
    plan({ contract, all, channels }, today, now) {
      const due = renewalNoticeDue(contract.endsOn, deps.calendar);
      if (now < due) return { kind: "not_due", detail: `due ${localDateTime(deps, due).text}` };
      if (contract.endsOn < today) return { kind: "skip", detail: `the contract ended ${contract.endsOn}` };
      const next = all.find((other) => other.id !== contract.id && other.endsOn > contract.endsOn);
      if (next) return { kind: "skip", detail: `already renewed: contract ${next.id} runs to ${next.endsOn}` };
      return { kind: "send", detail: `ask the customer about renewal (${channels.length} channel${channels.length === 1 ? "" : "s"}) and tell managers (${managersRoute(deps)}): ends ${contract.endsOn}` };
    },
    async act(tx, { contract, customer, channels, all }, today, now) {
      const params = await renewalParams(tx, deps, { customerId: customer.id, endsOn: contract.endsOn, all }, today, contact);
      for (const channelId of channels) {
        await enqueue(tx, channelId, { kind: "renewal.notice", contractId: contract.id, notice: "notice.renewal_due", params },
          { at: now, dedupeKey: `renewal-notice:${contract.id}:${channelId}` });
      }
      await alertManagers(tx, deps, { notice: "alert.renewal_due", params: { customer: customer.name, endsOn: contract.endsOn, available: params.available } },
        { at: now, dedupeKey: `renewal-alert:${contract.id}` });
    },
  };
}

export function sendRenewalNotice(deps: ServiceDeps, input: ContractNoticeInput): Promise<JobOutcome> {
  return runContractNotice(deps, job(deps, input.contact), input);
}
