// Exactly once: a customer double-clicks Approve or Decline on a proposal to raise their case (R-INC-5), 100 cases
// each, both clicks at the same moment. The answer counts once: two more incidents reserved once, or none.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, it } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { proposeLevelA } from "../../src/services/propose-level-a.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { Actions } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, ENGINEER, MANAGER, startHarness, type Harness } from "../support/harness.ts";
import { kit, person } from "./authorization-kit.ts";
import { pressedTwice, type Twice } from "./twice.ts";

const DOUBLE_CLICKS = 100;

let h: Harness;
let k: ReturnType<typeof kit>;
beforeAll(async () => {
  h = await startHarness();
  k = kit(h);
  const registered = await registerContract(h.running.deps, {
    customerName: "株式会社サンプル", channelIds: CHANNELS, incidents: 5_000, confirmedOn: "2026-04-01", actorId: MANAGER,
  });
  if (!registered.ok) throw new Error("registration failed");
  await h.drain();
});

/** One customer with several channels, so that the outbox, paced per channel, delivers in parallel. */
const CHANNELS = [CUSTOMER_CHANNEL, ...Array.from({ length: 7 }, (_, i) => `C0PROPOSAL${i}`)];
let spread = 0;
afterAll(async () => {
  await h?.close();
});

// Prepared without waiting for Slack: the messages are delivered once, before the first click.
const answer = (actionId: string) => async () => {
  const channelId = CHANNELS[spread++ % CHANNELS.length]!;
  const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId, openedBy: CUSTOMER, title: "提案への回答", description: "詳細", level: "normal" });
  if (!opened.ok) throw new Error(opened.reason);
  const proposed = await proposeLevelA(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER, levelReason: "reproduction", reason: "環境の再現が必要です" });
  if (!proposed.ok) throw new Error(proposed.reason);
  const press = async () => {
    const c = await h.database.db.client.case.findUniqueOrThrow({ where: { id: opened.caseId } });
    return k.click(person("customer of this channel"), actionId, { channelId, messageTs: c.rootTs ?? undefined, value: `${proposed.proposalId}:${c.id}` });
  };
  return { caseId: opened.caseId, press };
};

const SCENARIOS: Twice[] = [
  { name: "Approve a level A proposal (reserves 2 more, once)", who: "customer of this channel", opensModal: false, prepare: answer(Actions.approveProposal) },
  { name: "Decline a level A proposal (reserves nothing)", who: "customer of this channel", opensModal: false, prepare: answer(Actions.declineProposal) },
];

describe(`concurrent double-clicks of a customer's answer to a proposal (${DOUBLE_CLICKS} cases each)`, () => {
  for (const scenario of SCENARIOS) it(`${scenario.name}: a double-click does what one click does`, () => pressedTwice(h, scenario, DOUBLE_CLICKS), 120_000);
});
