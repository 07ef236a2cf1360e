// The engineers' view of the work, end to end: App Home and /queue in FIFO order (R-LIFE-5) with the first-response
// marks (R-LIFE-7), what other people's Home shows, the triage announcement kept current, internal talk staying in
// the triage thread, and engineers' thread answers marking cases answered (R-LIFE-2).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Actions, CaseworkIds, Commands, Views } from "../../src/slack/ids.ts";
import type { SlackView } from "../support/slack-api.ts";
import {
  CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, ENGINEER_2, HOME_TEAM, INTERNAL, MANAGER, startHarness, TRIAGE_CHANNEL, type Harness,
} from "../support/harness.ts";
import { AN_ENGINEER, caseRow, clickButton, customerCase, rootTs, triageTs } from "./engineer-helpers.ts";

let h: Harness;
beforeAll(async () => {
  // ENGINEER_2 is also a manager here: their Home shows both parts.
  h = await startHarness({ now: "2026-11-24T01:00:00Z", env: { SUPPORT_MANAGERS: `${MANAGER},${ENGINEER_2}` } });
  await h.registerCustomer({ incidents: 100 });
});
afterAll(async () => {
  await h?.close();
});

const HOUR = 3_600_000;
/** Slack's ts for an instant: when the person wrote it. */
const tsAt = (iso: string) => `${Math.floor(Date.parse(iso) / 1000)}.000200`;

function say(userId: string, teamId: string, caseRootTs: string, iso: string, channelId = CUSTOMER_CHANNEL, text = "ご確認ください。") {
  return h.driver.message({ channelId, userId, userTeamId: teamId, text, threadTs: caseRootTs, ts: tsAt(iso), external: channelId === CUSTOMER_CHANNEL });
}

async function openHome(userId: string, teamId = HOME_TEAM, tab = "home"): Promise<SlackView | undefined> {
  const before = h.slack.callsTo("views.publish").filter((c) => c.args.user_id === userId).length;
  const response = await h.driver.event({ type: "app_home_opened", user: userId, channel: `D0${userId.slice(2)}`, tab }, { teamId });
  expect(response.status).toBe(200);
  if (tab !== "home") return undefined;
  await expect.poll(() => h.slack.callsTo("views.publish").filter((c) => c.args.user_id === userId).length).toBe(before + 1);
  return h.slack.homeView(userId);
}

const text = (view: SlackView | undefined) => JSON.stringify(view?.blocks ?? []);

describe("engineers' answers in the case thread (R-LIFE-2, R-LIFE-7)", () => {
  let caseId: number;
  it("the first engineer message records the first response; the case waits on the customer", async () => {
    caseId = await customerCase(h, "最初の質問"); // Tue 2026-11-24 10:00 JST
    const root = await rootTs(h, caseId);
    await say(ENGINEER, HOME_TEAM, root, "2026-11-24T02:00:00Z");
    await expect.poll(async () => (await caseRow(h, caseId)).state).toBe("answered");
    const c = await caseRow(h, caseId);
    expect(c.firstResponseAt?.toISOString()).toBe("2026-11-24T02:00:00.000Z");
    expect(c).toMatchObject({ firstResponseDueAt: null, oldestUnansweredAt: null });
    // Seven business days from the answer: Wed 25, Thu 26, Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December.
    expect(c.autoCloseAt?.toISOString()).toBe("2026-12-03T02:00:00.000Z");
  });

  it("the last engineer message restarts the 7-business-day clock; the first response stays the first", async () => {
    const root = await rootTs(h, caseId);
    await say(CUSTOMER, CUSTOMER_TEAM, root, "2026-11-24T03:00:00Z");
    await expect.poll(async () => (await caseRow(h, caseId)).state).toBe("in_progress");
    await say(ENGINEER_2, HOME_TEAM, root, "2026-11-25T05:00:00Z");
    await expect.poll(async () => (await caseRow(h, caseId)).state).toBe("answered");
    const c = await caseRow(h, caseId);
    expect(c.firstResponseAt?.toISOString()).toBe("2026-11-24T02:00:00.000Z");
    expect(c.lastEngineerMessageAt?.toISOString()).toBe("2026-11-25T05:00:00.000Z");
    expect(c.autoCloseAt?.toISOString()).toBe("2026-12-04T05:00:00.000Z");
  });

  it("keeps the triage announcement current: state and first-response due follow the thread", async () => {
    await h.drain();
    const triage = JSON.stringify(h.slack.message(TRIAGE_CHANNEL, await triageTs(h, caseId))?.blocks);
    expect(triage).toContain("回答済み・ご確認待ち");
    expect(triage).toContain("株式会社サンプル");
    expect(triage).not.toContain("<!date^");
  });

  it("internal discussion in the triage thread is never an answer to the customer", async () => {
    const other = await customerCase(h, "社内で相談する案件");
    const triage = await triageTs(h, other);
    expect((await say(ENGINEER, HOME_TEAM, triage, "2026-11-24T02:30:00Z", TRIAGE_CHANNEL, "再現手順を社内で確認します")).status).toBe(200);
    expect((await say(ENGINEER_2, HOME_TEAM, triage, "2026-11-24T02:31:00Z", TRIAGE_CHANNEL, "ログの採取をお願いします")).status).toBe(200);
    // The real answer comes later, in the customer's thread: only it counts as the first response.
    await say(ENGINEER, HOME_TEAM, await rootTs(h, other), "2026-11-24T02:40:00Z");
    await expect.poll(async () => (await caseRow(h, other)).state).toBe("answered");
    expect((await caseRow(h, other)).firstResponseAt?.toISOString()).toBe("2026-11-24T02:40:00.000Z");
    const recorded = await h.database.db.client.caseMessage.findMany({ where: { caseId: other } });
    expect(recorded.map((m) => [m.channelId, m.authorRole])).toEqual([[CUSTOMER_CHANNEL, "engineer"]]);
    await h.drain();
    expect(JSON.stringify(h.slack.messages(CUSTOMER_CHANNEL))).not.toContain("再現手順を社内で確認します");
  });
});

describe("App Home and /queue (R-LIFE-5, R-LIFE-7)", () => {
  it("shows an engineer the oldest unanswered question first, with customer, age, due marks, assignee and whose turn it is", async () => {
    h.clock.set("2026-11-24T04:00:00Z");
    const newer = await customerCase(h, "後から来た質問");
    h.clock.set("2026-11-25T06:00:00Z"); // Wednesday 15:00: the first-response targets of Tuesday's cases have passed
    const home = text(await openHome(ENGINEER));
    // Waiting on T4U first, then waiting on the customer, longest-waiting first (in the queue, after 「自分の案件」).
    const queue = home.slice(home.indexOf('"text":"対応待ちの案件"'));
    const titles = ["後から来た質問", "社内で相談する案件", "最初の質問"].map((title) => queue.indexOf(title));
    expect(titles.every((i) => i > 0)).toBe(true);
    expect(titles).toEqual([...titles].sort((a, b) => a - b));
    expect(home).toContain("株式会社サンプル");
    expect(home).toContain("初回回答期限超過");
    expect(home).toContain("1営業日経過");
    expect(home).toContain("T4Uの対応待ち");
    expect(home).toContain("お客様の返信待ち");
    expect(home).toContain("担当なし");
    expect(home).toContain(Actions.refreshHome);
    expect(home).not.toContain("インシデント残高"); // balances are for managers
    expect(newer).toBeGreaterThan(0);
  });

  it("shows /queue with the same order, only to the engineer who asked", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.queue, userId: ENGINEER, channelId: "C0STAFF" });
    expect(reply.slackWouldReject).toBeUndefined();
    const body = JSON.stringify(reply.json);
    expect(body).toContain('"response_type":"ephemeral"');
    // Each row links to its thread and offers Open (and Take while nobody has it).
    expect(body).toMatch(/<https:\/\/[^|>]+\|#\d{4} 後から来た質問>/);
    expect(body).toContain(`"action_id":"${CaseworkIds.actions.openThread}"`);
    expect(body.indexOf("後から来た質問")).toBeLessThan(body.indexOf("社内で相談する案件"));
    expect(body.indexOf("社内で相談する案件")).toBeLessThan(body.indexOf("最初の質問"));
  });

  it("shows a manager the balances and no queue; someone who is both sees both", async () => {
    const manager = text(await openHome(MANAGER));
    expect(manager).toContain("インシデント残高");
    expect(manager).toContain(Actions.registerContract);
    expect(manager).not.toContain("最初の質問");
    const both = text(await openHome(ENGINEER_2));
    expect(both).toContain("インシデント残高");
    expect(both).toContain("最初の質問");
  });

  it("shows anyone else a short explanation and no customer's data", async () => {
    for (const [userId, teamId] of [[CUSTOMER, CUSTOMER_TEAM], [INTERNAL, HOME_TEAM]] as const) {
      const home = text(await openHome(userId, teamId));
      expect(home).toContain("T4Uのサポート担当と管理者のための画面");
      expect(home).not.toContain("株式会社サンプル");
      expect(home).not.toContain("最初の質問");
    }
  });

  it("draws nothing when the Messages tab is opened", async () => {
    const engineerPublishes = () => h.slack.callsTo("views.publish").filter((c) => c.args.user_id === ENGINEER).length;
    const before = engineerPublishes();
    await openHome(ENGINEER, HOME_TEAM, "messages");
    await openHome(MANAGER); // sent after, answered by the time its Home is drawn
    expect(engineerPublishes()).toBe(before);
  });

  it("stays current: a change re-publishes staff's Home without them reopening it", async () => {
    const publishesFor = (userId: string) => h.slack.callsTo("views.publish").filter((c) => c.args.user_id === userId).length;
    const [manager, customer] = [publishesFor(MANAGER), publishesFor(CUSTOMER)];
    const caseId = await customerCase(h, "新着の質問");
    await h.running.homes.flush();
    expect(text(h.slack.homeView(ENGINEER))).toContain("新着の質問");
    expect(publishesFor(MANAGER)).toBeGreaterThan(manager);
    await clickButton(h, AN_ENGINEER, caseId, Actions.take);
    await expect.poll(async () => (await caseRow(h, caseId)).assigneeId).toBe(ENGINEER);
    await h.running.homes.flush();
    expect(text(h.slack.homeView(ENGINEER))).toContain(`担当 <@${ENGINEER}>`);
    // Customers' Home is never drawn by these refreshes.
    expect(publishesFor(CUSTOMER)).toBe(customer);
  });

  it("re-publishes on the refresh button", async () => {
    const home = h.slack.homeView(ENGINEER)!;
    const before = h.slack.callsTo("views.publish").filter((c) => c.args.user_id === ENGINEER).length;
    const click = await h.driver.blockAction({ actionId: Actions.refreshHome, userId: ENGINEER, userTeamId: HOME_TEAM, view: { id: home.id, callbackId: Views.home } });
    expect(click.slackWouldReject).toBeUndefined();
    await expect.poll(() => h.slack.callsTo("views.publish").filter((c) => c.args.user_id === ENGINEER).length).toBe(before + 1);
  });

  it("lists at most 20 cases in /queue and what fits in Home, counting the rest, within Slack's block limits for a message and a Home tab", async () => {
    for (let i = 0; i < 42; i += 1) await customerCase(h, `大量の質問 ${i}`);
    h.clock.advance(HOUR);
    const open = await h.database.db.client.case.count({ where: { state: { in: ["open", "in_progress", "answered"] } } });
    const reply = await h.driver.slashCommand({ command: Commands.queue, userId: ENGINEER, channelId: "C0STAFF" });
    expect(reply.slackWouldReject).toBeUndefined();
    const body = JSON.stringify(reply.json);
    expect(body).toContain(`ほか ${open - 20} 件`);
    expect(body).not.toContain("大量の質問 41");
    const both = await openHome(ENGINEER_2);
    expect(both?.blocks.length).toBeLessThanOrEqual(100);
    const shown = (both?.blocks ?? []).filter((b) => String((b as { block_id?: string }).block_id ?? "").startsWith("queue_row:")).length;
    expect(shown).toBeGreaterThan(0);
    expect(text(both)).toContain(`ほか ${open - shown} 件`);
  }, 90_000); // 42 cases opened and announced, each with its thread link
});
