// Each channel's deliveries go at their own pace. A channel with 500 messages Slack keeps failing (503) does not
// keep a healthy channel's case from its customer; a notice written by a scheduler pass run ahead of the clock
// (`scheduler run --as-of <later> --allow-future`, or a replica whose clock runs ahead) goes out now and does not
// block the messages written after it, in its channel or in the triage channel. Order within a channel holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { enqueue } from "../../src/db/outbox.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, ENGINEER, HOME_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { auditDelivery } from "./audit.ts";
import { openCaseDirect, rootTsOf } from "./flows.ts";
import { startSlackFaults, type SlackFaults } from "./slack-faults.ts";

const BACKLOG = "C0BACKLOG";
let h: Harness;
let faults: SlackFaults;

beforeAll(async () => {
  faults = await startSlackFaults();
  h = await startHarness({ env: { SLACK_API_URL: faults.url, SLACK_TEAM_ID: HOME_TEAM } });
  faults.target = h.slack.url;
  await h.registerCustomer({ incidents: 20 });
});
afterAll(async () => {
  await h?.close();
  await faults?.stop();
});

const pendingIn = (channelId: string) => h.database.db.client.outboxMessage.count({ where: { channelId, deliveredAt: null, failedAt: null } });

describe("outbox fairness between channels", () => {
  it("delivers a healthy channel's case while another channel's 500 messages keep failing, then delivers those 500 in order", async () => {
    const at = h.clock.now();
    await h.database.db.transaction(async (tx) => {
      for (let i = 0; i < 500; i += 1) {
        await enqueue(tx, BACKLOG, { kind: "channel.notice", notice: "notice.contract_exhausted", params: { endsOn: "2027-03-31", contact: `窓口 ${i}` } }, { at });
      }
    });
    faults.refuse({ channel: BACKLOG, status: 503 });
    await h.drain();
    const caseId = await openCaseDirect(h, "混雑していないチャンネルの案件", CUSTOMER);
    await h.drain();

    // The case reached its customer and T4U; the failing channel was tried at its head only, and waits.
    expect(await rootTsOf(h, caseId)).toBeTruthy();
    expect(h.slack.messages(TRIAGE_CHANNEL).some((m) => JSON.stringify(m.blocks ?? []).includes("混雑していないチャンネルの案件"))).toBe(true);
    expect(await pendingIn(BACKLOG)).toBe(500);
    expect(faults.refused.filter((c) => c.channel === BACKLOG)).toHaveLength(1);

    faults.clear();
    h.clock.advance(5 * 60_000);
    await h.drain();
    expect(await pendingIn(BACKLOG)).toBe(0);
    const posted = h.slack.messages(BACKLOG).map((m) => m.text);
    expect(posted).toHaveLength(500);
    expect(posted.every((text, i) => text.includes(`窓口 ${i} まで`))).toBe(true);
    expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
  }, 60_000);

  it("sends at once what a scheduler pass run ahead of the clock wrote, and the messages written after it", async () => {
    const caseId = await openCaseDirect(h, "先の日時で自動クローズされる案件", CUSTOMER);
    await h.drain();
    const root = await rootTsOf(h, caseId);
    expect((await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "ご確認ください。", threadTs: root })).status).toBe(200);
    await h.drain();

    // Well ahead of every clock here (the app's and this machine's): the case closes by itself as of then.
    const out: string[] = [];
    const code = await runCli(["scheduler", "run", "--as-of", "2027-02-01T10:00", "--allow-future"], { DATABASE_URL: h.database.url }, (l) => out.push(l), (l) => out.push(l));
    expect(code, out.join("\n")).toBe(0);
    const written = await h.database.db.client.outboxMessage.findMany({ where: { caseId, deliveredAt: null } });
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((r) => r.availableAt.getTime() > h.clock.now().getTime())).toBe(true);

    const later = await openCaseDirect(h, "その後に作成した案件", CUSTOMER);
    await h.drain();
    expect((await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe("closed");
    expect(h.slack.messages(CUSTOMER_CHANNEL).some((m) => m.thread_ts === root && m.text.includes("7 営業日"))).toBe(true);
    expect(await rootTsOf(h, later)).toBeTruthy();
    expect(h.slack.messages(TRIAGE_CHANNEL).some((m) => JSON.stringify(m.blocks ?? []).includes("その後に作成した案件"))).toBe(true);
    expect(await h.database.db.client.outboxMessage.count({ where: { deliveredAt: null } })).toBe(0);
    expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
  });

  it("keeps a channel's order behind a retry that is not yet due, while other channels go on", async () => {
    faults.refuse({ channel: CUSTOMER_CHANNEL, status: 429 });
    const waiting = await openCaseDirect(h, "レート制限の後ろの案件", CUSTOMER);
    await h.drain();
    faults.clear();
    await h.drain();
    // Retry-After: 1 s has not passed on the app's clock: the channel waits, in order; the triage channel does not.
    expect((await h.database.db.client.case.findUniqueOrThrow({ where: { id: waiting } })).rootTs).toBeNull();
    expect(h.slack.messages(TRIAGE_CHANNEL).some((m) => JSON.stringify(m.blocks ?? []).includes("レート制限の後ろの案件"))).toBe(true);
    h.clock.advance(1_000);
    await h.drain();
    expect(await rootTsOf(h, waiting)).toBeTruthy();
    expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
  });
});
