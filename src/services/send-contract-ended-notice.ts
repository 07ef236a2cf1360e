// R-CON-2, R-CON-6: when a contract's period is over, its unused incidents lapse. The customer is told (cases
// still open are answered to the end, R-LIFE-4; new ones need a renewal) unless another contract of theirs is
// in force, in which case nothing changes for them; managers are told either way, with what lapsed.
import { activeCasesHoldingContract } from "../db/cases/views-duties.ts";
import { enqueue } from "../db/outbox.ts";
import { endNoticeDue, isEndNoticeStale } from "../domain/contract-notices.ts";
import { isInForce } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";
import { alertManagers } from "./engineer-alert.ts";
import { managersRoute, runContractNotice, type ContractContext, type ContractNoticeInput, type ContractNoticeJob } from "./contract-notice.ts";
import { localDateTime, type JobOutcome } from "./scheduled-job.ts";

function successorOf({ contract, all }: ContractContext, today: string) {
  return all.find((other) => other.id !== contract.id && isInForce(other, today)) ?? null;
}

function job(deps: ServiceDeps, contact: string): ContractNoticeJob {
  return {
    job: "contract-ended",
    column: "endNoticeAt",
    plan(ctx, today, now) {
      const { contract, channels } = ctx;
      if (contract.endsOn >= today) return { kind: "not_due", detail: `runs to ${contract.endsOn}` };
      const due = endNoticeDue(contract.endsOn, deps.calendar);
      if (now < due) return { kind: "not_due", detail: `due ${localDateTime(deps, due).text}` };
      if (isEndNoticeStale(contract.endsOn, today) || deps.calendar.localDate(contract.createdAt) > contract.endsOn) {
        return { kind: "skip", detail: `ended ${contract.endsOn}, too long ago to announce` };
      }
      const lapsed = `${contract.available} unused incident${contract.available === 1 ? "" : "s"} lapsed`;
      const successor = successorOf(ctx, today);
      if (successor) {
        if (!deps.triageChannel) return { kind: "skip", detail: `ended ${contract.endsOn}, ${lapsed}; contract ${successor.id} continues, and there is no triage channel` };
        return { kind: "send", detail: `tell managers (triage channel): ended ${contract.endsOn}, ${lapsed}; contract ${successor.id} continues to ${successor.endsOn}, so the customer is not told` };
      }
      return { kind: "send", detail: `tell the customer (${channels.length} channel${channels.length === 1 ? "" : "s"}) and managers (${managersRoute(deps)}): ended ${contract.endsOn}, ${lapsed}` };
    },
    async act(tx, ctx, today, now) {
      const { contract, customer, channels } = ctx;
      const successor = successorOf(ctx, today);
      if (!successor) {
        // Open cases holding incidents of this contract, whichever contract they were opened under (R-LIFE-4).
        const open = await activeCasesHoldingContract(tx, contract.id);
        for (const channelId of channels) {
          await enqueue(tx, channelId, {
            kind: "channel.notice", notice: "notice.contract_ended",
            params: { startsOn: contract.startsOn, endsOn: contract.endsOn, lapsed: contract.available, open, contact },
          }, { at: now, dedupeKey: `end-notice:${contract.id}:${channelId}` });
        }
      }
      await alertManagers(tx, deps, { notice: "alert.contract_ended", params: {
        customer: customer.name, startsOn: contract.startsOn, endsOn: contract.endsOn, lapsed: contract.available, successor: successor?.endsOn ?? "",
      } }, { at: now, dedupeKey: `end-alert:${contract.id}` });
    },
  };
}

export function sendContractEndedNotice(deps: ServiceDeps, input: ContractNoticeInput): Promise<JobOutcome> {
  return runContractNotice(deps, job(deps, input.contact), input);
}
