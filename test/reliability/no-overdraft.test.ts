// No overdraft, end to end: fifty people of one customer submit the case modal at the same moment against a
// contract with ten incidents left. Exactly ten cases open; the other forty see, in their modal, why not.
// Rules: R-CON-7 (never below zero, also under concurrent requests), R-INC-6 (opening reserves).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CUSTOMER_CHANNEL, CUSTOMER_TEAM, startHarness, type Harness } from "../support/harness.ts";
import { auditDelivery, auditLedger } from "./audit.ts";
import { Views } from "../../src/slack/ids.ts";
import { viewText } from "../support/case-modal.ts";
import { inParallel, openModal, outcomeOf, received, submitCase } from "./flows.ts";

const PEOPLE = 50;
const INCIDENTS = 10;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: INCIDENTS });
});
afterAll(async () => {
  await h?.close();
});

describe("fifty concurrent case openings against ten available incidents (R-CON-7)", () => {
  const people = Array.from({ length: PEOPLE }, (_, i) => `U0CUSTX${String(i).padStart(2, "0")}`);
  let modals: string[] = [];
  let started = 0;
  let elapsedMs = 0;

  it("lets every customer open the modal first (each sees ten available)", async () => {
    modals = await inParallel(people, 10, (user) => openModal(h, user, CUSTOMER_TEAM));
    expect(new Set(modals).size).toBe(PEOPLE);
  });

  it("opens exactly ten cases and refuses forty in their modals, all submitted at once", async () => {
    started = performance.now();
    const answers = await Promise.all(people.map((user, i) => submitCase(h, modals[i]!, user, CUSTOMER_TEAM, { title: `同時に作成した案件 ${i}` })));
    elapsedMs = performance.now() - started;
    expect(answers.filter((a) => a.status !== 200 || a.slackWouldReject !== undefined).map((a) => a.slackWouldReject ?? a.status)).toEqual([]);
    // Every submission is answered at once; each modal then shows the case opened, or the form again saying why not.
    expect(answers.filter((a) => !received(a))).toEqual([]);
    const shown = await Promise.all(answers.map((a) => outcomeOf(h, a.viewId)));
    const opened = shown.filter((v) => v.callback_id === Views.openCaseNotice && /案件 #\d+ を受け付けました/.test(viewText(v)));
    const refused = shown.filter((v) => v.callback_id === Views.openCase);
    expect(opened).toHaveLength(INCIDENTS);
    expect(refused).toHaveLength(PEOPLE - INCIDENTS);
    for (const view of refused) expect(viewText(view)).toMatch(/不足/);
    console.info(`no-overdraft: ${PEOPLE} concurrent submissions answered in ${Math.round(elapsedMs)} ms`);
  });

  it("reserved exactly the ten incidents there were, and the ledger reconciles", async () => {
    const db = h.database.db.client;
    expect(await db.case.count({ where: { channelId: CUSTOMER_CHANNEL } })).toBe(INCIDENTS);
    expect(await db.contract.findFirstOrThrow()).toMatchObject({ purchased: INCIDENTS, available: 0, reserved: INCIDENTS, consumed: 0 });
    expect(await db.ledgerEntry.count({ where: { kind: "reserve" } })).toBe(INCIDENTS);
    expect(await auditLedger(h.database.db)).toEqual([]);
  });

  it("posts one case message per opened case and nothing for the refused ones", async () => {
    await h.drain();
    const roots = h.slack.messages(CUSTOMER_CHANNEL).filter((m) => !m.thread_ts && JSON.stringify(m.blocks ?? []).includes("同時に作成した案件"));
    expect(roots).toHaveLength(INCIDENTS);
    expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
  });
});
