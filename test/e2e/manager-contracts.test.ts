// A manager's day with contracts, end to end through the real receiver, database and the Slack stand-in: register a
// customer from App Home, look one customer up, make an additional purchase, an adjustment and a renewal from the
// customer's detail, and receive the ledger as a CSV file by direct message. Anyone else is refused on the server
// and nothing changes. Rules: R-CON-2..7, R-ROLE.
import type { ModalView } from "@slack/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceOverview } from "../../src/services/balance-overview.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { Actions, Commands, Inputs, Views } from "../../src/slack/ids.ts";
import { addIncidentsModal, adjustBalanceModal, exportLedgerModal, renewContractModal } from "../../src/slack/views/contract-modals.ts";
import { managerHomeBlocks } from "../../src/slack/views/manager-home.ts";
import { CUSTOMER_CHANNEL, ENGINEER, HOME_TEAM, MANAGER, startHarness, type Harness } from "../support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  await h.registerCustomer({ name: "株式会社サンプル", incidents: 10, confirmedOn: "2026-04-01" });
});
afterAll(async () => {
  await h?.close();
});

/** The managers' section of App Home as the Home tab shows it to this person (a stale one, for a non-manager). */
async function publishHome(userId: string) {
  const rows = await balanceOverview(h.running.deps);
  await h.running.app.client.views.publish({ user_id: userId, view: { type: "home", callback_id: Views.home, blocks: managerHomeBlocks(rows, translator("ja")) } });
  const home = h.slack.homeView(userId);
  if (!home) throw new Error("no home view");
  return { id: home.id, callbackId: Views.home };
}

function openModals(userId: string, callbackId: string) {
  return h.slack.views().filter((v) => v.open && v.user_id === userId && v.callback_id === callbackId);
}

async function modalFor(userId: string, callbackId: string) {
  await expect.poll(() => openModals(userId, callbackId).length).toBeGreaterThan(0);
  const modal = openModals(userId, callbackId).at(-1);
  if (!modal) throw new Error(`no ${callbackId} modal`);
  return modal;
}

function errorsOf(response: { json: unknown }): Record<string, string> {
  const json = response.json as { response_action?: string; errors?: Record<string, string> } | null;
  expect(json?.response_action).toBe("errors");
  return json?.errors ?? {};
}

function noticeOf(response: { json: unknown }): string {
  const json = response.json as { response_action?: string; view?: { callback_id?: string; blocks?: unknown[] } } | null;
  expect(json?.response_action).toBe("update");
  expect(json?.view?.callback_id).toBe(Views.managerNotice);
  return JSON.stringify(json?.view?.blocks);
}

const registration = (overrides: Record<string, Record<string, unknown>> = {}) => ({
  [Inputs.customerName.block]: { [Inputs.customerName.action]: "株式会社エクサンプル" },
  [Inputs.customerChannels.block]: { [Inputs.customerChannels.action]: ["C0EXAMPLE1", "C0EXAMPLE2"] },
  [Inputs.incidents.block]: { [Inputs.incidents.action]: "12" },
  [Inputs.confirmedOn.block]: { [Inputs.confirmedOn.action]: "2026-12-01" },
  [Inputs.channelLocale.block]: { [Inputs.channelLocale.action]: "en" },
  [Inputs.contact.block]: { [Inputs.contact.action]: "ご担当: 情報システム部 山田様" },
  ...overrides,
});

describe("registering from App Home (R-CON-2, R-CON-5)", () => {
  it("opens the registration modal from the manager's Home button", async () => {
    const home = await publishHome(MANAGER);
    const click = await h.driver.blockAction({ actionId: Actions.registerContract, userId: MANAGER, userTeamId: HOME_TEAM, view: home });
    expect(click.slackWouldReject).toBeUndefined();
    const modal = await modalFor(MANAGER, Views.registerContract);
    expect(JSON.stringify(modal.blocks)).toContain("multi_conversations_select");
  });

  it("shows problems inline and writes nothing: both a confirmation date and explicit dates, a channel of another customer", async () => {
    const before = await h.database.db.client.contract.count();
    const both = await h.driver.viewSubmission({
      callbackId: Views.registerContract, userId: MANAGER, userTeamId: HOME_TEAM,
      values: registration({ [Inputs.startsOn.block]: { [Inputs.startsOn.action]: "2026-12-01" } }),
    });
    expect(both.slackWouldReject).toBeUndefined();
    expect(errorsOf(both)).toEqual({ [Inputs.confirmedOn.block]: "確認書発行日と、開始日・終了日は、どちらか一方だけを入力してください。" });
    const taken = await h.driver.viewSubmission({
      callbackId: Views.registerContract, userId: MANAGER, userTeamId: HOME_TEAM,
      values: registration({ [Inputs.customerChannels.block]: { [Inputs.customerChannels.action]: ["C0EXAMPLE1", CUSTOMER_CHANNEL] } }),
    });
    expect(errorsOf(taken)[Inputs.customerChannels.block]).toBe(`次のチャンネルは別のお客様に登録済みです: <#${CUSTOMER_CHANNEL}>`);
    expect(await h.database.db.client.contract.count()).toBe(before);
    expect(await h.database.db.client.customer.count({ where: { name: "株式会社エクサンプル" } })).toBe(0);
  });

  it("registers the customer, its channels and a contract valid one year from the confirmation date, and says so", async () => {
    const done = await h.driver.viewSubmission({ callbackId: Views.registerContract, userId: MANAGER, userTeamId: HOME_TEAM, values: registration() });
    expect(done.slackWouldReject).toBeUndefined();
    expect(noticeOf(done)).toContain("有効期間 2026-12-01 〜 2027-11-30");
    const customer = await h.database.db.client.customer.findUniqueOrThrow({ where: { name: "株式会社エクサンプル" }, include: { channels: true, contracts: true } });
    expect(customer.contactNote).toBe("ご担当: 情報システム部 山田様");
    expect(customer.channels.map((c) => [c.channelId, c.locale])).toEqual([["C0EXAMPLE1", "en"], ["C0EXAMPLE2", "en"]]);
    expect(customer.contracts).toMatchObject([{ startsOn: "2026-12-01", endsOn: "2027-11-30", purchased: 12, available: 12, createdBy: MANAGER }]);
    expect(await h.database.db.client.ledgerEntry.findFirst({ where: { customerId: customer.id } })).toMatchObject({ kind: "purchase", amount: 12, actorId: MANAGER });
    await h.drain();
    for (const channel of ["C0EXAMPLE1", "C0EXAMPLE2"]) expect(h.slack.messages(channel)[0]?.text).toContain("Rakan™ support desk");
  });

  it("opens the same modal with /balance register", async () => {
    const before = openModals(MANAGER, Views.registerContract).length;
    const reply = await h.driver.slashCommand({ command: Commands.balance, text: "register", userId: MANAGER, channelId: "C0MGRS" });
    expect(reply.slackWouldReject).toBeUndefined();
    await expect.poll(() => openModals(MANAGER, Views.registerContract).length).toBe(before + 1);
  });
});

describe("refusing everyone but managers (R-ROLE)", () => {
  it("refuses an engineer's click on a manager button left on their Home, opening nothing", async () => {
    const home = await publishHome(ENGINEER);
    for (const actionId of [Actions.registerContract, Actions.exportLedger]) {
      await h.driver.blockAction({ actionId, userId: ENGINEER, userTeamId: HOME_TEAM, view: home });
    }
    const customer = await h.database.db.client.customer.findUniqueOrThrow({ where: { name: "株式会社サンプル" } });
    await h.driver.blockAction({ actionId: Actions.customerDetail, userId: ENGINEER, userTeamId: HOME_TEAM, view: home, blockId: `balance_row_${customer.id}` });
    await expect.poll(() => openModals(ENGINEER, Views.managerNotice).length).toBe(3);
    expect(JSON.stringify(openModals(ENGINEER, Views.managerNotice)[0]?.blocks)).toContain("この操作はT4Uの管理者のみ行えます。");
    for (const callbackId of [Views.registerContract, Views.exportLedger, Views.customerDetail]) expect(openModals(ENGINEER, callbackId)).toHaveLength(0);
  });

  it("refuses an engineer's submission of a registration modal, inline, and writes nothing", async () => {
    const open = await h.driver.slashCommand({ command: Commands.balance, text: "register", userId: MANAGER, channelId: "C0MGRS" });
    expect(open.status).toBe(200);
    const modal = await modalFor(MANAGER, Views.registerContract);
    // The same form on an engineer's screen, as if it had been opened for them.
    const trigger = h.slack.issueTriggerId({ userId: ENGINEER });
    await h.running.app.client.views.open({ trigger_id: trigger, view: { type: "modal", callback_id: modal.callback_id, private_metadata: modal.private_metadata, title: modal.title as never, submit: modal.submit as never, blocks: modal.blocks as never } });
    const before = await h.database.db.client.ledgerEntry.count();
    const refused = await h.driver.viewSubmission({ callbackId: Views.registerContract, userId: ENGINEER, userTeamId: HOME_TEAM, values: registration({ [Inputs.customerName.block]: { [Inputs.customerName.action]: "不正な登録" } }) });
    expect(errorsOf(refused)).toEqual({ [Inputs.customerName.block]: "この操作はT4Uの管理者のみ行えます。" });
    expect(await h.database.db.client.ledgerEntry.count()).toBe(before);
    expect(await h.database.db.client.customer.count({ where: { name: "不正な登録" } })).toBe(0);
  });

  it("refuses an engineer's submission of every other contract form, inline, and changes nothing", async () => {
    const t = translator("ja");
    const c = await h.database.db.client.contract.findFirstOrThrow({ orderBy: { id: "asc" } });
    const info = { contractId: c.id, customerName: "株式会社サンプル", ...c };
    const forms: Array<{ view: ModalView; block: string; values: Record<string, Record<string, unknown>> }> = [
      { view: addIncidentsModal("req-add-00000001", info, t), block: Inputs.incidents.block, values: { [Inputs.incidents.block]: { [Inputs.incidents.action]: "5" } } },
      { view: adjustBalanceModal("req-adj-00000001", info, t), block: Inputs.amount.block, values: { [Inputs.amount.block]: { [Inputs.amount.action]: "5" }, [Inputs.reason.block]: { [Inputs.reason.action]: "不正" } } },
      { view: renewContractModal({ requestKey: "req-ren-00000001", customerId: c.customerId, customerName: "株式会社サンプル" }, t), block: Inputs.incidents.block, values: { [Inputs.incidents.block]: { [Inputs.incidents.action]: "5" }, [Inputs.confirmedOn.block]: { [Inputs.confirmedOn.action]: "2027-01-01" } } },
      { view: exportLedgerModal({ requestKey: "req-exp-00000001", from: "2026-11-01", to: "2026-11-24" }, t), block: Inputs.periodFrom.block, values: {} },
    ];
    const before = { ledger: await h.database.db.client.ledgerEntry.count(), contracts: await h.database.db.client.contract.count() };
    for (const form of forms) {
      // The form on an engineer's screen, as if it had been left open from when they were a manager.
      await h.running.app.client.views.open({ trigger_id: h.slack.issueTriggerId({ userId: ENGINEER }), view: form.view });
      const refused = await h.driver.viewSubmission({ callbackId: form.view.callback_id ?? "", userId: ENGINEER, userTeamId: HOME_TEAM, values: form.values });
      expect(errorsOf(refused), form.view.callback_id).toEqual({ [form.block]: "この操作はT4Uの管理者のみ行えます。" });
    }
    expect({ ledger: await h.database.db.client.ledgerEntry.count(), contracts: await h.database.db.client.contract.count() }).toEqual(before);
    expect(h.slack.uploads).toHaveLength(0);
  });

  it("refuses /balance subcommands to engineers without showing any customer", async () => {
    for (const text of ["", "株式会社サンプル", "register", "export 2026-04-01 2026-09-30"]) {
      const reply = await h.driver.slashCommand({ command: Commands.balance, text, userId: ENGINEER, channelId: "C0MGRS" });
      expect(JSON.stringify(reply.json)).toContain("管理者のみ");
      expect(JSON.stringify(reply.json)).not.toContain("株式会社サンプル");
    }
    expect(h.slack.uploads).toHaveLength(0);
  });
});

describe("one customer's contracts (R-CON-3, R-CON-4, R-CON-7)", () => {
  it("shows /balance <customer>: each contract's period, status and counters, and the recent ledger with who and when", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.balance, text: "株式会社サンプル", userId: MANAGER, channelId: "C0MGRS" });
    expect(reply.slackWouldReject).toBeUndefined();
    const body = JSON.stringify(reply.json);
    expect(body).toContain("株式会社サンプル");
    expect(body).toContain("契約 #1*（初回）· 有効");
    expect(body).toContain("期間 2026-04-01 〜 2027-03-31 · 購入 10 · 消費 0 · 予約 0 · 残り 10");
    expect(body).toMatch(/2026-11-24 10:00 · 購入 \+10 · 契約 #1 · <@U0MGR1>/);
  });

  it("lists every customer whose name contains what was typed, each with its details button", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.balance, text: "サンプル", userId: MANAGER, channelId: "C0MGRS" });
    const body = JSON.stringify(reply.json);
    expect(body).toContain("「サンプル」に一致するお客様が 2 社あります。");
    expect(body).toContain("株式会社エクサンプル");
    expect(body.match(new RegExp(Actions.customerDetail, "g"))).toHaveLength(2);
  });

  it("makes an additional purchase from the customer's detail: the same contract, its validity unchanged", async () => {
    const home = await publishHome(MANAGER);
    const customer = await h.database.db.client.customer.findUniqueOrThrow({ where: { name: "株式会社サンプル" }, include: { contracts: true } });
    const contractId = customer.contracts[0]!.id;
    await h.driver.blockAction({ actionId: Actions.customerDetail, userId: MANAGER, userTeamId: HOME_TEAM, view: home, blockId: `balance_row_${customer.id}` });
    const detail = await modalFor(MANAGER, Views.customerDetail);
    await h.driver.blockAction({ actionId: Actions.addIncidents, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: detail.id, callbackId: Views.customerDetail }, blockId: `contract_${contractId}` });
    const add = await modalFor(MANAGER, Views.addIncidents);
    expect(add.previous_view_id).toBe(detail.id);
    const done = await h.driver.viewSubmission({
      callbackId: Views.addIncidents, userId: MANAGER, userTeamId: HOME_TEAM,
      values: { [Inputs.incidents.block]: { [Inputs.incidents.action]: "5" }, [Inputs.reason.block]: { [Inputs.reason.action]: "注文書 #42" } },
    });
    expect(noticeOf(done)).toContain("残り 15、有効期限 2027-03-31（変更なし）");
    expect(await h.database.db.client.contract.findUniqueOrThrow({ where: { id: contractId } })).toMatchObject({ purchased: 15, available: 15, endsOn: "2027-03-31" });
    expect(await h.database.db.client.ledgerEntry.findFirst({ where: { kind: "addition" } })).toMatchObject({ contractId, amount: 5, actorId: MANAGER, reason: "注文書 #42" });
    // Going back, the detail underneath already shows the purchase.
    await expect.poll(() => JSON.stringify(h.slack.view(detail.id)?.blocks)).toContain("購入 15 · 消費 0 · 予約 0 · 残り 15");
    expect(JSON.stringify(h.slack.view(detail.id)?.blocks)).toContain("追加購入 +5 · 契約 #1 · <@U0MGR1> · 注文書 #42");
    // So does the manager's Home once its refresh runs.
    await h.running.homes.flush();
    expect(JSON.stringify(h.slack.homeView(MANAGER)?.blocks)).toContain("残り *15* / 購入 15");
  });

  it("adjusts with a required reason, refusing inline to go below what is available", async () => {
    const detail = await modalFor(MANAGER, Views.customerDetail);
    const contract = await h.database.db.client.contract.findFirstOrThrow({ orderBy: { id: "asc" } });
    await h.driver.blockAction({ actionId: Actions.adjustBalance, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: detail.id, callbackId: Views.customerDetail }, blockId: `contract_${contract.id}` });
    await modalFor(MANAGER, Views.adjustBalance);
    const tooMuch = await h.driver.viewSubmission({
      callbackId: Views.adjustBalance, userId: MANAGER, userTeamId: HOME_TEAM,
      values: { [Inputs.amount.block]: { [Inputs.amount.action]: "-16" }, [Inputs.reason.block]: { [Inputs.reason.action]: "登録誤り" } },
    });
    expect(errorsOf(tooMuch)[Inputs.amount.block]).toContain("残り（15）を超えて減らすことはできません");
    const done = await h.driver.viewSubmission({
      callbackId: Views.adjustBalance, userId: MANAGER, userTeamId: HOME_TEAM,
      values: { [Inputs.amount.block]: { [Inputs.amount.action]: "-2" }, [Inputs.reason.block]: { [Inputs.reason.action]: "登録誤り" } },
    });
    expect(noticeOf(done)).toContain("-2 調整しました");
    expect(await h.database.db.client.ledgerEntry.findFirst({ where: { kind: "adjust" } })).toMatchObject({ amount: -2, reason: "登録誤り", actorId: MANAGER });
  });

  it("registers a renewal as a new contract that may overlap the current one", async () => {
    // Closed and opened again from Home: a modal stack holds at most three views.
    const customer = await h.database.db.client.customer.findUniqueOrThrow({ where: { name: "株式会社サンプル" } });
    await h.driver.blockAction({ actionId: Actions.customerDetail, userId: MANAGER, userTeamId: HOME_TEAM, view: await publishHome(MANAGER), blockId: `balance_row_${customer.id}` });
    await expect.poll(() => openModals(MANAGER, Views.customerDetail).length).toBe(2);
    const detail = await modalFor(MANAGER, Views.customerDetail);
    await h.driver.blockAction({ actionId: Actions.renewContract, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: detail.id, callbackId: Views.customerDetail } });
    await modalFor(MANAGER, Views.renewContract);
    const done = await h.driver.viewSubmission({
      callbackId: Views.renewContract, userId: MANAGER, userTeamId: HOME_TEAM,
      values: { [Inputs.incidents.block]: { [Inputs.incidents.action]: "20" }, [Inputs.confirmedOn.block]: { [Inputs.confirmedOn.action]: "2027-03-01" } },
    });
    const text = noticeOf(done);
    expect(text).toContain("有効期間 2027-03-01 〜 2028-02-29");
    expect(text).toContain("契約 #1 と期間が重なります");
    const contracts = await h.database.db.client.contract.findMany({ where: { customer: { name: "株式会社サンプル" } }, orderBy: { id: "asc" } });
    expect(contracts.map((c) => [c.kind, c.startsOn, c.endsOn, c.purchased])).toEqual([["initial", "2026-04-01", "2027-03-31", 13], ["renewal", "2027-03-01", "2028-02-29", 20]]);
  });
});

describe("the ledger as a CSV file (R-CON-7)", () => {
  it("sends /balance export FROM TO to the manager's direct message as a UTF-8 CSV with a byte-order mark", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.balance, text: "export 2026-11-01 2026-11-30", userId: MANAGER, channelId: "C0MGRS" });
    expect(JSON.stringify(reply.json)).toContain("2026-11-01 〜 2026-11-30 の台帳を CSV にして、DM でお送りします。");
    await expect.poll(() => h.slack.uploads.length).toBe(1);
    const upload = h.slack.uploads[0]!;
    expect(h.slack.callsTo("conversations.open").at(-1)?.args).toMatchObject({ users: MANAGER });
    expect(upload).toMatchObject({ channel_id: "D0MGR1", filename: "ledger_2026-11-01_2026-11-30.csv" });
    const csv = upload.content.toString("utf8");
    expect(csv.startsWith("\uFEFF台帳ID,日時,お客様,契約,契約期間,種別,インシデント,案件,実行者,理由\r\n")).toBe(true);
    expect(csv).toContain(",2026-11-24T10:00:00+09:00,株式会社サンプル,1,2026-04-01..2027-03-31,追加購入,5,,U0MGR1,注文書 #42\r\n");
    expect(csv).toContain(",調整,-2,,U0MGR1,登録誤り\r\n");
    expect(upload.initial_comment).toMatch(/2026-11-01 〜 2026-11-30 の台帳です（\d+ 件）。/);
  });

  it("answers a malformed period with how to write it, and sends nothing", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.balance, text: "export 2026-11-30 2026-11-01", userId: MANAGER, channelId: "C0MGRS" });
    expect(JSON.stringify(reply.json)).toContain("/balance export 2026-04-01 2026-09-30");
    expect(h.slack.uploads).toHaveLength(1);
  });

  it("exports from the Home button's modal, this month by default", async () => {
    const home = await publishHome(MANAGER);
    await h.driver.blockAction({ actionId: Actions.exportLedger, userId: MANAGER, userTeamId: HOME_TEAM, view: home });
    const modal = await modalFor(MANAGER, Views.exportLedger);
    expect(JSON.stringify(modal.blocks)).toContain('"initial_date":"2026-11-01"');
    const done = await h.driver.viewSubmission({ callbackId: Views.exportLedger, userId: MANAGER, userTeamId: HOME_TEAM, values: {} });
    expect(noticeOf(done)).toContain("DM でお送りします");
    await expect.poll(() => h.slack.uploads.length).toBe(2);
    expect(h.slack.uploads[1]?.filename).toBe("ledger_2026-11-01_2026-11-24.csv");
  });
});
