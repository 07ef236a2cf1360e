// R-LIFE-2: a case whose customer has not replied for 7 business days after the engineer's last answer is
// deemed resolved and closes by itself: its incidents are consumed and the customer is told why in the thread
// (endCase writes both in one transaction). endCase's conditional update is the claim: of several replicas
// only one moves the case out of "answered", and only while its timer is still due.
import { stateOfCase } from "../db/cases/reads.ts";
import { dropStaleAutoClose } from "../db/cases/changes.ts";
import { endCase } from "./end-case.ts";
import type { ServiceDeps } from "./deps.ts";
import { caseSubject, loadTimedCase, localDateTime, SCHEDULER_ACTOR, TAKEN, type JobInput, type JobOutcome } from "./scheduled-job.ts";
import { caseNumber, isActive } from "../domain/case.ts";

const plural = (n: number) => `${n} incident${n === 1 ? "" : "s"}`;

export async function autoCloseCase(deps: ServiceDeps, input: JobInput & { caseId: number }): Promise<JobOutcome> {
  const now = deps.clock.now();
  const c = await loadTimedCase(deps.db.client, input.caseId);
  const outcome = (result: JobOutcome["result"], detail: string): JobOutcome =>
    ({ job: "auto-close", subject: c ? caseSubject(c) : caseNumber(input.caseId), result, detail });
  if (!c || !c.autoCloseAt || c.autoCloseAt > now) return outcome(input.dryRun ? "not_due" : "taken", input.dryRun ? "not due" : TAKEN);

  if (c.state !== "answered") {
    // A timer left on a case that no longer waits on the customer is cleared, so it is not looked at again.
    const detail = `the case is ${c.state}, not waiting on the customer`;
    if (input.dryRun) return outcome("skipped", detail);
    return await dropStaleAutoClose(deps.db.client, c.id, now) ? outcome("skipped", detail) : outcome("taken", TAKEN);
  }

  const why = `no customer reply since the answer of ${c.lastEngineerMessageAt ? localDateTime(deps, c.lastEngineerMessageAt).text : "—"} ` +
    `(due ${localDateTime(deps, c.autoCloseAt).text})`;
  if (input.dryRun) return outcome("done", `close as resolved, consuming ${plural(c.incidents)}: ${why}`);

  const result = await endCase(deps, "auto_close", { caseId: c.id, actorId: SCHEDULER_ACTOR });
  if (result.ok) return outcome("done", `closed as resolved, consumed ${plural(result.incidents)} (${result.available} available): ${why}`);
  const after = await stateOfCase(deps.db.client, c.id);
  if (after && isActive(after)) return outcome("skipped", "a reply came in: the case stays open");
  return outcome("taken", TAKEN);
}
