// R-CON-2: a contract whose incidents are all consumed has ended early. The customer is told, with how to buy
// more (R-CON-3) and a button to apply for it in Slack, when nothing is left on any of their contracts; managers are
// told either way.
import { enqueue } from "../db/outbox.ts";
import { summarize } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";
import { alertManagers } from "./engineer-alert.ts";
import { managersRoute, runContractNotice, type ContractNoticeInput, type ContractNoticeJob } from "./contract-notice.ts";
import type { JobOutcome } from "./scheduled-job.ts";

function job(deps: ServiceDeps, contact: string): ContractNoticeJob {
  return {
    job: "contract-exhausted",
    column: "exhaustedNoticeAt",
    plan({ contract, all, channels }, today) {
      if (contract.purchased === 0 || contract.consumed < contract.purchased) {
        return { kind: "not_due", detail: `not exhausted (${contract.available} available, ${contract.reserved} reserved)` };
      }
      if (contract.endsOn < today) return { kind: "skip", detail: `ended ${contract.endsOn}; the end notice covers it` };
      const remaining = summarize(all, today).available;
      if (remaining > 0) {
        if (!deps.triageChannel) return { kind: "skip", detail: `all ${contract.purchased} consumed; ${remaining} left on other contracts, and there is no triage channel` };
        return { kind: "send", detail: `tell managers (triage channel): all ${contract.purchased} consumed; the customer has ${remaining} left on other contracts, so is not told` };
      }
      return { kind: "send", detail: `tell the customer (${channels.length} channel${channels.length === 1 ? "" : "s"}) and managers (${managersRoute(deps)}): all ${contract.purchased} consumed, none left` };
    },
    async act(tx, { contract, customer, channels, all }, today, now) {
      const remaining = summarize(all, today).available;
      if (remaining === 0) {
        for (const channelId of channels) {
          await enqueue(tx, channelId, { kind: "purchase.notice", contractId: contract.id, notice: "notice.contract_exhausted", params: { endsOn: contract.endsOn, contact } },
            { at: now, dedupeKey: `exhausted-notice:${contract.id}:${channelId}` });
        }
      }
      await alertManagers(tx, deps, { notice: "alert.contract_exhausted", params: { customer: customer.name, endsOn: contract.endsOn, purchased: contract.purchased, remaining } },
        { at: now, dedupeKey: `exhausted-alert:${contract.id}` });
    },
  };
}

export function sendExhaustedNotice(deps: ServiceDeps, input: ContractNoticeInput): Promise<JobOutcome> {
  return runContractNotice(deps, job(deps, input.contact), input);
}
