// Customers never see or touch each other's data (R-ROLE). Two customers share Slack Connect with T4U; once a
// channel's workspace is known (from its first customer case), people of any other workspace clicking in that
// channel are refused, their messages get no offer and are no follow-ups, and balances show only one's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseNumber } from "../../src/domain/case.ts";
import { openCase } from "../../src/services/open-case.ts";
import { prepareCaseModal } from "../../src/services/prepare-case-modal.ts";
import { Actions, Views } from "../../src/slack/ids.ts";
import {
  CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, OTHER_CHANNEL, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM,
  startHarness, TRIAGE_CHANNEL, type Harness,
} from "../support/harness.ts";
import { botReplies, caseNoticeAfter, entryTs, ephemeralAfter, modalAfter, openCaseFromEntry, rootOf, submitCase } from "./customer-helpers.ts";
import { expectOpened } from "../support/case-modal.ts";

let h: Harness;
let ours: { id: number; rootTs: string };
let theirs: { id: number; rootTs: string };
const db = () => h.database.db.client;

async function opens(userId: string, teamId: string, channelId: string, title: string) {
  await modalAfter(h, userId, () => openCaseFromEntry(h, { userId, teamId, channelId }));
  const submitted = await submitCase(h, { userId, teamId, title, description: `${title}（社外秘の詳細）` });
  await expectOpened(h, submitted, submitted.viewId);
  await h.drain();
  const created = await db().case.findFirstOrThrow({ where: { title } });
  return { id: created.id, rootTs: rootOf(h, caseNumber(created.id), channelId).ts };
}

beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ name: "株式会社サンプル", channelId: CUSTOMER_CHANNEL, incidents: 10 });
  await h.registerCustomer({ name: "他社株式会社", channelId: OTHER_CHANNEL, incidents: 7 });
});
afterAll(async () => {
  await h?.close();
});

function caseModals(): number {
  return h.slack.views().filter((v) => v.callback_id === Views.openCase).length;
}

describe("a person of another customer's workspace in this channel", () => {
  it("knows each channel's customer workspace from registration, before any case", async () => {
    const teams = await db().channelTeam.findMany({ orderBy: { channelId: "asc" }, select: { channelId: true, teamId: true, role: true } });
    expect(teams).toEqual([
      { channelId: CUSTOMER_CHANNEL, teamId: CUSTOMER_TEAM, role: "customer" },
      { channelId: OTHER_CHANNEL, teamId: OTHER_CUSTOMER_TEAM, role: "customer" },
    ]);
    ours = await opens(CUSTOMER, CUSTOMER_TEAM, CUSTOMER_CHANNEL, "サンプル社の質問");
    theirs = await opens(OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, OTHER_CHANNEL, "他社の質問");
  });

  it("is refused the entry button: no form, told why in the modal, no balance figures", async () => {
    const modals = caseModals();
    const text = await caseNoticeAfter(h, OTHER_CUSTOMER, () => openCaseFromEntry(h, { userId: OTHER_CUSTOMER, teamId: OTHER_CUSTOMER_TEAM }));
    expect(text).toBe(`恐れ入りますが、このチャンネルで案件の作成や残高の確認ができるのは、ご契約のお客様と T4U の担当者のみです。ご不明な点がございましたら、${h.config.contact} までお問い合わせください。`);
    expect(caseModals()).toBe(modals);
  });

  it("is refused the balance button, and sees none of this customer's figures", async () => {
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, OTHER_CUSTOMER, () => h.driver.blockAction({
      actionId: Actions.showBalance, userId: OTHER_CUSTOMER, userTeamId: OTHER_CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: entryTs(h),
    }));
    expect(text).toContain("ご契約のお客様と T4U の担当者のみ");
    expect(text).not.toContain("ご利用可能");
    expect(text).not.toContain("有効期限");
  });

  it("gets no offer on their own messages, and cannot use this customer's offer", async () => {
    const foreign = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: OTHER_CUSTOMER, userTeamId: OTHER_CUSTOMER_TEAM, text: "こちらにも質問です", ts: foreign });
    const own = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "弊社の質問です", ts: own });
    await expect.poll(() => db().outboxMessage.count({ where: { dedupeKey: `offer:${CUSTOMER_CHANNEL}:${own}` } })).toBe(1);
    await h.drain();
    expect(await db().outboxMessage.count({ where: { dedupeKey: `offer:${CUSTOMER_CHANNEL}:${foreign}` } })).toBe(0);
    expect(botReplies(h, foreign)).toHaveLength(0);

    // The offer is an ephemeral to its author: nobody else, in either organisation, can even see it.
    const offer = h.slack.ephemerals(CUSTOMER_CHANNEL).find((e) => JSON.stringify(e.blocks ?? []).includes(`"case_offer:${own}"`))!;
    expect(offer.user).toBe(CUSTOMER);
    await expect(h.driver.blockAction({
      actionId: Actions.openCaseFromMessage, userId: OTHER_CUSTOMER, userTeamId: OTHER_CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: offer.message_ts,
    })).rejects.toThrow("only visible to");
  });

  it("does not move this customer's case: their message in its thread is no follow-up", async () => {
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "ご回答です。", threadTs: ours.rootTs });
    await expect.poll(async () => (await db().case.findUniqueOrThrow({ where: { id: ours.id } })).state).toBe("answered");
    const before = await db().case.findUniqueOrThrow({ where: { id: ours.id } });
    const ts = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: OTHER_CUSTOMER, userTeamId: OTHER_CUSTOMER_TEAM, text: "横から失礼します", threadTs: ours.rootTs, ts });
    await expect.poll(() => db().caseMessage.count({ where: { ts } })).toBe(1);
    const after = await db().case.findUniqueOrThrow({ where: { id: ours.id } });
    expect({ state: after.state, autoCloseAt: after.autoCloseAt, last: after.lastCustomerMessageAt })
      .toEqual({ state: before.state, autoCloseAt: before.autoCloseAt, last: before.lastCustomerMessageAt });
    expect((await db().caseMessage.findFirstOrThrow({ where: { ts } })).authorRole).not.toBe("customer");
  });

  it("is refused the follow-up button of this customer's closed case", async () => {
    await h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: (await db().case.findUniqueOrThrow({ where: { id: ours.id } })).triageTs! });
    await expect.poll(async () => (await db().case.findUniqueOrThrow({ where: { id: ours.id } })).state).toBe("resolved");
    const ts = h.driver.nextTs();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "追加で質問です", threadTs: ours.rootTs, ts });
    await expect.poll(() => db().caseMessage.count({ where: { ts } })).toBe(1);
    await h.drain();
    const reply = botReplies(h, ours.rootTs).find((m) => JSON.stringify(m.blocks ?? []).includes(Actions.openFollowUpCase))!;
    const modals = caseModals();
    const text = await caseNoticeAfter(h, OTHER_CUSTOMER, () => h.driver.blockAction({
      actionId: Actions.openFollowUpCase, userId: OTHER_CUSTOMER, userTeamId: OTHER_CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: reply.ts,
    }));
    expect(text).toContain("ご契約のお客様と T4U の担当者のみ");
    expect(caseModals()).toBe(modals);
  });

  it("and this customer's people are refused in the other customer's channel in turn", async () => {
    const text = await caseNoticeAfter(h, CUSTOMER, () => openCaseFromEntry(h, { channelId: OTHER_CHANNEL }));
    expect(text).toContain("ご契約のお客様と T4U の担当者のみ");
  });
});

describe("each customer's own data", () => {
  it("a customer's balance button shows their own figures only, to them only", async () => {
    const ourText = await ephemeralAfter(h, CUSTOMER_CHANNEL, CUSTOMER, () => h.driver.blockAction({
      actionId: Actions.showBalance, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: entryTs(h),
    }));
    const theirText = await ephemeralAfter(h, OTHER_CHANNEL, OTHER_CUSTOMER, () => h.driver.blockAction({
      actionId: Actions.showBalance, userId: OTHER_CUSTOMER, userTeamId: OTHER_CUSTOMER_TEAM, channelId: OTHER_CHANNEL, messageTs: entryTs(h, OTHER_CHANNEL),
    }));
    expect(ourText).toContain("ご利用可能: *9 インシデント*");
    expect(ourText).toContain("対応中の案件: 0 件");
    expect(theirText).toContain("ご利用可能: *6 インシデント*");
    expect(theirText).toContain("対応中の案件: 1 件");
    expect(h.slack.ephemerals(CUSTOMER_CHANNEL).every((e) => !e.text.includes("他社"))).toBe(true);
  });

  it("a follow-up cannot link to, or read from, another customer's case", async () => {
    // Another customer's case id, as a forged modal would carry it: neither its link nor its words come along.
    const channel = await db().customerChannel.findUniqueOrThrow({ where: { channelId: CUSTOMER_CHANNEL } });
    const prep = await prepareCaseModal(h.running.deps, { customerId: channel.customerId, channelId: CUSTOMER_CHANNEL, previousCaseId: theirs.id });
    expect(prep.previous).toBeNull();
    expect(prep.text).toBeNull();
    const opened = await openCase(h.running.deps, {
      requestKey: "forged-follow-up-0001", channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER,
      title: "続き", description: "続き", level: "normal", previousCaseId: theirs.id,
    });
    expect(opened.ok).toBe(true);
    const created = await db().case.findFirstOrThrow({ where: { requestKey: "forged-follow-up-0001" } });
    expect(created.previousCaseId).toBeNull();
    expect(created.channelId).toBe(CUSTOMER_CHANNEL);
  });
});
