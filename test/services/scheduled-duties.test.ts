// Each timed duty happens once however many passes race for it: the claim is a conditional update in the
// transaction that writes the message. Rules: R-LIFE-2, R-LIFE-7, R-CON-4.
import { afterEach, describe, expect, it } from "vitest";
import { autoCloseCase } from "../../src/services/auto-close-case.ts";
import { endCase } from "../../src/services/end-case.ts";
import { remindFirstResponse } from "../../src/services/remind-first-response.ts";
import { sendRenewalNotice } from "../../src/services/send-renewal-notice.ts";
import { CONTACT, createWorld, customerOpensCase, customerReplies, engineerAnswers, notices, registerCustomer, tokyo, type World } from "../scheduler/world.ts";

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const results = (outcomes: Array<{ result: string }>) => outcomes.map((o) => o.result).sort();

describe("timed duties claimed once", () => {
  it("five racing reminders for one case post one alert (R-LIFE-7)", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId } = await registerCustomer(w);
    const id = await customerOpensCase(w, channelId);
    w.clock.set(tokyo("2026-06-02 08:30"));
    const world = w;
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => remindFirstResponse(world.deps, { caseId: id })));
    expect(results(outcomes)).toEqual(["done", "taken", "taken", "taken", "taken"]);
    expect((await notices(w, "alert.first_response_soon")).length).toBe(1);
    expect(await w.database.db.client.caseEvent.count({ where: { caseId: id, kind: "first_response_reminded" } })).toBe(1);
  });

  it("five racing automatic closes close the case once and consume its incident once (R-LIFE-2)", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId, contractId } = await registerCustomer(w, { incidents: 3 });
    const id = await customerOpensCase(w, channelId);
    await engineerAnswers(w, id);
    w.clock.set(tokyo("2026-06-10 11:00"));
    const world = w;
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => autoCloseCase(world.deps, { caseId: id })));
    expect(results(outcomes)).toEqual(["done", "taken", "taken", "taken", "taken"]);
    expect(await w.database.db.client.ledgerEntry.count({ where: { caseId: id, kind: "consume" } })).toBe(1);
    expect(await w.database.db.client.contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({ available: 2, reserved: 0, consumed: 1 });
    expect((await notices(w, "notice.auto_closed")).length).toBe(1);
  });

  it("does not close a case whose customer replied and got a new answer since the close fell due (R-LIFE-2)", async () => {
    w = await createWorld({ now: tokyo("2026-06-01 10:00") });
    const { channelId } = await registerCustomer(w);
    const id = await customerOpensCase(w, channelId);
    await engineerAnswers(w, id);
    // The close fell due at 6/10 10:00; before it ran, the customer replied and the engineer answered again.
    w.clock.set(tokyo("2026-06-10 10:30"));
    await customerReplies(w, id);
    await engineerAnswers(w, id);
    const refused = await endCase(w.deps, "auto_close", { caseId: id, actorId: "scheduler" });
    expect(refused.ok).toBe(false);
    const c = await w.database.db.client.case.findUniqueOrThrow({ where: { id } });
    expect(c.state).toBe("answered");
    expect(c.autoCloseAt?.getTime()).toBe(tokyo("2026-06-19 10:30").getTime());
    expect((await autoCloseCase(w.deps, { caseId: id })).result).not.toBe("done");
    expect(await w.database.db.client.ledgerEntry.count({ where: { caseId: id, kind: "consume" } })).toBe(0);
  });

  it("five racing renewal notices post one message per channel and one for managers (R-CON-4)", async () => {
    w = await createWorld({ now: tokyo("2027-02-01 10:30") });
    const { contractId, channelId } = await registerCustomer(w, { confirmedOn: "2026-04-01" });
    const world = w;
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => sendRenewalNotice(world.deps, { contractId, contact: CONTACT })));
    expect(results(outcomes)).toEqual(["done", "taken", "taken", "taken", "taken"]);
    expect((await notices(w, "notice.renewal_due")).map((r) => r.channelId)).toEqual([channelId]);
    expect((await notices(w, "alert.renewal_due")).length).toBe(1);
  });
});
