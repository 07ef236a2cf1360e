// Each customer channel knows its customer: registration records which connected workspace is the customer's,
// and only that workspace's people open cases, count as the customer in a thread, and answer proposals (R-ROLE,
// R-INC-5). A third organisation in the same channel, or anyone before the channel is shared, is refused politely
// and nothing is written. Through the real receiver, the real database and the Slack stand-in.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { openCase } from "../../src/services/open-case.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import { Actions, Commands, Inputs, TenancyIds, Views } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, MANAGER, TRIAGE_CHANNEL, startHarness, type Harness } from "../support/harness.ts";
import { caseNoticeAfter, modalAfter, openCaseFromEntry } from "./customer-helpers.ts";
import { AN_ENGINEER, caseRow, ephemeralAfter, everything, openActionModal, submit, type Person } from "./engineer-helpers.ts";

const PARTNER_TEAM = "T0PARTNER";
const A_PARTNER: Person = { userId: "U0PARTNER1", teamId: PARTNER_TEAM, role: "a person of a third workspace in the customer's channel" };
const A_CUSTOMER: Person = { userId: CUSTOMER, teamId: CUSTOMER_TEAM, role: "a customer" };
const CUSTOMER_2 = "U0CUST2";
const LATE_CHANNEL = "C0NOTSHARED";
const LATE_TEAM = "T0LATE";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.slack.setUser({ id: A_PARTNER.userId, team_id: PARTNER_TEAM });
  h.slack.setUser({ id: CUSTOMER_2, team_id: CUSTOMER_TEAM });
  h.slack.setTeam({ id: PARTNER_TEAM, name: "パートナー社" });
  // The customer's channel is shared with the customer and with a partner organisation.
  h.slack.setChannel({ id: CUSTOMER_CHANNEL, is_ext_shared: true, connected_team_ids: [HOME_TEAM, CUSTOMER_TEAM, PARTNER_TEAM] });
});
afterAll(async () => {
  await h?.close();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const env = { DATABASE_URL: h.database.url, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: h.slack.url };
  const code = await runCli(argv, env, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const terms = { customerName: "株式会社サンプル", channelIds: [CUSTOMER_CHANNEL], incidents: 10, confirmedOn: "2026-04-01", actorId: MANAGER };

async function proposalTs(caseId: number): Promise<string> {
  const root = (await caseRow(h, caseId)).rootTs;
  const message = h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === root && JSON.stringify(m.blocks ?? []).includes('"block_id":"proposal:')).at(-1);
  if (!message) throw new Error("no proposal message");
  return message.ts;
}

async function proposeLevelA(caseId: number): Promise<string> {
  const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.proposeLevelA, Views.levelA);
  const response = await submit(h, AN_ENGINEER, view, { [Inputs.reason.block]: { [Inputs.reason.action]: "環境を再現して検証いたします。" } });
  expect(response.json).toBeNull();
  await h.drain();
  return proposalTs(caseId);
}

function answer(who: Person, messageTs: string, actionId: string) {
  return h.driver.blockAction({ actionId, userId: who.userId, userTeamId: who.teamId, channelId: CUSTOMER_CHANNEL, messageTs });
}

describe("registering a channel shared with more than one outside workspace", () => {
  it("is refused until the manager says which workspace is the customer's, naming the connected ones", async () => {
    const refused = await registerContract(h.running.deps, terms);
    expect(refused).toMatchObject({ ok: false, errors: { customerTeam: "choose_team" } });
    expect(!refused.ok && "teams" in refused ? refused.teams?.map((t) => t.name) : null).toEqual(["サンプル", "パートナー社"]);
    expect(await h.database.db.client.customer.count()).toBe(0);
    const wrong = await registerContract(h.running.deps, { ...terms, customerTeamId: "T0NOBODY" });
    expect(wrong).toMatchObject({ ok: false, errors: { customerTeam: "team_not_connected" } });
  });

  it("records the chosen workspace as the customer and the other as not the customer", async () => {
    const result = await registerContract(h.running.deps, { ...terms, customerTeamId: CUSTOMER_TEAM });
    expect(result).toMatchObject({ ok: true, channels: [{ channelId: CUSTOMER_CHANNEL, customerTeams: [CUSTOMER_TEAM], otherTeams: [PARTNER_TEAM], shared: true }] });
    await h.drain();
    const shown = await cli("channel", "show", "--channel", CUSTOMER_CHANNEL);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(`customer workspaces: ${CUSTOMER_TEAM} (サンプル)`);
    expect(shown.out).toContain(`not the customer: ${PARTNER_TEAM} (パートナー社)`);
  });
});

describe("a person of a third workspace in the customer's channel", () => {
  it("is refused the entry button: no form, told why in the modal", async () => {
    const forms = () => h.slack.views().filter((v) => v.callback_id === Views.openCase).length;
    const modals = forms();
    const text = await caseNoticeAfter(h, A_PARTNER.userId, () => openCaseFromEntry(h, { userId: A_PARTNER.userId, teamId: PARTNER_TEAM }));
    expect(text).toBe(`恐れ入りますが、このチャンネルで案件の作成や残高の確認ができるのは、ご契約のお客様と T4U の担当者のみです。ご不明な点がございましたら、${h.config.contact} までお問い合わせください。`);
    expect(forms()).toBe(modals);
  });

  it("cannot approve a level A proposal on a case T4U opened for the customer; nothing is reserved", async () => {
    const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: ENGINEER, title: "代理で受け付けた質問", description: "お電話で承った内容です。", level: "normal" });
    if (!opened.ok) throw new Error(opened.reason);
    await h.drain();
    const ts = await proposeLevelA(opened.caseId);
    const before = await everything(h);
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, A_PARTNER.userId, () => answer(A_PARTNER, ts, Actions.approveProposal));
    expect(text).toContain("お客様のみ");
    expect(await everything(h)).toBe(before);
    // The customer's own people can.
    await answer(A_CUSTOMER, ts, Actions.approveProposal);
    await expect.poll(async () => (await caseRow(h, opened.caseId)).incidents).toBe(3);
  });

  it("does not count as the customer in a case thread: the engineer's answer still stands", async () => {
    const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "スレッドの確認", description: "詳細", level: "normal" });
    if (!opened.ok) throw new Error(opened.reason);
    await h.drain();
    const root = (await caseRow(h, opened.caseId)).rootTs!;
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "ご確認ください。", threadTs: root, external: true });
    await expect.poll(async () => (await caseRow(h, opened.caseId)).state).toBe("answered");
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: A_PARTNER.userId, userTeamId: PARTNER_TEAM, text: "横から失礼します。", threadTs: root });
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "", threadTs: root, subtype: "channel_join" });
    const row = await caseRow(h, opened.caseId);
    expect(row.state).toBe("answered");
    expect(row.lastCustomerMessageAt).toBeNull();
    expect(row.autoCloseAt).not.toBeNull();
  });
});

describe("named approvers", () => {
  it("only the named customer person answers a proposal, and the proposal says who", async () => {
    const set = await cli("channel", "approvers", "--channel", CUSTOMER_CHANNEL, "--users", CUSTOMER_2, "--by", MANAGER);
    expect(set).toMatchObject({ code: 0 });
    expect(set.out).toContain(`approvers: ${CUSTOMER_2}`);
    const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "承認者の確認", description: "詳細", level: "normal" });
    if (!opened.ok) throw new Error(opened.reason);
    await h.drain();
    const ts = await proposeLevelA(opened.caseId);
    expect(JSON.stringify(h.slack.message(CUSTOMER_CHANNEL, ts)?.blocks)).toContain(`ご承認は <@${CUSTOMER_2}> 様にお願いしております`);
    const before = await everything(h);
    const text = await ephemeralAfter(h, CUSTOMER_CHANNEL, CUSTOMER, () => answer(A_CUSTOMER, ts, Actions.approveProposal));
    expect(text).toBe(`この提案にお答えいただけるのは、ご契約上の承認者（<@${CUSTOMER_2}> 様）のみです。承認者の方へご確認をお願いいたします。ご不明な点がございましたら、${h.config.contact} までお問い合わせください。`);
    expect(await everything(h)).toBe(before);
    await answer({ userId: CUSTOMER_2, teamId: CUSTOMER_TEAM, role: "the named approver" }, ts, Actions.approveProposal);
    await expect.poll(async () => (await caseRow(h, opened.caseId)).incidents).toBe(3);
    expect(await cli("channel", "approvers", "--channel", CUSTOMER_CHANNEL, "--users", "somebody")).toMatchObject({ code: 2, err: expect.stringContaining("--users must be user ids") });
    expect((await cli("channel", "approvers", "--channel", CUSTOMER_CHANNEL, "--users=")).out).toContain("approvers: anyone of the customer workspaces");
  });
});

describe("a channel registered before it is shared", () => {
  it("says so, serves no outsider, and binds the one workspace when Slack reports the channel shared", async () => {
    h.slack.setChannel({ id: LATE_CHANNEL, is_ext_shared: false });
    h.slack.setUser({ id: "U0LATE1", team_id: LATE_TEAM });
    const added = await cli("contract", "add", "--customer", "後から共有株式会社", "--channel", LATE_CHANNEL, "--incidents", "5", "--confirmed", "2026-04-01");
    expect(added.code).toBe(0);
    expect(added.out).toContain(`${LATE_CHANNEL}: not shared with the customer's workspace yet`);
    h.clock.set(new Date());
    await h.drain();
    const text = await caseNoticeAfter(h, "U0LATE1", () => openCaseFromEntry(h, { userId: "U0LATE1", teamId: LATE_TEAM, channelId: LATE_CHANNEL }));
    expect(text).toContain("ご契約のお客様と T4U の担当者のみです");

    h.slack.setChannel({ id: LATE_CHANNEL, is_ext_shared: true, connected_team_ids: [HOME_TEAM, LATE_TEAM] });
    const shared = { type: "channel_shared", connected_team_id: LATE_TEAM, channel: LATE_CHANNEL, event_ts: "1796000000.000100" };
    await h.driver.event(shared, { eventId: "Ev0SHARED01" });
    await h.driver.event(shared, { eventId: "Ev0SHARED01", retryNum: 1, retryReason: "timeout" });
    await expect.poll(() => h.database.db.client.channelTeam.findMany({ where: { channelId: LATE_CHANNEL }, select: { teamId: true, role: true } }))
      .toEqual([{ teamId: LATE_TEAM, role: "customer" }]);
    await modalAfter(h, "U0LATE1", () => openCaseFromEntry(h, { userId: "U0LATE1", teamId: LATE_TEAM, channelId: LATE_CHANNEL }));
  });

  it("asks managers in the triage channel when a second workspace joins, and a manager confirms it", async () => {
    h.slack.setChannel({ id: LATE_CHANNEL, is_ext_shared: true, connected_team_ids: [HOME_TEAM, LATE_TEAM, PARTNER_TEAM] });
    await h.driver.event({ type: "channel_shared", connected_team_id: PARTNER_TEAM, channel: LATE_CHANNEL, event_ts: "1796000001.000100" }, { eventId: "Ev0SHARED02" });
    await expect.poll(async () => (await h.database.db.client.channelTeam.findUnique({ where: { channelId_teamId: { channelId: LATE_CHANNEL, teamId: PARTNER_TEAM } } }))?.role).toBe("pending");
    await h.drain();
    const alert = h.slack.messages(TRIAGE_CHANNEL).map((m) => m.text ?? "").find((t) => t.includes(PARTNER_TEAM));
    expect(alert).toContain("未確認のワークスペースが接続されました: パートナー社 (T0PARTNER)");
    expect(alert).toContain(`channel customer-team --channel ${LATE_CHANNEL}`);
    // Until a manager decides, the new workspace's people are outsiders.
    const text = await caseNoticeAfter(h, A_PARTNER.userId, () => openCaseFromEntry(h, { userId: A_PARTNER.userId, teamId: PARTNER_TEAM, channelId: LATE_CHANNEL }));
    expect(text).toContain("ご契約のお客様と T4U の担当者のみです");
    const confirmed = await cli("channel", "customer-team", "--channel", LATE_CHANNEL, "--team", `${LATE_TEAM},${PARTNER_TEAM}`, "--by", MANAGER);
    expect(confirmed.code).toBe(0);
    expect(confirmed.out).toContain(`customer workspaces: ${LATE_TEAM}, ${PARTNER_TEAM} (パートナー社)`);
    await modalAfter(h, A_PARTNER.userId, () => openCaseFromEntry(h, { userId: A_PARTNER.userId, teamId: PARTNER_TEAM, channelId: LATE_CHANNEL }));
  });
});

describe("the registration modal", () => {
  it("asks, as its second step, which of the connected workspaces is the customer's, and writes nothing yet (see manager-tenancy.test.ts)", async () => {
    h.slack.setChannel({ id: "C0MODALTWO", is_ext_shared: true, connected_team_ids: [HOME_TEAM, CUSTOMER_TEAM, PARTNER_TEAM] });
    const customers = await h.database.db.client.customer.count();
    await h.driver.slashCommand({ command: Commands.balance, text: "register", userId: MANAGER, channelId: "C0MGRS" });
    await expect.poll(() => h.slack.views().some((v) => v.open && v.user_id === MANAGER && v.callback_id === Views.registerContract)).toBe(true);
    const response = await h.driver.viewSubmission({
      callbackId: Views.registerContract, userId: MANAGER, userTeamId: HOME_TEAM,
      values: {
        [Inputs.customerName.block]: { [Inputs.customerName.action]: "モーダル株式会社" },
        [Inputs.customerChannels.block]: { [Inputs.customerChannels.action]: ["C0MODALTWO"] },
        [Inputs.incidents.block]: { [Inputs.incidents.action]: "5" },
        [Inputs.confirmedOn.block]: { [Inputs.confirmedOn.action]: "2026-11-01" },
      },
    });
    expect(response.slackWouldReject).toBeUndefined();
    expect(response.json).toMatchObject({ response_action: "update", view: { callback_id: TenancyIds.views.chooseTeam } });
    expect(JSON.stringify(response.json)).toContain("パートナー社 (T0PARTNER)");
    expect(await h.database.db.client.customer.count()).toBe(customers);
  });
});

describe("the command line", () => {
  it("names --customer-team when a channel is shared with several workspaces", async () => {
    h.slack.setChannel({ id: "C0SHAREDTWO", is_ext_shared: true, connected_team_ids: [HOME_TEAM, CUSTOMER_TEAM, PARTNER_TEAM] });
    const refused = await cli("contract", "add", "--customer", "二社共有株式会社", "--channel", "C0SHAREDTWO", "--incidents", "5", "--confirmed", "2026-04-01");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--customer-team: C0SHAREDTWO is shared with several workspaces (T0CUST (サンプル), T0PARTNER (パートナー社))");
    const added = await cli("contract", "add", "--customer", "二社共有株式会社", "--channel", "C0SHAREDTWO", "--incidents", "5", "--confirmed", "2026-04-01", "--customer-team", PARTNER_TEAM);
    expect(added.code).toBe(0);
    expect(added.out).toContain(`C0SHAREDTWO: customer workspace ${PARTNER_TEAM}; not the customer: ${CUSTOMER_TEAM}`);
  });
});
