// 「ご依頼中の案件」 on the channel's entry message: a customer finds the channel's open cases and those that ended
// lately (number, title, state, level, incidents, dates, a link to each thread), in a modal only they see. Someone
// of another organisation in the channel is refused politely, with the contact, and shown nothing (R-ROLE).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { Actions, CaseworkIds } from "../../src/slack/ids.ts";
import type { SlackView } from "../support/slack-api.ts";
import {
  CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, OTHER_CHANNEL, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, startHarness, type Harness,
} from "../support/harness.ts";
import { entryTs, ephemeralAfter } from "./customer-helpers.ts";
import { AN_ENGINEER, caseRow, clickButton, customerCase } from "./engineer-helpers.ts";

let h: Harness;
let open: number;
let levelA: number;
let resolved: number;
beforeAll(async () => {
  h = await startHarness({ now: "2026-12-01T01:00:00Z" });
  await h.registerCustomer({ incidents: 20 });
  await h.registerCustomer({ name: "他社株式会社", channelId: OTHER_CHANNEL, incidents: 5 });
  open = await customerCase(h, "ログイン画面が表示されない");
  levelA = await customerCase(h, "本番データベースの障害 <!channel>", "A");
  resolved = await customerCase(h, "帳票の文字化け");
  // Each case's message and triage announcement are out before anyone clicks on them.
  await vi.waitFor(async () => {
    for (const id of [open, levelA, resolved]) expect(await caseRow(h, id)).toMatchObject({ rootTs: expect.any(String), triageTs: expect.any(String) });
  }, { timeout: 15_000 });
  await clickButton(h, AN_ENGINEER, resolved, Actions.resolve);
  await vi.waitFor(async () => expect((await caseRow(h, resolved)).state).toBe("resolved"), { timeout: 15_000 });
  // Another customer's case, in their own channel: never listed in this one.
  const other = await openCase(h.running.deps, { requestKey: "other-1", channelId: OTHER_CHANNEL, openedBy: OTHER_CUSTOMER, title: "他社の案件", description: "本文", level: "normal" });
  expect(other.ok).toBe(true);
  await h.drain();
});
afterAll(async () => {
  await h?.close();
});

const casesModals = (userId: string) => h.slack.views().filter((v) => v.callback_id === CaseworkIds.views.channelCases && v.user_id === userId);

async function openCases(userId = CUSTOMER, teamId = CUSTOMER_TEAM, channelId = CUSTOMER_CHANNEL): Promise<SlackView> {
  const before = casesModals(userId).length;
  await h.driver.blockAction({ actionId: CaseworkIds.actions.channelCases, userId, userTeamId: teamId, channelId, messageTs: entryTs(h, channelId) });
  await expect.poll(() => casesModals(userId).length).toBe(before + 1);
  // The links to the threads follow in an update of the same modal.
  await expect.poll(() => JSON.stringify(casesModals(userId).at(-1)!.blocks)).toContain("slack.com/archives/");
  return casesModals(userId).at(-1)!;
}

describe("「ご依頼中の案件」", () => {
  it("sits on the channel's entry message, for everyone in the channel", () => {
    const entry = h.slack.message(CUSTOMER_CHANNEL, entryTs(h))!;
    expect(JSON.stringify(entry.blocks)).toContain(`"action_id":"${CaseworkIds.actions.channelCases}"`);
    expect(JSON.stringify(entry.blocks)).toContain("ご依頼中の案件");
  });

  it("lists the channel's open cases and the one that ended, with state, level, incidents, dates and a link to each thread", async () => {
    const modal = await openCases();
    const texts = modal.blocks.map((b) => JSON.stringify(b));
    const row = (id: number) => texts.find((t) => t.includes(`#${String(id).padStart(4, "0")} `)) ?? "";
    expect(row(open)).toContain("ログイン画面が表示されない");
    expect(row(open)).toContain("受付 · 通常サービス · 1 インシデント · 2026年12月1日（火） 受付");
    // People's words are escaped: a title cannot ping the channel.
    expect(row(levelA)).toContain("&lt;!channel&gt;");
    expect(row(levelA)).toContain("サービスレベルA · 3 インシデント");
    expect(row(resolved)).toContain("解決 · 通常サービス · 1 インシデント · 2026年12月1日（火） 受付 · 2026年12月1日（火） 終了");
    expect(texts.indexOf(row(resolved))).toBeGreaterThan(texts.findIndex((t) => t.includes("最近終了した案件")));
    for (const id of [open, levelA, resolved]) expect(row(id)).toMatch(/<https:\/\/[^|]+\/archives\/C0CUSTOMER\/p\d+\|#\d{4} /);
    expect(JSON.stringify(modal.blocks)).not.toContain("他社の案件");
    // Customer-visible Japanese carries no ISO date.
    expect(JSON.stringify(modal.blocks)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it("refuses someone of another organisation in the channel politely, with the contact, and shows them nothing", async () => {
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, OTHER_CUSTOMER, () => h.driver.blockAction({
      actionId: CaseworkIds.actions.channelCases, userId: OTHER_CUSTOMER, userTeamId: OTHER_CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: entryTs(h),
    }));
    expect(text).toMatch(/^恐れ入りますが、/);
    expect(text).toContain(h.config.contact);
    expect(text).not.toContain("ログイン画面");
    expect(casesModals(OTHER_CUSTOMER)).toEqual([]);
  });

  it("shows that customer their own channel's cases there", async () => {
    const modal = await openCases(OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, OTHER_CHANNEL);
    expect(JSON.stringify(modal.blocks)).toContain("他社の案件");
    expect(JSON.stringify(modal.blocks)).not.toContain("ログイン画面");
    expect(JSON.stringify(modal.blocks)).toContain("過去 30 日間に終了した案件はございません。");
  });

  it("is in English for a customer who reads Slack in English", async () => {
    h.slack.setUser({ id: "U0CUSTEN", team_id: CUSTOMER_TEAM, locale: "en-US" });
    const modal = await openCases("U0CUSTEN");
    expect(JSON.stringify(modal.title)).toContain("Your cases");
    expect(JSON.stringify(modal.blocks)).toContain("Received · Normal service · 1 incident · opened Tue, December 1, 2026");
  });
});
