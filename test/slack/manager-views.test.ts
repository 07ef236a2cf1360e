// What managers see stays within what Slack accepts however many customers, contracts and ledger entries there are,
// and reads as a manager needs it. Pure: no Slack, no database. Rules: R-CON-4, R-CON-6, R-CON-7.
import { describe, expect, it } from "vitest";
import type { CustomerBalance } from "../../src/services/balance-overview.ts";
import type { CustomerDetail } from "../../src/services/customer-detail.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { Actions, Views } from "../../src/slack/ids.ts";
import { balanceMessage, BALANCE_ROWS } from "../../src/slack/views/balance.ts";
import { addIncidentsModal, adjustBalanceModal, exportLedgerModal, managerNotice, parseModalMetadata, registerContractModal, renewContractModal } from "../../src/slack/views/contract-modals.ts";
import { customerDetailMessage, customerDetailModal } from "../../src/slack/views/customer-detail.ts";
import { managerHomeBlocks } from "../../src/slack/views/manager-home.ts";
import { validateBlocks, validateView } from "../support/block-kit-rules.ts";

const t = translator("ja");

function balance(n: number, overrides: Partial<CustomerBalance> = {}): CustomerBalance {
  return {
    customerId: n, name: `株式会社テスト ${n}`, purchased: 10, consumed: 2, reserved: 1, available: 7,
    validUntil: "2027-03-31", coveredUntil: "2027-03-31", daysLeft: 127, openCases: 1, exhaustsOn: null, attention: null, ...overrides,
  };
}

function detail(contracts: number, ledger: number): CustomerDetail {
  return {
    customerId: 7, name: "株式会社<サンプル>", contactNote: "ご担当: 山田様", channelIds: ["C0CUSTOMER", "C0CUSTOMER2"],
    tenancy: [
      { channelId: "C0CUSTOMER", teams: [{ teamId: "T0CUST", teamName: "サンプル<社>", role: "customer", decidedBy: "U0MGR1" }, { teamId: "T0NEW", teamName: null, role: "pending", decidedBy: null }], approvers: ["U0CUST1"] },
      { channelId: "C0CUSTOMER2", teams: [], approvers: [] },
    ],
    purchased: 30, consumed: 3, reserved: 1, available: 26, validUntil: "2028-02-29", coveredUntil: "2028-02-29", daysLeft: 400, openCases: 1,
    contracts: Array.from({ length: contracts }, (_, i) => ({
      id: i + 1, kind: i === 0 ? "initial" : "renewal", startsOn: `${2015 + i}-03-01`, endsOn: `${2016 + i}-02-28`,
      status: i === contracts - 1 ? "active" as const : "ended" as const, purchased: 10, available: 4, reserved: 0, consumed: 6, lapsed: i === contracts - 1 ? 0 : 4,
      note: null,
    })),
    ledger: Array.from({ length: ledger }, (_, i) => ({
      id: 100 - i, at: new Date(Date.UTC(2026, 10, 24, 1, i)), contractId: contracts, caseId: i % 2 ? 12 : null,
      kind: i % 3 === 0 ? "adjust" as const : "consume" as const, amount: i % 3 === 0 ? -1 : 1, actorId: i % 4 ? "U0MGR1" : "cli",
      reason: i % 3 === 0 ? `<!channel> 訂正 ${"あ".repeat(200)}` : null,
    })),
    forecast: {
      windowDays: 90, drawn: 9, ratePerDay: 0.1, available: 26, endsOn: "2028-02-29", exhaustsOn: "2027-01-07", runsOutEarly: true,
      lastYear: { consumed: 14, levelA: 2 }, suggestedRenewal: 15,
    },
  };
}

describe("the balance overview", () => {
  it("fits a message and the share of App Home it is given, with a thousand customers", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => balance(i + 1, i < 3 ? { attention: "expiring", daysLeft: 10 + i } : {}));
    const message = balanceMessage(rows, t);
    expect(validateBlocks(message.blocks, "message")).toBeNull();
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const home = managerHomeBlocks(rows, t);
    expect(home.length).toBeLessThanOrEqual(43);
    expect(validateView({ type: "home", blocks: home })).toBeNull();
    expect(JSON.stringify(message.blocks)).toContain(`ほか ${1000 - BALANCE_ROWS} 社`);
    expect(JSON.stringify(message.blocks)).toContain("1000 社 · 要対応 3 社");
  });

  it("says how many days are left to renew, and counts a renewal bought ahead (R-CON-4, R-CON-6)", () => {
    const text = JSON.stringify(balanceMessage([
      balance(1, { attention: "expiring", daysLeft: 20, validUntil: "2026-12-14", coveredUntil: "2026-12-14" }),
      balance(2, { validUntil: "2026-12-14", coveredUntil: "2027-12-13", daysLeft: 384 }),
      balance(3, { attention: "expired", validUntil: null, coveredUntil: null, daysLeft: null, available: 0 }),
    ], t).blocks);
    expect(text).toContain(":warning: 期限間近");
    expect(text).toContain("有効期限 2026-12-14（更新まであと20日）");
    expect(text).toContain("有効期限 2026-12-14 · 更新済み（2027-12-13 まで、あと384日）");
    expect(text).toContain(":red_circle: 期限切れ");
    expect(text).toContain("有効な契約なし");
  });
});

describe("a customer's detail", () => {
  it("fits a message and a modal with many contracts and a long ledger, escaping what people typed", () => {
    const d = detail(12, 15);
    const message = customerDetailMessage(d, "Asia/Tokyo", t);
    expect(validateBlocks(message.blocks, "message")).toBeNull();
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(validateView(customerDetailModal(d, "Asia/Tokyo", t))).toBeNull();
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("ほか過去の契約 4 件");
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("2026-11-24 10:00 · 調整 -1 · 契約 #12 · cli · &lt;!channel&gt; 訂正 ああ");
    expect(text).toContain("2026-11-24 10:01 · 消費 1 · 契約 #12 · #0012 · <@U0MGR1>");
    expect(text).toContain("失効 4（期間終了のため繰り越しません）");
    expect(text).toContain("<#C0CUSTOMER> · お客様のワークスペース: サンプル&lt;社&gt; (T0CUST) · 未確認のワークスペース: T0NEW · 承認できる方: <@U0CUST1>");
    expect(text).toContain("<#C0CUSTOMER2> · お客様のワークスペース: 未登録");
  });

  it("shows the customer's answer to the renewal notice and their applications made in Slack (R-CON-4)", () => {
    const d = detail(2, 0);
    d.contracts[1] = { ...d.contracts[1]!, renewal: { answer: "continue", by: "U0CUST1", on: "2026-11-20" } };
    d.contracts[0] = { ...d.contracts[0]!, renewal: { answer: null, by: null, on: null } };
    d.requests = [{ id: 3, kind: "renewal", incidents: 15, state: "pending", on: "2026-11-21" }];
    const message = customerDetailMessage(d, "Asia/Tokyo", t);
    expect(validateBlocks(message.blocks, "message")).toBeNull();
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("継続のご意向: *継続を希望する*（<@U0CUST1>、2026-11-20）");
    expect(text).toContain("継続のご意向: ご案内済み・ご回答なし");
    expect(text).toContain("*お申し込み*\\nR-0003 · 継続（新しい契約期間） 15 · 未処理 · 2026-11-21");
  });

  it("offers an additional purchase only on a contract that can take one, and adjustment and renewal always", () => {
    const blocks = customerDetailMessage(detail(2, 0), "Asia/Tokyo", t).blocks;
    const actions = (blockId: string) => JSON.stringify(blocks.find((b) => "block_id" in b && b.block_id === blockId));
    expect(actions("contract_1")).not.toContain(Actions.addIncidents);
    expect(actions("contract_1")).toContain(Actions.adjustBalance);
    expect(actions("contract_2")).toContain(Actions.addIncidents);
    expect(actions("customer_actions")).toContain(Actions.renewContract);
    expect(JSON.stringify(blocks)).toContain("台帳の記録はまだありません。");
  });
});

describe("the contract forms", () => {
  it("are modals Slack accepts, in both languages, carrying their request key and target", () => {
    for (const tr of [translator("ja"), translator("en")]) {
      const info = { contractId: 3, customerName: "株式会社サンプル", startsOn: "2026-04-01", endsOn: "2027-03-31", purchased: 10, available: 7, reserved: 1 };
      const views = [
        registerContractModal("req-register-1", tr),
        renewContractModal({ requestKey: "req-renew-1", customerId: 7, customerName: "株式会社サンプル" }, tr),
        addIncidentsModal("req-add-1", info, tr, "V0DETAIL"),
        adjustBalanceModal("req-adjust-1", info, tr),
        exportLedgerModal({ requestKey: "req-export-1", from: "2026-11-01", to: "2026-11-24" }, tr),
        managerNotice(tr("contracts.done.title"), tr("contracts.done.duplicate"), tr),
      ];
      for (const view of views) expect(validateView(view), view.callback_id).toBeNull();
      expect(parseModalMetadata(views[2]!.private_metadata ?? "")).toEqual({ requestKey: "req-add-1", customerId: null, contractId: 3, detailViewId: "V0DETAIL" });
      expect(parseModalMetadata(views[1]!.private_metadata ?? "")).toMatchObject({ customerId: 7, contractId: null });
      expect(views[0]?.callback_id).toBe(Views.registerContract);
    }
    expect(parseModalMetadata("not json")).toBeNull();
    expect(parseModalMetadata(JSON.stringify({ requestKey: "short" }))).toBeNull();
  });
});
