// Managers set a channel's tenancy in Slack, through the real receiver, database and Slack stand-in: registration
// asks which outside workspace is the customer's when a channel is shared with several (a second step of the same
// modal, offering what Slack says is connected), and a customer's detail changes a channel's customer workspaces
// and its named approvers. Slack is asked again at every submission: a forged or stale choice is refused inline and
// nothing is written; anyone but a manager is refused. Rules: R-ROLE, R-INC-5, R-CON-5.
import type { ModalView } from "@slack/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceOverview } from "../../src/services/balance-overview.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { Actions, Commands, Inputs, TenancyIds, Views } from "../../src/slack/ids.ts";
import { managerHomeBlocks } from "../../src/slack/views/manager-home.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, MANAGER, startHarness, type Harness } from "../support/harness.ts";

const TWO_ORGS = "C0TWOORGS";
const NISHA_TEAM = "T0NISHA";
const PARTNER_TEAM = "T0PARTNER";
const PARTNER = "U0PARTNER1";
const CUSTOMER_2 = "U0CUST2";
const REFUSED = "この操作はT4Uの管理者のみ行えます。";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  h.slack.setTeam({ id: NISHA_TEAM, name: "ニシャ" });
  h.slack.setTeam({ id: PARTNER_TEAM, name: "パートナー社" });
  h.slack.setUser({ id: PARTNER, team_id: PARTNER_TEAM });
  h.slack.setUser({ id: CUSTOMER_2, team_id: CUSTOMER_TEAM });
  h.slack.setChannel({ id: TWO_ORGS, is_ext_shared: true, connected_team_ids: [HOME_TEAM, NISHA_TEAM, PARTNER_TEAM] });
  await h.registerCustomer({ name: "株式会社サンプル", incidents: 10, confirmedOn: "2026-04-01" });
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.database.db.client;
const written = async () => JSON.stringify({
  customers: await db().customer.count(), contracts: await db().contract.count(), ledger: await db().ledgerEntry.count(),
  teams: await db().channelTeam.findMany({ orderBy: { id: "asc" }, select: { channelId: true, teamId: true, role: true } }),
  approvers: await db().channelApprover.findMany({ orderBy: { id: "asc" }, select: { channelId: true, userId: true } }),
});

function openModals(userId: string, callbackId: string) {
  return h.slack.views().filter((v) => v.open && v.user_id === userId && v.callback_id === callbackId);
}
async function modalFor(userId: string, callbackId: string) {
  await expect.poll(() => openModals(userId, callbackId).length).toBeGreaterThan(0);
  return openModals(userId, callbackId).at(-1)!;
}
function errorsOf(response: { json: unknown }): Record<string, string> {
  const json = response.json as { response_action?: string; errors?: Record<string, string> } | null;
  expect(json?.response_action).toBe("errors");
  return json?.errors ?? {};
}
function updatedTo(response: { json: unknown }, callbackId: string): ModalView {
  const json = response.json as { response_action?: string; view?: ModalView } | null;
  expect(json?.response_action).toBe("update");
  expect(json?.view?.callback_id).toBe(callbackId);
  return json!.view!;
}
const option = (value: string) => ({ type: "static_select", selected_option: { text: { type: "plain_text", text: "?" }, value } });
/** The same form left on someone else's screen (as if they had been a manager when it was opened). */
async function onScreenOf(userId: string, view: ModalView): Promise<void> {
  await h.running.app.client.views.open({ trigger_id: h.slack.issueTriggerId({ userId }), view });
}

describe("registering a channel shared with two outside workspaces from /balance register", () => {
  const form = {
    [Inputs.customerName.block]: { [Inputs.customerName.action]: "株式会社ニシャ" },
    [Inputs.customerChannels.block]: { [Inputs.customerChannels.action]: [TWO_ORGS] },
    [Inputs.incidents.block]: { [Inputs.incidents.action]: "5" },
    [Inputs.confirmedOn.block]: { [Inputs.confirmedOn.action]: "2026-12-01" },
  };
  const choose = (value: unknown, userId = MANAGER, userTeamId = HOME_TEAM) => h.driver.viewSubmission({
    callbackId: TenancyIds.views.chooseTeam, userId, userTeamId,
    values: { [TenancyIds.inputs.customerTeam.block]: { [TenancyIds.inputs.customerTeam.action]: value } },
  });
  let step: ModalView;

  it("turns the form into a second step that offers the connected workspaces by name, writing nothing yet", async () => {
    const before = await written();
    await h.driver.slashCommand({ command: Commands.balance, text: "register", userId: MANAGER, channelId: "C0MGRS" });
    await modalFor(MANAGER, Views.registerContract);
    const response = await h.driver.viewSubmission({ callbackId: Views.registerContract, userId: MANAGER, userTeamId: HOME_TEAM, values: form });
    expect(response.slackWouldReject).toBeUndefined();
    step = updatedTo(response, TenancyIds.views.chooseTeam);
    const shown = JSON.stringify(step.blocks);
    expect(shown).toContain(`*株式会社ニシャ* を登録します。<#${TWO_ORGS}> は複数の社外ワークスペースと共有されています。お客様のワークスペースをお選びください。`);
    expect(shown).toContain("5 インシデント");
    const select = step.blocks.find((b) => b.block_id === TenancyIds.inputs.customerTeam.block) as { element: { options: { text: { text: string }; value: string }[] } };
    expect(select.element.options.map((o) => [o.text.text, o.value])).toEqual([["ニシャ (T0NISHA)", NISHA_TEAM], ["パートナー社 (T0PARTNER)", PARTNER_TEAM]]);
    expect(await written()).toBe(before);
  });

  it("refuses a value Slack never offered, inline, and writes nothing", async () => {
    const before = await written();
    const forged = await choose(option("T0FORGED"));
    expect(errorsOf(forged)).toEqual({ [TenancyIds.inputs.customerTeam.block]: `選択されたワークスペースは、現在 <#${TWO_ORGS}> に接続されていません。Slack の接続状況をご確認のうえ、もう一度お選びください。` });
    expect(await written()).toBe(before);
  });

  it("asks Slack again at submission: a workspace that left the channel meanwhile is refused", async () => {
    const before = await written();
    h.slack.setChannel({ id: TWO_ORGS, is_ext_shared: true, connected_team_ids: [HOME_TEAM, NISHA_TEAM] });
    expect(errorsOf(await choose(PARTNER_TEAM))[TenancyIds.inputs.customerTeam.block]).toContain("接続されていません");
    expect(await written()).toBe(before);
    h.slack.setChannel({ id: TWO_ORGS, is_ext_shared: true, connected_team_ids: [HOME_TEAM, NISHA_TEAM, PARTNER_TEAM] });
  });

  it("refuses the step to an engineer and to a customer, writing nothing", async () => {
    const before = await written();
    for (const [userId, teamId] of [[ENGINEER, HOME_TEAM], [CUSTOMER, CUSTOMER_TEAM]] as const) {
      await onScreenOf(userId, step);
      expect(errorsOf(await choose(NISHA_TEAM, userId, teamId))).toEqual({ [TenancyIds.inputs.customerTeam.block]: REFUSED });
    }
    expect(await written()).toBe(before);
  });

  it("registers with the chosen workspace as the customer's and the other as not, and says which", async () => {
    const done = await choose(NISHA_TEAM);
    const notice = JSON.stringify(updatedTo(done, Views.managerNotice).blocks);
    expect(notice).toContain("*株式会社ニシャ* の契約 #2 を登録しました。");
    expect(notice).toContain("お客様のワークスペース: ニシャ (T0NISHA)");
    expect(await db().channelTeam.findMany({ where: { channelId: TWO_ORGS }, orderBy: { id: "asc" }, select: { teamId: true, role: true, decidedBy: true } }))
      .toEqual([{ teamId: NISHA_TEAM, role: "customer", decidedBy: MANAGER }, { teamId: PARTNER_TEAM, role: "excluded", decidedBy: MANAGER }]);
    expect(await db().contract.findFirstOrThrow({ where: { customer: { name: "株式会社ニシャ" } } })).toMatchObject({ purchased: 5, startsOn: "2026-12-01" });
  });
});

describe("a channel's workspaces and approvers from /balance <customer> (R-ROLE, R-INC-5)", () => {
  let detailId = "";
  const inDetail = (actionId: string) => h.driver.blockAction({
    actionId, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: detailId, callbackId: Views.customerDetail }, blockId: `${TenancyIds.channelBlock}:${CUSTOMER_CHANNEL}`,
  });
  const submitTeams = (teams: string[], userId = MANAGER, userTeamId = HOME_TEAM) => h.driver.viewSubmission({
    callbackId: TenancyIds.views.teams, userId, userTeamId, values: { [TenancyIds.inputs.customerTeams.block]: { [TenancyIds.inputs.customerTeams.action]: { type: "multi_static_select", selected_options: teams.map((v) => ({ text: { type: "plain_text", text: v }, value: v })) } } },
  });
  const submitApprovers = (users: string[], userId = MANAGER, userTeamId = HOME_TEAM) => h.driver.viewSubmission({
    callbackId: TenancyIds.views.approvers, userId, userTeamId, values: { [TenancyIds.inputs.approvers.block]: { [TenancyIds.inputs.approvers.action]: users } },
  });
  const roles = async () => Object.fromEntries((await db().channelTeam.findMany({ where: { channelId: CUSTOMER_CHANNEL } })).map((r) => [r.teamId, r.role]));

  /** The customer's detail as a manager opens it from Home (a new modal: Slack stacks at most three). */
  async function openDetail() {
    const rows = await balanceOverview(h.running.deps);
    await h.running.app.client.views.publish({ user_id: MANAGER, view: { type: "home", callback_id: Views.home, blocks: managerHomeBlocks(rows, translator("ja")) } });
    const customer = await db().customer.findUniqueOrThrow({ where: { name: "株式会社サンプル" } });
    const before = new Set(openModals(MANAGER, Views.customerDetail).map((v) => v.id));
    await h.driver.blockAction({ actionId: Actions.customerDetail, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: h.slack.homeView(MANAGER)!.id, callbackId: Views.home }, blockId: `balance_row_${customer.id}` });
    await expect.poll(() => openModals(MANAGER, Views.customerDetail).filter((v) => !before.has(v.id)).length).toBe(1);
    const detail = openModals(MANAGER, Views.customerDetail).find((v) => !before.has(v.id))!;
    detailId = detail.id;
    return detail;
  }

  it("shows each channel's workspaces with the buttons that change them, in /balance <customer> and in the detail", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.balance, text: "株式会社サンプル", userId: MANAGER, channelId: "C0MGRS" });
    expect(reply.slackWouldReject).toBeUndefined();
    const controls = (reply.json as { blocks: { block_id?: string; elements?: { action_id?: string; value?: string }[] }[] }).blocks
      .find((b) => b.block_id === `${TenancyIds.channelBlock}:${CUSTOMER_CHANNEL}`);
    expect(controls?.elements?.map((e) => [e.action_id, e.value])).toEqual([[TenancyIds.actions.editTeams, CUSTOMER_CHANNEL], [TenancyIds.actions.editApprovers, CUSTOMER_CHANNEL]]);
    const detail = await openDetail();
    const shown = JSON.stringify(detail.blocks);
    expect(shown).toContain(`<#${CUSTOMER_CHANNEL}> · お客様のワークスペース: サンプル (T0CUST)`);
    expect(shown).toContain("ワークスペースを変更");
    expect(shown).toContain("承認者を指定");
  });

  it("offers the workspaces Slack says are connected now, the customer's chosen", async () => {
    h.slack.setChannel({ id: CUSTOMER_CHANNEL, is_ext_shared: true, connected_team_ids: [HOME_TEAM, CUSTOMER_TEAM, PARTNER_TEAM] });
    await inDetail(TenancyIds.actions.editTeams);
    const modal = await modalFor(MANAGER, TenancyIds.views.teams);
    expect(modal.previous_view_id).toBe(detailId);
    const select = (modal.blocks as { block_id?: string }[]).find((b) => b.block_id === TenancyIds.inputs.customerTeams.block) as { element: { options: { value: string }[]; initial_options: { value: string }[] } };
    expect(select.element.options.map((o) => o.value)).toEqual([CUSTOMER_TEAM, PARTNER_TEAM]);
    expect(select.element.initial_options.map((o) => o.value)).toEqual([CUSTOMER_TEAM]);
  });

  it("refuses a workspace not connected, and anyone but a manager, writing nothing", async () => {
    const before = await written();
    expect(errorsOf(await submitTeams([CUSTOMER_TEAM, "T0FORGED"]))[TenancyIds.inputs.customerTeams.block]).toContain("接続されていません");
    const form = await modalFor(MANAGER, TenancyIds.views.teams);
    for (const [userId, teamId] of [[ENGINEER, HOME_TEAM], [CUSTOMER, CUSTOMER_TEAM]] as const) {
      await onScreenOf(userId, form as ModalView);
      expect(errorsOf(await submitTeams([CUSTOMER_TEAM, PARTNER_TEAM], userId, teamId))).toEqual({ [TenancyIds.inputs.customerTeams.block]: REFUSED });
    }
    expect(await written()).toBe(before);
  });

  it("makes the chosen workspaces the customer's, every other connected one not, and refreshes the detail", async () => {
    const done = await submitTeams([CUSTOMER_TEAM, PARTNER_TEAM]);
    expect(JSON.stringify(updatedTo(done, Views.managerNotice).blocks)).toContain(`<#${CUSTOMER_CHANNEL}> のお客様のワークスペースを サンプル (T0CUST), パートナー社 (T0PARTNER) にしました。`);
    expect(await roles()).toEqual({ [CUSTOMER_TEAM]: "customer", [PARTNER_TEAM]: "customer" });
    await expect.poll(() => JSON.stringify(h.slack.view(detailId)?.blocks)).toContain("パートナー社 (T0PARTNER)");
    await inDetail(TenancyIds.actions.editTeams);
    await modalFor(MANAGER, TenancyIds.views.teams);
    await submitTeams([CUSTOMER_TEAM]);
    expect(await roles()).toEqual({ [CUSTOMER_TEAM]: "customer", [PARTNER_TEAM]: "excluded" });
  });

  it("names approvers only among the customer's people, checked with Slack; anyone else is refused; empty lets any of them", async () => {
    await openDetail();
    await inDetail(TenancyIds.actions.editApprovers);
    const form = await modalFor(MANAGER, TenancyIds.views.approvers);
    expect(JSON.stringify(form.blocks)).toContain("multi_users_select");
    const before = await written();
    expect(errorsOf(await submitApprovers([CUSTOMER_2, PARTNER]))).toEqual({
      [TenancyIds.inputs.approvers.block]: `次の方はお客様のワークスペースのメンバーではないため、承認者に指定できません: <@${PARTNER}>`,
    });
    expect(errorsOf(await submitApprovers([ENGINEER]))[TenancyIds.inputs.approvers.block]).toContain(`<@${ENGINEER}>`);
    await onScreenOf(ENGINEER, form as ModalView);
    expect(errorsOf(await submitApprovers([CUSTOMER_2], ENGINEER))).toEqual({ [TenancyIds.inputs.approvers.block]: REFUSED });
    expect(await written()).toBe(before);
    const done = await submitApprovers([CUSTOMER_2]);
    expect(JSON.stringify(updatedTo(done, Views.managerNotice).blocks)).toContain(`<#${CUSTOMER_CHANNEL}> で承認できる方を <@${CUSTOMER_2}> にしました。`);
    expect(await db().channelApprover.findMany({ where: { channelId: CUSTOMER_CHANNEL }, select: { userId: true, createdBy: true } })).toEqual([{ userId: CUSTOMER_2, createdBy: MANAGER }]);
    await expect.poll(() => JSON.stringify(h.slack.view(detailId)?.blocks)).toContain(`承認できる方: <@${CUSTOMER_2}>`);
    await inDetail(TenancyIds.actions.editApprovers);
    const again = await modalFor(MANAGER, TenancyIds.views.approvers);
    expect(JSON.stringify(again.blocks)).toContain(`"initial_users":["${CUSTOMER_2}"]`);
    const anyone = await submitApprovers([]);
    expect(JSON.stringify(updatedTo(anyone, Views.managerNotice).blocks)).toContain("お客様のワークスペースの方ならどなたでも承認できます");
    expect(await db().channelApprover.count({ where: { channelId: CUSTOMER_CHANNEL } })).toBe(0);
  });
});
