// Exactly once, people: double-clicks of every state-changing button and double submits of the case modal. Each
// scenario runs on a twin clicked once and on many cases clicked twice at the same moment; every case must leave
// exactly the twin's footprint (ledger entries, events, posts, card updates). A new button is one row below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseNumber } from "../../src/domain/case.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { Actions } from "../../src/slack/ids.ts";
import { viewText } from "../support/case-modal.ts";
import type { DriverResponse } from "../support/driver.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, MANAGER, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { auditDelivery, auditLedger, caseFootprints, tableCounts } from "./audit.ts";
import { inParallel, openCaseDirect, openModal, outcomeOf, received, settled, submitCase } from "./flows.ts";

/** Cases per button, each clicked twice at the same moment; modals, each submitted twice. */
const DOUBLE_CLICKS = 100;
const DOUBLE_SUBMITS = 100;
/** One customer with several channels, so that the outbox, paced per channel, delivers in parallel. */
const CHANNELS = [CUSTOMER_CHANNEL, ...Array.from({ length: 7 }, (_, i) => `C0CUSTEXTRA${i}`)];

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  const registered = await registerContract(h.running.deps, {
    customerName: "株式会社サンプル", channelIds: CHANNELS, incidents: 5_000, confirmedOn: "2026-04-01", actorId: MANAGER,
  });
  if (!registered.ok) throw new Error("registration failed");
  await h.drain();
});
afterAll(async () => {
  await h?.close();
});

let spread = 0;
const nextChannel = () => CHANNELS[spread++ % CHANNELS.length]!;

async function quiet(): Promise<void> {
  await settled(() => tableCounts(h.database.db), 200);
  await h.drain();
}

/** Every case's footprint must equal the twin's; the failure lists the cases that differ. */
async function expectLikeTwin(twin: number, cases: readonly number[]): Promise<void> {
  const prints = await caseFootprints(h.database.db, h.slack, [twin, ...cases]);
  const expected = JSON.stringify(prints.get(twin));
  const differing = cases.filter((id) => JSON.stringify(prints.get(id)) !== expected).map((id) => `case ${id}: ${JSON.stringify(prints.get(id))}`);
  expect(differing, `the twin left ${expected}`).toEqual([]);
  expect(await auditLedger(h.database.db)).toEqual([]);
  expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
}

// ---------------------------------------------------------------------------------------------------------------
// State-changing buttons. `prepare` opens a case (not yet delivered); `click` presses the button on what Slack shows.

interface ButtonScenario {
  name: string;
  prepare(): Promise<number>;
  click(caseId: number): Promise<DriverResponse>;
}

async function clickOnCard(caseId: number, actionId: string, userId: string, teamId: string): Promise<DriverResponse> {
  const c = await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } });
  if (!c.triageTs) throw new Error(`case ${caseId} has no triage message`);
  return h.driver.blockAction({ actionId, userId, userTeamId: teamId, channelId: TRIAGE_CHANNEL, messageTs: c.triageTs, value: String(caseId) });
}

const BUTTON_SCENARIOS: ButtonScenario[] = [
    { name: "Take in the triage channel", prepare: () => openCaseDirect(h, "トリアージの二重クリック", CUSTOMER, nextChannel()), click: (id) => clickOnCard(id, Actions.take, ENGINEER, HOME_TEAM) },
  { name: "Resolve (consumes the reservation once, R-INC-6)", prepare: () => openCaseDirect(h, "解決の二重クリック", CUSTOMER, nextChannel()), click: (id) => clickOnCard(id, Actions.resolve, ENGINEER, HOME_TEAM) },
];

describe(`concurrent double-clicks of every state-changing button (${DOUBLE_CLICKS} cases each)`, () => {
  for (const scenario of BUTTON_SCENARIOS) {
    it(`${scenario.name}: a double-click does what one click does`, async () => {
      const twin = await scenario.prepare();
      const cases = await inParallel(Array.from({ length: DOUBLE_CLICKS }, (_, i) => i), 10, () => scenario.prepare());
      await h.drain();
      expect((await scenario.click(twin)).status).toBe(200);
      await inParallel(cases, 10, async (caseId) => {
        const [a, b] = await Promise.all([scenario.click(caseId), scenario.click(caseId)]);
        expect([a.status, b.status]).toEqual([200, 200]);
      });
      await quiet();
      await expectLikeTwin(twin, cases);
    }, 120_000);
  }
});

describe(`double submits of the case modal (${DOUBLE_SUBMITS} modals)`, () => {
  it("opens one case per modal, however often it is submitted (R-INC-6)", async () => {
    const users = Array.from({ length: DOUBLE_SUBMITS + 1 }, (_, i) => `U0SUBMIT${String(i).padStart(3, "0")}`);
    const channels = users.map(() => nextChannel());
    const views = await inParallel(users, 10, (user, i) => openModal(h, user, CUSTOMER_TEAM, channels[i]));
    const casesBefore = await h.database.db.client.case.count();
    const title = (i: number) => `二重送信 ${i}`;
    // Each submission is answered at once with 「受付中…」; the case is opened after.
    expect(received(await submitCase(h, views[0]!, users[0]!, CUSTOMER_TEAM, { title: title(0) }))).toBe(true);
    await inParallel(users.slice(1), 10, async (user, i) => {
      const [a, b] = await Promise.all([0, 1].map(() => submitCase(h, views[i + 1]!, user, CUSTOMER_TEAM, { title: title(i + 1) })));
      expect([received(a!), received(b!)]).toEqual([true, true]);
    });
    await quiet();
    const cases = await h.database.db.client.case.findMany({ where: { title: { startsWith: "二重送信" } }, select: { id: true, title: true } });
    expect(cases).toHaveLength(DOUBLE_SUBMITS + 1);
    expect(await h.database.db.client.case.count()).toBe(casesBefore + DOUBLE_SUBMITS + 1);
    // However often it was submitted, every modal ends showing the one case its submissions opened.
    const shown = await Promise.all(views.map((id) => outcomeOf(h, id)));
    const idOf = new Map(cases.map((c) => [c.title, c.id]));
    const wrong = shown.map(viewText).flatMap((text, i) => text.includes(`案件 ${caseNumber(idOf.get(title(i))!)} を受け付けました`) ? [] : [`${users[i]}: ${text}`]);
    expect(wrong).toEqual([]);
    const twin = cases.find((c) => c.title === title(0))!.id;
    await expectLikeTwin(twin, cases.map((c) => c.id).filter((id) => id !== twin));
  }, 120_000);
});
