// The views of engineers' work, rendered without Slack: proposals as the customer reads them (R-INC-5) in both
// languages, the queue's marks (R-LIFE-5/7), every case modal, and the Home tab for each role — all within what
// Slack accepts.
import { describe, expect, it } from "vitest";
import type { CaseView } from "../../src/services/case-view.ts";
import type { ProposalView } from "../../src/services/proposal-view.ts";
import type { Queue, QueueRow } from "../../src/services/queue.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { Actions } from "../../src/slack/ids.ts";
import { assignModal, cancelDefectModal, declineScopeModal, expectedDateModal, levelAModal, lowerLevelModal, splitModal } from "../../src/slack/views/case-modals.ts";
import { homeView } from "../../src/slack/views/home.ts";
import { proposalMessage } from "../../src/slack/views/proposal-message.ts";
import { queueMessage } from "../../src/slack/views/queue.ts";
import { validateBlocks, validateView } from "../support/block-kit-rules.ts";

const proposal = (over: Partial<ProposalView> = {}): ProposalView => ({
  id: 7, caseId: 42, number: "#0042", channelId: "C0CUSTOMER", rootTs: "1790000000.000100", locale: "ja",
  kind: { kind: "split" }, reason: "<!channel> 原因の異なる2つの事象です。", parts: ["認証エラー", "帳票の文字化け"],
  before: 1, after: 2, state: "pending", proposedBy: "U0ENG1", decidedBy: null, available: 8, approvers: [], ...over,
});

const caseView: CaseView = {
  id: 42, number: "#0042", customerName: "株式会社サンプル", channelId: "C0CUSTOMER", title: "ライセンス認証エラー",
  description: "E-1024", product: null, level: "normal", levelReason: null, incidents: 1, state: "open", openedBy: "U0CUST1",
  assigneeId: null, rootTs: null, triageTs: null, createdAt: new Date("2026-11-24T01:00:00Z"), autoCloseOn: null,
  expectedAnswerOn: null, firstResponseDueAt: null, available: 9, locale: "ja",
};

const row = (i: number, over: Partial<QueueRow> = {}): QueueRow => ({
  id: i, number: `#${String(i).padStart(4, "0")}`, title: `質問 ${i}`, customerName: "株式会社サンプル", channelId: "C0CUSTOMER",
  rootTs: `1790000000.${String(i).padStart(6, "0")}`, level: "normal", state: "open", assigneeId: null, waitingOn: "t4u", since: new Date("2026-11-24T01:00:00Z"),
  ageBusinessDays: 0, ageHours: 3, firstResponseDueAt: new Date("2026-11-25T01:00:00Z"), due: null, expectedAnswerOn: null,
  awaitingApproval: false, ...over,
});

describe("a proposal message (R-INC-5)", () => {
  it("shows the parts, the reason (escaped) and the cost, with buttons only while pending", () => {
    const pending = proposalMessage(proposal(), translator("ja"));
    expect(validateBlocks(pending.blocks, "message")).toBeNull();
    const json = JSON.stringify(pending.blocks);
    expect(json).toContain("2 件の案件に分けて");
    expect(json).toContain("1. 認証エラー（この案件）");
    expect(json).toContain("&lt;!channel&gt;");
    expect(json).toContain("1 インシデント → 2 インシデント");
    expect(json).toContain(Actions.approveProposal);
    const approved = JSON.stringify(proposalMessage(proposal({ state: "approved", decidedBy: "U0CUST1" }), translator("ja")).blocks);
    expect(approved).toContain("<@U0CUST1> がご承認くださいました");
    expect(approved).not.toContain(Actions.approveProposal);
    expect(JSON.stringify(proposalMessage(proposal({ state: "withdrawn" }), translator("ja")).blocks)).toContain("取り下げられました");
  });

  it("speaks English in an English channel", () => {
    const message = proposalMessage(proposal({ locale: "en", kind: { kind: "level_a", levelReason: "report" }, parts: [], before: 1, after: 3 }), translator("en"));
    const json = JSON.stringify(message.blocks);
    expect(json).toContain("service level A (a formal written report)");
    expect(json).toContain("1 → 3 (2 more are reserved when you approve");
    expect(message.text).toContain("your approval is needed");
  });
});

describe("the queue", () => {
  it("marks overdue and due-soon first responses, waiting-on, age and the rest's count", () => {
    const queue: Queue = {
      rows: [row(1, { due: "overdue", ageBusinessDays: 2 }), row(2, { due: "due_soon", assigneeId: "U0ENG1" }),
        row(3, { waitingOn: "customer", state: "answered", firstResponseDueAt: null, awaitingApproval: true, expectedAnswerOn: "2026-11-30" })],
      waitingOnT4U: 2, waitingOnCustomer: 3, more: 2,
    };
    const message = queueMessage(queue, translator("ja"));
    expect(validateBlocks(message.blocks, "message")).toBeNull();
    const json = JSON.stringify(message.blocks);
    for (const expected of ["初回回答期限超過", "2営業日経過", "初回回答期限間近", "担当 <@U0ENG1>", "3時間経過", "お客様の返信待ち", "提案への回答待ち", "回答予定日 2026年11月30日（月）", "ほか 2 件"]) {
      expect(json).toContain(expected);
    }
  });
});

describe("the case modals", () => {
  it("are modals Slack accepts, each carrying the case in its metadata", () => {
    const t = translator("en");
    const levelA = { ...caseView, level: "A" as const, incidents: 3 };
    for (const modal of [assignModal(caseView, t), levelAModal(caseView, t), splitModal(caseView, t), expectedDateModal(caseView, t),
      cancelDefectModal(caseView, t), declineScopeModal(caseView, t), lowerLevelModal(levelA, t)]) {
      expect(validateView(modal)).toBeNull();
      expect(modal.private_metadata).toBe(JSON.stringify({ caseId: 42 }));
    }
    expect(JSON.stringify(lowerLevelModal(levelA, translator("ja")).blocks)).toContain("3 から 1 に減らします");
  });
});

describe("the Home tab", () => {
  const full: Queue = { rows: Array.from({ length: 40 }, (_, i) => row(i + 1)), waitingOnT4U: 60, waitingOnCustomer: 0, more: 20 };
  const balances = Array.from({ length: 60 }, (_, i) => ({
    customerId: i, name: `お客様${i}`, purchased: 10, consumed: 1, reserved: 1, available: 8, validUntil: "2027-03-31", coveredUntil: "2027-03-31",
    daysLeft: 120, openCases: 1, exhaustsOn: null, attention: null,
  }));

  const mine = Array.from({ length: 10 }, (_, i) => ({
    id: 100 + i, number: `#${100 + i}`, title: `自分の案件 ${i}`, customerName: "株式会社サンプル", channelId: "C0CUSTOMER", rootTs: null,
    state: "in_progress" as const, next: { kind: "first_response" as const, at: new Date("2026-11-25T01:00:00Z") },
  }));
  const closed = Array.from({ length: 5 }, (_, i) => ({
    id: 200 + i, number: `#${200 + i}`, title: `終了した案件 ${i}`, customerName: "株式会社サンプル", channelId: "C0CUSTOMER", rootTs: null,
    state: "resolved" as const, closedOn: "2026-11-20",
  }));
  const links = new Map(full.rows.map((r) => [r.id, `https://t4u.slack.com/archives/C0CUSTOMER/p${r.id}`]));
  const engineer = { mine: { rows: mine, more: 3 }, queue: full, closed, muted: new Set<string>(), links };

  it("fits the engineer's part and the balances together within Slack's 100 blocks for someone who is both", () => {
    const view = homeView({ engineer, balances }, translator("ja"));
    expect(validateView(view)).toBeNull();
    const json = JSON.stringify(view.blocks);
    for (const part of ["自分の案件", "対応待ちの案件", "最近クローズした案件", "通知の設定", "インシデント残高"]) expect(json).toContain(part);
  });

  it("gives an engineer who is not a manager more of the queue, each row with its link and buttons", () => {
    const view = homeView({ engineer, balances: null }, translator("ja"));
    expect(validateView(view)).toBeNull();
    const json = JSON.stringify(view.blocks);
    expect(json).toContain("<https://t4u.slack.com/archives/C0CUSTOMER/p20|#0020 質問 20>");
    expect(json).toContain(`"action_id":"${Actions.take}"`);
    expect(json).toContain("ほか 40 件");
  });

  it("shows anyone else only an explanation", () => {
    const view = homeView({ engineer: null, balances: null }, translator("ja"));
    expect(validateView(view)).toBeNull();
    expect(view.blocks).toHaveLength(1);
    expect(JSON.stringify(view.blocks)).toContain("サポート担当と管理者のための画面");
  });
});
