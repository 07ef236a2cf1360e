// A contract whose dates the business calendar cannot compute with (stored before dates were checked: 1026 typed
// for 2026) must not stop every scheduler pass. The duty that met it is marked handled for that contract, so the
// rest of the pass and every later one go on, and managers are told once, in the triage channel, to correct it.
import { claimContractNotice, contractWithCustomerName, type NoticeColumn } from "../db/contracts/contract-rows.ts";
import type { ServiceDeps } from "./deps.ts";
import { alertManagers } from "./engineer-alert.ts";
import { managersRoute } from "./contract-notice.ts";
import { TAKEN, type JobName, type JobOutcome } from "./scheduled-job.ts";

export interface UncomputableContractInput {
  contractId: number;
  job: JobName;
  /** The notice column of the duty that met the contract: set, so the duty no longer picks it up. */
  column: NoticeColumn;
  /** What the calendar said, for the operator. */
  error: string;
  dryRun?: boolean;
}

export async function skipUncomputableContract(deps: ServiceDeps, input: UncomputableContractInput): Promise<JobOutcome> {
  const now = deps.clock.now();
  const contract = await contractWithCustomerName(deps.db.client, input.contractId);
  const subject = `contract ${input.contractId}${contract ? ` ${contract.customer.name}` : ""}`;
  const outcome = (result: JobOutcome["result"], detail: string): JobOutcome => ({ job: input.job, subject, result, detail });
  if (!contract) return outcome("taken", "no such contract");
  const what = `its dates cannot be computed (${contract.startsOn} – ${contract.endsOn}: ${input.error})`;
  if (input.dryRun) return outcome("skipped", `${what}; would skip it and tell managers (${managersRoute(deps)})`);
  const claimed = await deps.db.transaction(async (tx) => {
    if (!await claimContractNotice(tx, contract.id, input.column, now)) return false;
    // One alert per contract, whichever duty meets it first.
    await alertManagers(tx, deps, { notice: "alert.contract_dates", params: { customer: contract.customer.name, id: contract.id, startsOn: contract.startsOn, endsOn: contract.endsOn } },
      { at: now, dedupeKey: `contract-dates:${contract.id}` });
    return true;
  });
  if (!claimed) return outcome("taken", TAKEN);
  deps.onOutbox?.();
  return outcome("skipped", `${what}; skipped, managers told (${managersRoute(deps)})`);
}
