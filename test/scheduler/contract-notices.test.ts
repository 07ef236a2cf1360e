// Notices about contracts: renewal about 60 days before the end, the end itself, and exhaustion, to the
// customer's channel and to managers in the triage channel, each once, on a business-day morning.
// Rules: R-CON-2, R-CON-4, R-CON-6, R-LIFE-4, R-CAL-1.
import { afterEach, describe, expect, it } from "vitest";
import { renewContract } from "../../src/services/renew-contract.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import {
  CONTACT, createWorld, customerOpensCase, engineerAnswers, local, notices, outbox, pass, registerCustomer, simulate, tokyo, TRIAGE, type World,
} from "./world.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const doneJobs = (seen: Array<{ at: Date; job: string; result: string }>) =>
  seen.filter((o) => o.result === "done").map((o) => `${local(o.at)} ${o.job}`);

describe("contract notices", { timeout: 120_000 }, () => {
  it("asks the customer about renewal 60 days before the end, moved to the next business morning, and tells managers (R-CON-4)", async () => {
    w = await createWorld({ now: tokyo("2027-01-29 00:00") });
    const { channelId, contractId } = await registerCustomer(w, { confirmedOn: "2026-04-01", incidents: 10 });
    const seen = await simulate(w, tokyo("2027-02-03 00:00"));
    // 2027-03-31 − 60 days = Sat 1/30, so Mon 2/1 at 10:00.
    expect(doneJobs(seen)).toEqual(["2027-02-01 10:00 renewal-notice"]);
    const toCustomer = await notices(w, "notice.renewal_due");
    expect(toCustomer.map((r) => [r.channelId, r.payload])).toEqual([
      [channelId, { kind: "renewal.notice", contractId, notice: "notice.renewal_due", params: { endsOn: "2027-03-31", available: 10, contact: CONTACT, consumed: 0, levelA: 0 } }],
    ]);
    expect((await notices(w, "alert.renewal_due")).map((r) => r.channelId)).toEqual([TRIAGE]);
    expect((await w.database.db.client.contract.findUniqueOrThrow({ where: { id: contractId } })).renewalNoticeAt).not.toBeNull();
  });

  it("does not ask a customer who already bought the next period (R-CON-4, R-CON-6)", async () => {
    w = await createWorld({ now: tokyo("2027-01-15 09:00") });
    const { customerId } = await registerCustomer(w, { confirmedOn: "2026-04-01" });
    const renewed = await renewContract(w.deps, { customerId, incidents: 10, confirmedOn: "2027-04-01", actorId: "U0MGR1" });
    expect(renewed.ok).toBe(true);
    w.clock.set(tokyo("2027-02-01 11:00"));
    const report = await pass(w);
    expect(report.outcomes.map((o) => [o.job, o.result])).toEqual([["renewal-notice", "skipped"]]);
    expect(report.outcomes[0]?.detail).toMatch(/^already renewed/);
    expect(await notices(w, "notice.renewal_due")).toEqual([]);
    expect((await pass(w)).outcomes).toEqual([]);
  });

  it("tells the customer their contract ended, what lapsed and that open cases continue, the next business morning after Golden Week's 昭和の日 (R-CON-2, R-LIFE-4)", async () => {
    w = await createWorld({ now: tokyo("2026-04-20 10:00") });
    const { channelId } = await registerCustomer(w, { startsOn: "2025-04-29", endsOn: "2026-04-28", incidents: 5 });
    const open = await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-04-20 11:00"));
    await engineerAnswers(w, open);
    w.clock.set(tokyo("2026-04-28 00:00"));
    const seen = await simulate(w, tokyo("2026-05-01 12:00"));
    // The last day is Tue 4/28; 4/29 is 昭和の日, so Thu 4/30 at 10:00.
    expect(doneJobs(seen).filter((l) => l.includes("contract-ended"))).toEqual(["2026-04-30 10:00 contract-ended"]);
    const ended = await notices(w, "notice.contract_ended");
    expect(ended.map((r) => [r.channelId, r.payload])).toEqual([
      [channelId, { kind: "channel.notice", notice: "notice.contract_ended", params: { startsOn: "2025-04-29", endsOn: "2026-04-28", lapsed: 4, open: 1, contact: CONTACT } }],
    ]);
    expect((await notices(w, "alert.contract_ended")).map((r) => r.payload)).toEqual([
      { kind: "channel.notice", notice: "alert.contract_ended", params: { customer: expect.any(String), startsOn: "2025-04-29", endsOn: "2026-04-28", lapsed: 4, successor: "" } },
    ]);
  });

  it("tells only managers when a later contract carries on (R-CON-6)", async () => {
    w = await createWorld({ now: tokyo("2027-03-30 09:00") });
    const { customerId } = await registerCustomer(w, { confirmedOn: "2026-04-01", incidents: 3 });
    expect((await renewContract(w.deps, { customerId, incidents: 10, confirmedOn: "2027-04-01", actorId: "U0MGR1" })).ok).toBe(true);
    w.clock.set(tokyo("2027-04-01 10:30"));
    const report = await pass(w);
    expect(report.outcomes.map((o) => [o.job, o.result])).toEqual([["contract-ended", "done"]]);
    expect(await notices(w, "notice.contract_ended")).toEqual([]);
    const alert = await notices(w, "alert.contract_ended");
    expect(alert.map((r) => r.payload.kind === "channel.notice" && r.payload.params)).toEqual([
      expect.objectContaining({ lapsed: 3, successor: "2028-03-31" }),
    ]);
  });

  it("tells the customer and managers once when the last incident is consumed (R-CON-2)", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId } = await registerCustomer(w, { incidents: 1 });
    const id = await customerOpensCase(w, channelId);
    expect((await pass(w)).outcomes).toEqual([]);
    await engineerAnswers(w, id);
    expect((await resolveCase(w.deps, { caseId: id, actorId: "U0ENG1" })).ok).toBe(true);
    const report = await pass(w);
    expect(report.outcomes.map((o) => [o.job, o.result])).toEqual([["contract-exhausted", "done"]]);
    expect((await notices(w, "notice.contract_exhausted")).map((r) => r.channelId)).toEqual([channelId]);
    expect((await notices(w, "alert.contract_exhausted")).map((r) => r.channelId)).toEqual([TRIAGE]);
    expect((await pass(w)).outcomes).toEqual([]);
  });

  it("does not tell the customer about an exhausted contract while another one still has incidents", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId, customerId } = await registerCustomer(w, { startsOn: "2026-04-01", endsOn: "2026-09-30", incidents: 1 });
    expect((await renewContract(w.deps, { customerId, incidents: 5, startsOn: "2026-04-01", endsOn: "2027-03-31", actorId: "U0MGR1" })).ok).toBe(true);
    // The contract that ends first is drawn from (R-CON-6).
    const id = await customerOpensCase(w, channelId);
    await engineerAnswers(w, id);
    await resolveCase(w.deps, { caseId: id, actorId: "U0ENG1" });
    const report = await pass(w);
    expect(report.outcomes.map((o) => [o.job, o.result])).toEqual([["contract-exhausted", "done"]]);
    expect(await notices(w, "notice.contract_exhausted")).toEqual([]);
    expect((await notices(w, "alert.contract_exhausted")).map((r) => r.payload.kind === "channel.notice" && r.payload.notice === "alert.contract_exhausted" && r.payload.params.remaining)).toEqual([5]);
  });

  it("marks, without announcing, a contract that ended long before the scheduler first saw it", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    await registerCustomer(w, { startsOn: "2025-03-01", endsOn: "2026-02-28" });
    const before = (await outbox(w)).length;
    const report = await pass(w);
    expect(report.outcomes.map((o) => [o.job, o.result])).toEqual([["contract-ended", "skipped"]]);
    expect((await outbox(w)).length).toBe(before);
  });
});
