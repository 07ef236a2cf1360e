// App Home for engineers, end to end: 「自分の案件」 with each case's state, the next thing due and a link, then the
// queue in FIFO order (R-LIFE-5) with Take / Open, then the engineer's recently closed cases, then the switches of
// their notifications — which really stop a kind of direct message. Through the real receiver and the stand-in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { Actions, CaseworkIds, Views } from "../../src/slack/ids.ts";
import type { SlackView } from "../support/slack-api.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, ENGINEER_2, HOME_TEAM, startHarness, type Harness } from "../support/harness.ts";
import { caseRow, customerCase, rootTs } from "./engineer-helpers.ts";

let h: Harness;
beforeAll(async () => {
  // Tue 2026-11-24 10:00 in Tokyo.
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  await h.registerCustomer({ incidents: 100 });
  h.slack.setUser({ id: ENGINEER, team_id: HOME_TEAM, locale: "ja-JP" });
  h.slack.setUser({ id: ENGINEER_2, team_id: HOME_TEAM, locale: "ja-JP" });
});
afterAll(async () => {
  await h?.close();
});

const publishes = (userId: string) => h.slack.callsTo("views.publish").filter((c) => c.args.user_id === userId).length;

async function openHome(userId: string, teamId = HOME_TEAM): Promise<SlackView> {
  const before = publishes(userId);
  const response = await h.driver.event({ type: "app_home_opened", user: userId, channel: `D${userId.slice(1)}`, tab: "home" }, { teamId });
  expect(response.status).toBe(200);
  await expect.poll(() => publishes(userId)).toBe(before + 1);
  return h.slack.homeView(userId)!;
}

type Block = { type: string; block_id?: string; text?: { text: string }; accessory?: { url?: string }; elements?: Array<Record<string, unknown>> };
const blocks = (view: SlackView) => view.blocks as Block[];
const text = (view: SlackView) => JSON.stringify(view.blocks);
/** The blocks between a header and the next divider: one part of the Home tab. */
function part(view: SlackView, header: string): Block[] {
  const all = blocks(view);
  const start = all.findIndex((b) => b.type === "header" && b.text?.text === header);
  if (start < 0) return [];
  const end = all.findIndex((b, i) => i > start && b.type === "divider");
  return all.slice(start + 1, end < 0 ? undefined : end);
}
const number = (caseId: number) => `#${String(caseId).padStart(4, "0")}`;

describe("an engineer's Home tab", () => {
  let mine: number;
  let waiting: number;
  let older: number;

  it("lists the engineer's own cases with their state, what is due next and a link to the thread", async () => {
    older = await customerCase(h, "古いご質問");
    h.clock.advance(60 * 60_000);
    waiting = await customerCase(h, "新しいご質問");
    mine = await customerCase(h, "担当中の案件");
    await h.database.db.client.case.update({ where: { id: mine }, data: { assigneeId: ENGINEER, state: "in_progress" } });
    const home = await openHome(ENGINEER);
    const own = part(home, "自分の案件");
    expect(own).toHaveLength(1);
    const line = own[0]!;
    expect(line.text?.text).toContain(`${number(mine)} 担当中の案件`);
    expect(line.text?.text).toContain("対応中");
    expect(line.text?.text).toContain("次の期限: 初回回答 <!date^");
    const link = line.accessory?.url;
    expect(link).toMatch(/^https:\/\//);
    expect(line.text?.text).toContain(`<${link}|${number(mine)} 担当中の案件>`);
    // Another engineer's Home does not show it as theirs.
    expect(part(await openHome(ENGINEER_2), "自分の案件").map((b) => b.text?.text ?? "").join()).toContain("担当している対応中の案件はありません");
  });

  it("shows the queue oldest question first, each row linked, with Take while nobody has it and Open", async () => {
    const queue = part(await openHome(ENGINEER), "対応待ちの案件");
    const rows = queue.filter((b) => b.type === "section").map((b) => b.text?.text ?? "");
    const position = (caseId: number) => rows.findIndex((r) => r.includes(`${number(caseId)} `));
    expect(position(older)).toBeLessThan(position(waiting));
    const buttons = (caseId: number) => queue.find((b) => b.block_id === `${CaseworkIds.queueRow}:${caseId}`)?.elements ?? [];
    expect(buttons(waiting).map((e) => e.action_id)).toEqual([Actions.take, CaseworkIds.actions.openThread]);
    expect(buttons(waiting)[1]?.url).toMatch(/^https:\/\//);
    // A case somebody has offers no Take.
    expect(buttons(mine).map((e) => e.action_id)).toEqual([CaseworkIds.actions.openThread]);
  });

  it("takes a case from the queue: it is the engineer's at once, and their Home shows it among their own", async () => {
    const home = h.slack.homeView(ENGINEER)!;
    const before = publishes(ENGINEER);
    const response = await h.driver.blockAction({
      actionId: Actions.take, value: String(waiting), userId: ENGINEER, userTeamId: HOME_TEAM,
      view: { id: home.id, callbackId: Views.home }, blockId: `${CaseworkIds.queueRow}:${waiting}`,
    });
    expect(response.status).toBe(200);
    expect(response.slackWouldReject).toBeUndefined();
    await expect.poll(async () => (await caseRow(h, waiting)).assigneeId).toBe(ENGINEER);
    await expect.poll(() => publishes(ENGINEER)).toBeGreaterThan(before);
    expect(part(h.slack.homeView(ENGINEER)!, "自分の案件").map((b) => b.text?.text ?? "").join()).toContain(`${number(waiting)} 新しいご質問`);
  });

  it("lists the engineer's recently closed cases after the queue", async () => {
    await resolveCase(h.running.deps, { caseId: mine, actorId: ENGINEER });
    await h.drain();
    const home = await openHome(ENGINEER);
    const closed = part(home, "最近クローズした案件").map((b) => b.text?.text ?? "").join("\n");
    expect(closed).toContain(`${number(mine)} 担当中の案件`);
    expect(closed).toContain("解決");
    expect(closed).toContain("2026年11月24日（火）");
    const headers = blocks(home).filter((b) => b.type === "header").map((b) => b.text?.text);
    expect(headers.slice(0, 4)).toEqual(["自分の案件", "対応待ちの案件", "最近クローズした案件", "通知の設定"]);
    expect(part(home, "自分の案件").map((b) => b.text?.text ?? "").join()).not.toContain(number(mine));
  });
});

describe("the switches of an engineer's notifications", () => {
  it("start all on, and a kind turned off sends no more direct messages of it", async () => {
    const home = await openHome(ENGINEER_2);
    const switches = blocks(home).find((b) => b.block_id === CaseworkIds.notificationBlock)?.elements?.[0] as { options: Array<{ value: string }>; initial_options?: Array<{ value: string }> };
    expect(switches.options.map((o) => o.value)).toEqual(["assigned", "customer_message", "first_response", "proposal", "auto_close", "rated"]);
    expect(switches.initial_options?.map((o) => o.value)).toEqual(switches.options.map((o) => o.value));

    // Slack sends the boxes left ticked: here only 「担当への割り当て」.
    const response = await h.driver.blockAction({
      actionId: CaseworkIds.actions.notificationKinds, selectedOption: "assigned", userId: ENGINEER_2, userTeamId: HOME_TEAM,
      view: { id: home.id, callbackId: Views.home }, blockId: CaseworkIds.notificationBlock,
    });
    expect(response.status).toBe(200);
    await expect.poll(() => h.database.db.client.notificationPreference.count({ where: { userId: ENGINEER_2, enabled: false } })).toBe(5);
    await expect.poll(() => {
      const after = blocks(h.slack.homeView(ENGINEER_2)!).find((b) => b.block_id === CaseworkIds.notificationBlock)?.elements?.[0] as { initial_options?: Array<{ value: string }> };
      return after.initial_options?.map((o) => o.value);
    }).toEqual(["assigned"]);

    // The customer writes in the engineer's case: nothing reaches them; an assignment still does.
    const caseId = await customerCase(h, "通知を切った案件");
    await h.database.db.client.case.update({ where: { id: caseId }, data: { assigneeId: ENGINEER_2, state: "in_progress" } });
    h.clock.advance(1000);
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "追加のご質問です。", threadTs: await rootTs(h, caseId), ts: `${Math.floor(h.clock.now().getTime() / 1000)}.000100`, external: true });
    await expect.poll(() => h.database.db.client.caseMessage.count({ where: { caseId } })).toBe(1);
    const other = await customerCase(h, "割り当てられる案件");
    const { takeCase } = await import("../../src/services/take-case.ts");
    await takeCase(h.running.deps, { caseId: other, actorId: ENGINEER, assigneeId: ENGINEER_2 });
    await h.drain();
    h.clock.advance(60_000);
    await h.drain();
    const dms = h.slack.messages(`D${ENGINEER_2.slice(1)}`).map((m) => JSON.stringify(m.blocks));
    expect(dms.join()).not.toContain(number(caseId));
    expect(dms.join()).toContain(`${number(other)} 割り当てられる案件`);
  });

  it("are only an engineer's: a customer's Home shows no customer data", async () => {
    const home = await openHome(CUSTOMER, CUSTOMER_TEAM);
    expect(home.blocks).toHaveLength(1);
    expect(text(home)).not.toContain("株式会社サンプル");
  });
});
