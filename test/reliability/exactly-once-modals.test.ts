// Exactly once: an engineer or a manager presses Submit twice on a modal (or Slack delivers the submission twice).
// Each modal runs on a twin submitted once and on others submitted twice at the same moment; every one must leave
// the twin's footprint: one assignment, one proposal, one release, one ledger entry, one file. A new modal is one
// row below.
import { afterAll, beforeAll, describe, it } from "vitest";
import { Actions, Inputs, Views } from "../../src/slack/ids.ts";
import { CUSTOMER_CHANNEL, ENGINEER_2, startHarness, type Harness } from "../support/harness.ts";
import { kit, person } from "./authorization-kit.ts";
import { caseIn, opened, pressedTwice, type Twice } from "./twice.ts";

/** Modals per scenario, each submitted twice at once. */
const DOUBLE_SUBMITS = 10;

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

const onCase = (option: string, callbackId: string, values: Record<string, string | string[]>, level: "normal" | "A" = "normal") => async () => {
  const c = await caseIn(h, level);
  const view = await opened(h, "engineer", callbackId, () => k.click(person("engineer"), Actions.caseMenu, { channelId: CUSTOMER_CHANNEL, messageTs: c.rootTs, option: `${option}:${c.caseId}` }));
  return { caseId: c.caseId, press: () => k.submit(person("engineer"), view, values) };
};
const onContract = (actionId: string, callbackId: string, values: () => Record<string, string | string[]>, value = () => "") => async () => {
  const view = await opened(h, "manager", callbackId, () => k.click(person("manager"), actionId, { value: value() }));
  const filled = values();
  return { press: () => k.submit(person("manager"), view, filled) };
};

let registered = 0;
const SCENARIOS: Twice[] = [
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

describe(`modals submitted twice at once (${DOUBLE_SUBMITS} each)`, () => {
  for (const scenario of SCENARIOS) it(`${scenario.name}: twice does what once does`, () => pressedTwice(h, scenario, DOUBLE_SUBMITS), 120_000);
});
