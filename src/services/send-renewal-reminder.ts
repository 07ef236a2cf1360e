// R-CON-4: when the customer has not answered the renewal notice 30 days before the end, managers are reminded
// once, in the triage channel, so a renewal does not lapse for want of a follow-up. Claimed like the notices
// (renewalReminderAt set with a conditional update in the transaction that writes the alert).
import { renewalReminderDue } from "../domain/renewal.ts";
import type { ServiceDeps } from "./deps.ts";
import { alertManagers } from "./engineer-alert.ts";
import { managersRoute, runContractNotice, type ContractNoticeInput, type ContractNoticeJob } from "./contract-notice.ts";
import { localDateTime, type JobOutcome } from "./scheduled-job.ts";

function job(deps: ServiceDeps): ContractNoticeJob {
  return {
    job: "renewal-reminder",
    column: "renewalReminderAt",
    plan({ contract, all }, today, now) {
      const due = renewalReminderDue(contract.endsOn, deps.calendar);
      if (now < due) return { kind: "not_due", detail: `due ${localDateTime(deps, due).text}` };
      if (contract.renewalAnswer) return { kind: "skip", detail: `answered: ${contract.renewalAnswer}` };
      if (contract.endsOn < today) return { kind: "skip", detail: `the contract ended ${contract.endsOn}` };
      if (!contract.renewalNoticeAt) return { kind: "not_due", detail: "the renewal notice has not gone out" };
      // A notice that went out after the reminder's own time (a contract registered late) was news to managers
      // just now: reminding them of it would be noise.
      if (contract.renewalNoticeAt >= due) return { kind: "skip", detail: "the renewal notice went out after the reminder's time" };
      const next = all.find((other) => other.id !== contract.id && other.endsOn > contract.endsOn);
      if (next) return { kind: "skip", detail: `already renewed: contract ${next.id} runs to ${next.endsOn}` };
      return { kind: "send", detail: `remind managers (${managersRoute(deps)}): no answer to the renewal notice, ends ${contract.endsOn}` };
    },
    async act(tx, { contract, customer }, _today, now) {
      await alertManagers(tx, deps, { notice: "alert.renewal_unanswered", params: { customer: customer.name, endsOn: contract.endsOn, sent: localDateTime(deps, contract.renewalNoticeAt ?? now).date } },
        { at: now, dedupeKey: `renewal-reminder:${contract.id}` });
    },
  };
}

export function sendRenewalReminder(deps: ServiceDeps, input: ContractNoticeInput): Promise<JobOutcome> {
  return runContractNotice(deps, job(deps), input);
}
