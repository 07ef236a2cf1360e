// Exactly once: a customer double-clicks Approve or Decline on a proposal to raise their case (R-INC-5), 100 cases
// each, both clicks at the same moment. The answer counts once: two more incidents reserved once, or none.
import { afterAll, beforeAll, describe, it } from "vitest";
import { proposeLevelA } from "../../src/services/propose-level-a.ts";
import { Actions } from "../../src/slack/ids.ts";
import { CUSTOMER_CHANNEL, ENGINEER, startHarness, type Harness } from "../support/harness.ts";
import { kit, person } from "./authorization-kit.ts";
import { caseIn, pressedTwice, type Twice } from "./twice.ts";

const DOUBLE_CLICKS = 100;

let h: Harness;
let k: ReturnType<typeof kit>;
beforeAll(async () => {
  h = await startHarness();
  k = kit(h);
  await h.registerCustomer({ incidents: 5_000 });
});
afterAll(async () => {
  await h?.close();
});

const answer = (actionId: string) => async () => {
  const c = await caseIn(h);
  const proposed = await proposeLevelA(h.running.deps, { caseId: c.caseId, actorId: ENGINEER, levelReason: "reproduction", reason: "環境の再現が必要です" });
  if (!proposed.ok) throw new Error(proposed.reason);
  await h.drain();
  return { caseId: c.caseId, press: () => k.click(person("customer of this channel"), actionId, { channelId: CUSTOMER_CHANNEL, messageTs: c.rootTs, value: `${proposed.proposalId}:${c.caseId}` }) };
};

const SCENARIOS: Twice[] = [
  { name: "Approve a level A proposal (reserves 2 more, once)", who: "customer of this channel", opensModal: false, prepare: answer(Actions.approveProposal) },
  { name: "Decline a level A proposal (reserves nothing)", who: "customer of this channel", opensModal: false, prepare: answer(Actions.declineProposal) },
];

describe(`concurrent double-clicks of a customer's answer to a proposal (${DOUBLE_CLICKS} cases each)`, () => {
  for (const scenario of SCENARIOS) it(`${scenario.name}: a double-click does what one click does`, () => pressedTwice(h, scenario, DOUBLE_CLICKS), 120_000);
});
