// Exactly once, redeliveries: Slack delivers an event again (same event_id, X-Slack-Retry-Num) when it thinks the
// first delivery failed, possibly while the first is still being handled. Each scenario runs on twin fixtures: one
// delivery on one, many at once on the other; both must leave exactly the same footprint (rows written, messages
// posted, cards updated). A new event handler is covered by adding one row to the table below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCase } from "../../src/services/resolve-case.ts";
import type { DriverResponse } from "../support/driver.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, INTERNAL, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { auditDelivery, auditLedger, delta, tableCounts } from "./audit.ts";
import { inParallel, openCaseDirect, rootTsOf, settled } from "./flows.ts";

/** 1,000 redeliveries in all, spread over the scenarios. */
const REDELIVERIES = 1_000;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 1_000 });
});
afterAll(async () => {
  await h?.close();
});

/** Everything a person could notice: rows in each table, messages in Slack, cards re-rendered. */
async function quiet(): Promise<Record<string, number>> {
  await settled(() => tableCounts(h.database.db), 200);
  await h.drain();
  const posts = [CUSTOMER_CHANNEL, TRIAGE_CHANNEL].reduce((n, c) => n + h.slack.messages(c).filter((m) => m.bot_id).length, 0);
  return { ...(await tableCounts(h.database.db)), posts, updates: h.slack.callsTo("chat.update").length, ephemerals: h.slack.ephemerals(CUSTOMER_CHANNEL).length };
}

// ---------------------------------------------------------------------------------------------------------------
// Events Slack may deliver more than once. `prepare` builds a fresh fixture and returns a delivery of one event
// (fixed ts and text), which the test sends once or many times with the same event_id.

type Deliver = (opts: { eventId: string; retryNum?: number }) => Promise<DriverResponse>;
interface EventScenario { name: string; prepare(): Promise<Deliver> }

async function caseWithRoot(title: string): Promise<{ caseId: number; rootTs: string }> {
  const caseId = await openCaseDirect(h, title, CUSTOMER);
  await h.drain();
  return { caseId, rootTs: await rootTsOf(h, caseId) };
}

function threadReply(rootTs: string, userId: string, teamId: string, text: string): Deliver {
  const ts = h.driver.nextTs();
  return (opts) => h.driver.message({ channelId: CUSTOMER_CHANNEL, userId, userTeamId: teamId, text, ts, threadTs: rootTs, ...opts });
}

let askers = 0;

const EVENT_SCENARIOS: EventScenario[] = [
  {
    name: "a customer's follow-up in a case thread (R-INC-4)",
    prepare: async () => threadReply((await caseWithRoot("追加質問の重複")).rootTs, CUSTOMER, CUSTOMER_TEAM, "追加で質問です。"),
  },
  {
    name: "an engineer's answer, which starts the 7-business-day clock (R-LIFE-2)",
    prepare: async () => threadReply((await caseWithRoot("回答の重複")).rootTs, ENGINEER, HOME_TEAM, "回答いたします。"),
  },
  {
    name: "a note by T4U staff who are not engineers",
    prepare: async () => threadReply((await caseWithRoot("社内メモの重複")).rootTs, INTERNAL, HOME_TEAM, "社内メモ"),
  },
  {
    name: "a customer's reply after the case closed (R-LIFE-3)",
    prepare: async () => {
      const { caseId, rootTs } = await caseWithRoot("終了後の返信の重複");
      await resolveCase(h.running.deps, { caseId, actorId: ENGINEER });
      await h.drain();
      return threadReply(rootTs, CUSTOMER, CUSTOMER_TEAM, "まだ解決していません。");
    },
  },
  {
    name: "a customer's new message in the channel (offer to open a case)",
    prepare: async () => {
      const ts = h.driver.nextTs();
      // A person of the customer of their own per fixture: offers pause for a few minutes per person.
      const userId = `U0ASKER${++askers}`;
      return (opts) => h.driver.message({ channelId: CUSTOMER_CHANNEL, userId, userTeamId: CUSTOMER_TEAM, text: "製品のライセンスについて質問があります。", ts, ...opts });
    },
  },
  {
    name: "an edit of a recorded follow-up",
    prepare: async () => {
      const { rootTs } = await caseWithRoot("編集の重複");
      const ts = h.driver.nextTs();
      await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "編集前", ts, threadTs: rootTs });
      await settled(() => tableCounts(h.database.db));
      return (opts) => h.driver.event({
        type: "message", subtype: "message_changed", channel: CUSTOMER_CHANNEL, hidden: true, ts: h.driver.nextTs(),
        message: { type: "message", user: CUSTOMER, text: "編集後", ts, thread_ts: rootTs },
      }, opts);
    },
  },
];

describe("redelivered events change nothing the first delivery did not (1,000 redeliveries)", () => {
  const copies = Math.ceil(REDELIVERIES / EVENT_SCENARIOS.length);
  for (const [n, scenario] of EVENT_SCENARIOS.entries()) {
    it(`${scenario.name}: 1 delivery vs ${copies + 1} deliveries at once`, async () => {
      const once = await scenario.prepare();
      const many = await scenario.prepare();
      const base = await quiet();
      expect((await once({ eventId: `EvONCE${n}` })).status).toBe(200);
      const afterOnce = await quiet();
      const answers = await inParallel(Array.from({ length: copies + 1 }, (_, i) => i), 50, (i) =>
        many({ eventId: `EvMANY${n}`, ...(i > 0 ? { retryNum: 1 + (i % 3) } : {}) }));
      expect(answers.every((a) => a.status === 200)).toBe(true);
      const afterMany = await quiet();

      const single = delta(afterOnce, base);
      expect(delta(afterMany, afterOnce)).toEqual(single);
      expect(await auditLedger(h.database.db)).toEqual([]);
      expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
    }, 60_000);
  }
});
