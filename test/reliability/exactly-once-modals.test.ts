// Exactly once, people again: a customer double-clicks Approve or Decline on a proposal, an engineer or a manager
// presses Submit twice on a modal (or Slack delivers the submission twice). Each scenario runs on a twin submitted
// once and on several others submitted twice at the same moment; every one must leave the twin's footprint. A new
// modal is one row below.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { proposeLevelA } from "../../src/services/propose-level-a.ts";
import { Actions, Inputs, Views } from "../../src/slack/ids.ts";
import type { DriverResponse } from "../support/driver.ts";
import type { SlackView } from "../support/slack-api.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, ENGINEER, ENGINEER_2, startHarness, type Harness } from "../support/harness.ts";
import { auditDelivery, auditLedger, caseFootprints, delta, tableCounts } from "./audit.ts";
import { kit, person, type Who } from "./authorization-kit.ts";
import { inParallel, settled, until } from "./flows.ts";

/** Cases (or modals) per scenario, each answered twice at once. */
const TWICE = 20;

let h: Harness;
let k: ReturnType<typeof kit>;
let contractId = 0;
let customerId = 0;
beforeAll(async () => {
  h = await startHarness();
  k = kit(h);
  ({ customerId, contractId } = await h.registerCustomer({ incidents: 5_000 }));
});
afterAll(async () => {
  await h?.close();
});

async function caseIn(level: "normal" | "A" = "normal"): Promise<{ caseId: number; rootTs: string }> {
  const opened = await openCase(h.running.deps, {
    requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, openerIsCustomer: true, title: "二重操作の確認", description: "詳細", level,
    ...(level === "A" ? { levelReason: "report" as const } : {}),
  });
  if (!opened.ok) throw new Error(opened.reason);
  await h.drain();
  const c = await h.database.db.client.case.findUniqueOrThrow({ where: { id: opened.caseId } });
  return { caseId: c.id, rootTs: c.rootTs! };
}

async function opened(by: Who, callbackId: string, open: () => Promise<DriverResponse>): Promise<SlackView> {
  const before = new Set(h.slack.views().map((v) => v.id));
  await open();
  const view = await until(() => h.slack.views().find((v) => !before.has(v.id) && v.callback_id === callbackId && v.user_id === person(by).userId));
  if (!view) throw new Error(`${by} could not open ${callbackId}`);
  return view;
}

async function quiet(): Promise<Record<string, number>> {
  await settled(() => tableCounts(h.database.db), 200);
  await h.drain();
  return { ...(await tableCounts(h.database.db)), uploads: h.slack.uploads.length };
}

interface Twice { name: string; who: Who; prepare(): Promise<{ caseId?: number; press: () => Promise<DriverResponse> }> }

const onCase = (option: string, callbackId: string, values: Record<string, string | string[]>, level: "normal" | "A" = "normal") => async () => {
  const c = await caseIn(level);
  const view = await opened("engineer", callbackId, () => k.click(person("engineer"), Actions.caseMenu, { channelId: CUSTOMER_CHANNEL, messageTs: c.rootTs, option: `${option}:${c.caseId}` }));
  return { caseId: c.caseId, press: () => k.submit(person("engineer"), view, values) };
};
const onContract = (actionId: string, callbackId: string, values: () => Record<string, string | string[]>, value = () => "") => async () => {
  const view = await opened("manager", callbackId, () => k.click(person("manager"), actionId, { value: value() }));
  const filled = values();
  return { press: () => k.submit(person("manager"), view, filled) };
};
const answer = (actionId: string) => async () => {
  const c = await caseIn();
  const proposed = await proposeLevelA(h.running.deps, { caseId: c.caseId, actorId: ENGINEER, levelReason: "reproduction", reason: "環境の再現が必要です" });
  if (!proposed.ok) throw new Error(proposed.reason);
  await h.drain();
  return { caseId: c.caseId, press: () => k.click(person("customer of this channel"), actionId, { channelId: CUSTOMER_CHANNEL, messageTs: c.rootTs, value: `${proposed.proposalId}:${c.caseId}` }) };
};

let registered = 0;
const SCENARIOS: Twice[] = [
  { name: "Approve a level A proposal (reserves 2 more, once; R-INC-5)", who: "customer of this channel", prepare: answer(Actions.approveProposal) },
  { name: "Decline a level A proposal", who: "customer of this channel", prepare: answer(Actions.declineProposal) },
  { name: "modal: assign", who: "engineer", prepare: onCase(Actions.assign, Views.assign, { [Inputs.assignee.block]: ENGINEER_2 }) },
  { name: "modal: propose level A", who: "engineer", prepare: onCase(Actions.proposeLevelA, Views.levelA, { [Inputs.reason.block]: "検証が必要です" }) },
  { name: "modal: lower level A (releases 2, once)", who: "engineer", prepare: onCase(Actions.lowerLevel, Views.lowerLevel, {}, "A") },
  { name: "modal: propose a split", who: "engineer", prepare: onCase(Actions.proposeSplit, Views.split, { [Inputs.parts.block]: "一つ目\n二つ目", [Inputs.reason.block]: "別々の問題です" }) },
  { name: "modal: expected answer date", who: "engineer", prepare: onCase(Actions.setExpectedDate, Views.expectedDate, { [Inputs.date.block]: "2026-12-09" }) },
  { name: "modal: cancel as a product defect (releases once, R-INC-7)", who: "engineer", prepare: onCase(Actions.cancelDefect, Views.cancelDefect, { [Inputs.reason.block]: "製品の不具合" }) },
  { name: "modal: decline as out of scope (releases once, R-INC-8)", who: "engineer", prepare: onCase(Actions.declineScope, Views.declineScope, { [Inputs.reason.block]: "サポート対象外" }) },
  { name: "modal: add incidents (R-CON-3)", who: "manager", prepare: onContract(Actions.addIncidents, Views.addIncidents, () => ({ [Inputs.incidents.block]: "2" }), () => String(contractId)) },
  { name: "modal: adjust a balance", who: "manager", prepare: onContract(Actions.adjustBalance, Views.adjustBalance, () => ({ [Inputs.amount.block]: "1", [Inputs.reason.block]: "訂正" }), () => String(contractId)) },
  { name: "modal: renew a contract (R-CON-4)", who: "manager", prepare: onContract(Actions.renewContract, Views.renewContract, () => ({ [Inputs.incidents.block]: "10", [Inputs.confirmedOn.block]: "2027-04-01" }), () => String(customerId)) },
  { name: "modal: register a contract (R-CON-5)", who: "manager",
    prepare: onContract(Actions.registerContract, Views.registerContract, () => ({ [Inputs.customerName.block]: `新規のお客様 ${++registered}`, [Inputs.customerChannels.block]: [`C0NEW${registered}`], [Inputs.incidents.block]: "5", [Inputs.confirmedOn.block]: "2026-11-01" })) },
  { name: "modal: export the ledger (one file)", who: "manager", prepare: onContract(Actions.exportLedger, Views.exportLedger, () => ({})) },
];

describe(`pressed twice at once: proposals and modals (${TWICE} each)`, () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name}: twice does what once does`, async () => {
      const twin = await scenario.prepare();
      const others = await inParallel(Array.from({ length: TWICE }, (_, i) => i), 1, () => scenario.prepare());
      const base = await quiet();
      expect((await twin.press()).status).toBe(200);
      const afterOnce = await quiet();
      await inParallel(others, 5, async (o) => {
        const answers = await Promise.all([o.press(), o.press()]);
        expect(answers.map((a) => a.status)).toEqual([200, 200]);
      });
      const afterTwice = await quiet();
      const once = delta(afterOnce, base);
      expect(delta(afterTwice, afterOnce)).toEqual(Object.fromEntries(Object.entries(once).map(([key, n]) => [key, n * TWICE])));
      if (twin.caseId !== undefined) {
        const prints = await caseFootprints(h.database.db, h.slack, [twin.caseId, ...others.map((o) => o.caseId!)]);
        const expected = JSON.stringify(prints.get(twin.caseId));
        expect(others.map((o) => o.caseId!).filter((id) => JSON.stringify(prints.get(id)) !== expected)).toEqual([]);
      }
      expect(await auditLedger(h.database.db)).toEqual([]);
      expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
    }, 120_000);
  }
});
