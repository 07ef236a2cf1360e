// The triage announcement of a case, end to end: customer, level, incidents, a clipped description, a link to the
// case's thread, the assignee, the next thing due (the first response, then the expected date or the automatic
// close) or none once ended, and the staff controls while it is active.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { Actions } from "../../src/slack/ids.ts";
import { CUSTOMER_CHANNEL, ENGINEER, HOME_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { caseRow, customerCase, rootTs, triageTs } from "./engineer-helpers.ts";

let h: Harness;
beforeAll(async () => {
  // Tue 2026-11-24 10:00 in Tokyo.
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  await h.registerCustomer({ incidents: 100 });
});
afterAll(async () => {
  await h?.close();
});

const announcement = async (caseId: number) => {
  const message = h.slack.message(TRIAGE_CHANNEL, await triageTs(h, caseId));
  return JSON.stringify(message?.blocks ?? []);
};

describe("the triage announcement", () => {
  let caseId: number;

  it("names the customer, level and incidents, shows the description clipped and links to the case's thread", async () => {
    caseId = await customerCase(h, "ライセンス認証エラー");
    await h.drain();
    const blocks = await announcement(caseId);
    for (const words of ["株式会社サンプル", "通常サービス", "インシデント", "ライセンス認証の画面でエラー E-1024 が表示されます。", "未割り当て"]) expect(blocks).toContain(words);
    expect(blocks).toMatch(/<https:\/\/[^|>]+\|スレッドを開く>/);
    expect(blocks).toContain("次の期限");
    expect(blocks).toContain("初回回答 <!date^");
    expect(blocks).toContain(Actions.take);
    expect(blocks).toContain(Actions.resolve);

    const long = await customerCase(h, "長い説明の案件");
    await h.database.db.client.case.update({ where: { id: long }, data: { description: "あ".repeat(1000) } });
    await h.database.db.client.outboxMessage.create({ data: { channelId: TRIAGE_CHANNEL, caseId: long, kind: "triage_refresh", payload: { kind: "triage.refresh", caseId: long }, createdAt: h.clock.now(), availableAt: h.clock.now() } });
    await h.drain();
    const clipped = await announcement(long);
    expect(clipped).toContain(`${"あ".repeat(299)}…`);
    expect(clipped).not.toContain("あ".repeat(301));
  });

  it("after the first answer shows the assignee and the automatic close as the next thing due, no longer the first response", async () => {
    h.clock.advance(60 * 60_000);
    const ts = `${Math.floor(h.clock.now().getTime() / 1000)}.000100`;
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "確認いたします。", threadTs: await rootTs(h, caseId), ts, external: true });
    await expect.poll(async () => (await caseRow(h, caseId)).state).toBe("answered");
    await h.drain();
    const blocks = await announcement(caseId);
    expect(blocks).toContain(`<@${ENGINEER}>`);
    expect(blocks).not.toContain("初回回答 <!date^");
    // Seven business days after Tue 24 November: Thu 3 December.
    expect(blocks).toContain("自動クローズ 2026年12月3日（木）");
  });

  it("once resolved shows nothing due and no controls", async () => {
    await resolveCase(h.running.deps, { caseId, actorId: ENGINEER });
    await h.drain();
    const blocks = await announcement(caseId);
    expect(blocks).toContain("次の期限");
    expect(blocks).toContain("なし");
    expect(blocks).not.toContain(Actions.resolve);
    expect(blocks).not.toContain(Actions.take);
  });
});

describe("the triage announcement's one drawing", () => {
  const updatesOf = (ts: string) => h.slack.callsTo("chat.update").filter((c) => c.ok && c.args.channel === TRIAGE_CHANNEL && c.args.ts === ts);

  it("goes out once, after the case's thread, with its link: never drawn a second time", async () => {
    const before = h.slack.callsTo("chat.getPermalink").length;
    const id = await customerCase(h, "一度だけ描かれる案件");
    await h.drain();
    const ts = await triageTs(h, id);
    expect(await announcement(id)).toMatch(/<https:\/\/[^|>]+\|スレッドを開く>/);
    expect(updatesOf(ts)).toEqual([]);
    // One link asked of Slack, for the one drawing.
    expect(h.slack.callsTo("chat.getPermalink").length - before).toBe(1);
  });

  it("is drawn again once, with the link, when it had to go out before its thread", async () => {
    // Slack fails the thread's first post: the announcement goes out without the link, the thread a moment later.
    h.slack.fail("chat.postMessage", { status: 500, times: 1 });
    const id = await customerCase(h, "スレッドが遅れた案件");
    await h.drain();
    expect(await announcement(id)).not.toContain("スレッドを開く");
    // The thread's post is tried again a little later.
    h.clock.advance(5 * 60_000);
    await h.drain();
    const ts = await triageTs(h, id);
    expect(await rootTs(h, id)).toBeTruthy();
    expect(await announcement(id)).toMatch(/<https:\/\/[^|>]+\|スレッドを開く>/);
    expect(updatesOf(ts)).toHaveLength(1);
  });

  it("keeps its thread's link: redrawn at each change of the case, it asks Slack for the link once", async () => {
    const before = h.slack.callsTo("chat.getPermalink").length;
    const id = await customerCase(h, "何度も描き直される案件");
    await h.drain();
    const ts = await triageTs(h, id);
    await resolveCase(h.running.deps, { caseId: id, actorId: ENGINEER });
    await h.drain();
    // Redrawn as resolved, with the same link, and Slack was asked for it only for the first drawing.
    expect(updatesOf(ts)).toHaveLength(1);
    const redrawn = await announcement(id);
    expect(redrawn).toContain("なし");
    expect(redrawn).toMatch(/<https:\/\/[^|>]+\|スレッドを開く>/);
    expect(h.slack.callsTo("chat.getPermalink").length - before).toBe(1);
  });
});
