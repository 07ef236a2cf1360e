// A message Slack was told we received is never lost: it is kept (one insert) before Slack gets its 200, and
// handled after. When the handling fails after the event was kept (a write refused mid-way, a process killed), the
// kept event is handled again later, once, until it succeeds; after eight failed attempts it is set aside for an
// operator, with the error. Failures are injected with a trigger that refuses to record a case's messages, in the
// real database (SQLite or PostgreSQL), so the app sees the refusal a broken disk or server would give it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ENGINEER, HOME_TEAM, CUSTOMER_CHANNEL, startHarness, type Harness } from "../support/harness.ts";
import { customerCase, rootTs } from "../e2e/engineer-helpers.ts";

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 50 });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.running.events.settled();
  await allowRecording();
});

const sql = (text: string) => h.database.db.client.$executeRawUnsafe(text);

/** From now on, recording a case's message fails the way a refused write does. */
async function refuseRecording(): Promise<void> {
  if (h.database.db.provider === "sqlite") {
    await sql(`CREATE TRIGGER refuse_messages BEFORE INSERT ON "CaseMessage" BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);
    return;
  }
  await sql(`CREATE OR REPLACE FUNCTION refuse_messages() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'could not write to file'; END $$ LANGUAGE plpgsql`);
  await sql(`CREATE TRIGGER refuse_messages BEFORE INSERT ON "CaseMessage" FOR EACH ROW EXECUTE FUNCTION refuse_messages()`);
}

async function allowRecording(): Promise<void> {
  if (h.database.db.provider === "sqlite") await sql(`DROP TRIGGER IF EXISTS refuse_messages`);
  else await sql(`DROP TRIGGER IF EXISTS refuse_messages ON "CaseMessage"`);
}

const recorded = (caseId: number) => h.database.db.client.caseMessage.count({ where: { caseId } });
const kept = (eventId: string) => h.database.db.client.inboundEvent.findUniqueOrThrow({ where: { eventId } });

async function answer(caseId: number, eventId: string, text: string) {
  return h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text, threadTs: await rootTs(h, caseId), eventId });
}

describe("an engineer's answer Slack was told we received", () => {
  it("is kept and answered 200 even though recording it fails, then recorded once when it is tried again 5 s later", async () => {
    const caseId = await customerCase(h, "保存失敗中の回答");
    await refuseRecording();
    const response = await answer(caseId, "EvKEPT0001", "ログを拝見しました。");
    expect(response.status).toBe(200);
    expect(await recorded(caseId)).toBe(0);
    const failed = await kept("EvKEPT0001");
    expect(failed.doneAt).toBeNull();
    expect(failed.failedAt).toBeNull();
    // One line naming the failure, as an operator reads it.
    expect(failed.lastError).toMatch(/^[^\n]+$/);

    // Not due yet: a pass now leaves it alone.
    await allowRecording();
    await h.running.events.pass();
    expect(await recorded(caseId)).toBe(0);

    h.clock.advance(5_000);
    await h.running.events.pass();
    expect(await recorded(caseId)).toBe(1);
    expect((await kept("EvKEPT0001")).doneAt).not.toBeNull();
    await h.drain();
    expect((await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("answered");

    // Slack's own redelivery of it, and another pass, change nothing.
    expect((await answer(caseId, "EvKEPT0001", "ログを拝見しました。")).status).toBe(200);
    h.clock.advance(60_000);
    await h.running.events.pass();
    expect(await recorded(caseId)).toBe(1);
  });

  it("is set aside with its error after eight failed attempts, and never recorded twice", async () => {
    const caseId = await customerCase(h, "保存できない回答");
    await refuseRecording();
    expect((await answer(caseId, "EvKEPT0002", "再現手順をお送りします。")).status).toBe(200);
    // Attempts 2 … 8, each after its back-off (5 s, 10 s, 20 s … at most 10 minutes).
    for (let attempt = 2; attempt <= 8; attempt += 1) {
      h.clock.advance(10 * 60_000);
      await h.running.events.pass();
    }
    const row = await kept("EvKEPT0002");
    expect(row.attempts).toBe(8);
    expect(row.failedAt).not.toBeNull();
    expect(row.lastError).toMatch(/^[^\n]+$/);
    await allowRecording();
    h.clock.advance(60 * 60_000);
    await h.running.events.pass();
    expect(await recorded(caseId)).toBe(0);
  });

  it("kept by a process that stopped before handling it, is handled by the next pass once its lease has run out", async () => {
    const caseId = await customerCase(h, "停止前に受け取った回答");
    const ts = h.slack.nextTs();
    const at = h.clock.now();
    // What the stopped process stored: the event as Slack sent it, leased to that process for 15 s.
    const body = {
      type: "event_callback", event_id: "EvKEPT0003", team_id: HOME_TEAM, api_app_id: h.slack.appId,
      event: { type: "message", channel: CUSTOMER_CHANNEL, user: ENGINEER, user_team: HOME_TEAM, text: "設定を変更してください。", ts, thread_ts: await rootTs(h, caseId), event_ts: ts },
      authorizations: [{ team_id: HOME_TEAM, user_id: h.slack.botUserId, is_bot: true }],
    };
    await h.database.db.client.inboundEvent.create({
      data: { eventId: "EvKEPT0003", kind: "message", body: JSON.stringify(body), receivedAt: at, availableAt: new Date(at.getTime() + 15_000), attempts: 1 },
    });
    await h.running.events.pass();
    expect(await recorded(caseId)).toBe(0);
    h.clock.advance(15_000);
    await h.running.events.pass();
    expect(await recorded(caseId)).toBe(1);
    const row = await kept("EvKEPT0003");
    expect(row.attempts).toBe(2);
    expect(row.doneAt).not.toBeNull();
  });
});
