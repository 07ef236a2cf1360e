// The case's root message, rendered for every state in both languages: one truthful status line, the level,
// the incidents (reserved, consumed or not consumed), who is handling it, and the automatic close date only while
// the case waits on the customer (R-LIFE-2). Pure: no Slack, no database.
import { describe, expect, it } from "vitest";
import type { CaseState } from "../../src/domain/case.ts";
import type { CaseView } from "../../src/services/case-view.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { Actions } from "../../src/slack/ids.ts";
import { caseMessage } from "../../src/slack/views/case-message.ts";
import { validateBlocks } from "../support/block-kit-rules.ts";

function view(state: CaseState, over: Partial<CaseView> = {}): CaseView {
  return {
    id: 42, number: "#0042", customerName: "株式会社サンプル", channelId: "C0CUSTOMER",
    title: "ライセンス認証エラー", description: "E-1024 が表示されます。", product: "らかん 3.2",
    level: "normal", levelReason: null, incidents: 1, state, openedBy: "U0CUST1", assigneeId: null,
    rootTs: "1790000000.000100", triageTs: null, createdAt: new Date("2026-11-24T01:00:00Z"),
    autoCloseOn: null, expectedAnswerOn: null, firstResponseDueAt: null, available: 9, locale: "ja",
    ...over,
  };
}

function rendered(v: CaseView, locale: "ja" | "en" = "ja"): { text: string; json: string; blocks: unknown[] } {
  const message = caseMessage(v, translator(locale));
  expect(validateBlocks(message.blocks, "message")).toBeNull();
  return { text: message.text, json: JSON.stringify(message.blocks), blocks: message.blocks };
}

function statusField(blocks: unknown[]): string {
  const fields = (blocks[1] as { fields: Array<{ text: string }> }).fields;
  return fields[0]!.text;
}

const JA: Record<CaseState, string> = {
  open: "受付", in_progress: "対応中", answered: "回答済み・ご確認待ち", resolved: "解決", closed: "クローズ", cancelled: "キャンセル", declined: "対象外",
};
const EN: Record<CaseState, string> = {
  open: "Received", in_progress: "In progress", answered: "Answered — awaiting your reply", resolved: "Resolved", closed: "Closed",
  cancelled: "Cancelled", declined: "Out of scope",
};

describe("the case message shows one truthful status", () => {
  for (const state of Object.keys(JA) as CaseState[]) {
    it(`names the state "${state}" in Japanese and in English, in the status field and the notification text`, () => {
      const ja = rendered(view(state));
      expect(statusField(ja.blocks)).toBe(`*ステータス*\n${JA[state]}`);
      expect(ja.text).toBe(`#0042 ライセンス認証エラー（${JA[state]}）`);
      const en = rendered(view(state, { locale: "en" }), "en");
      expect(statusField(en.blocks)).toBe(`*Status*\n${EN[state]}`);
      expect(en.text).toContain(EN[state]);
    });
  }

  it("shows reserved incidents while open, consumed after resolve or close, not consumed after cancel or decline (R-INC-6/7/8)", () => {
    for (const state of ["open", "in_progress", "answered"] as const) expect(rendered(view(state)).json).toContain("1 インシデント（予約中）");
    for (const state of ["resolved", "closed"] as const) expect(rendered(view(state)).json).toContain("1 インシデント（消費済み）");
    for (const state of ["cancelled", "declined"] as const) expect(rendered(view(state)).json).toContain("1 インシデント（消費なし）");
    expect(rendered(view("answered", { level: "A", levelReason: "report", incidents: 3, locale: "en" }), "en").json).toContain("3 incidents (reserved)");
  });

  it("shows the level A reason the customer chose (R-INC-2)", () => {
    const v = view("open", { level: "A", levelReason: "reproduction", incidents: 3 });
    expect(rendered(v).json).toContain("サービスレベルA（環境の再現による検証）");
    expect(rendered(v).json).toContain("3 インシデント（予約中）");
    expect(rendered(view("open", { level: "A", levelReason: "report", incidents: 3 }), "en").json).toContain("a formal written report");
  });

  it("says who handles the case, or that nobody has taken it yet", () => {
    expect(rendered(view("open")).json).toContain("未割り当て");
    expect(rendered(view("in_progress", { assigneeId: "U0ENG1" })).json).toContain("<@U0ENG1>");
    expect(rendered(view("open"), "en").json).toContain("Not assigned yet");
  });

  it("gives the automatic close date only while waiting on the customer (R-LIFE-2)", () => {
    const waiting = rendered(view("answered", { autoCloseOn: "2026-12-04" }));
    expect(waiting.json).toContain("2026年12月4日（金）までにご返信がない場合は、解決済みとして自動でクローズいたします。");
    expect(rendered(view("answered", { autoCloseOn: "2026-12-04", locale: "en" }), "en").json).toContain("Fri, December 4, 2026");
    // A customer reply puts the case back on T4U's side: no close date, even if one was stored.
    expect(rendered(view("in_progress", { autoCloseOn: "2026-12-04" })).json).not.toContain("自動でクローズ");
    expect(rendered(view("closed", { autoCloseOn: "2026-12-04" })).json).not.toContain("自動でクローズ");
  });

  it("invites follow-ups in the thread while open, and shows the remaining balance once ended (R-INC-4)", () => {
    for (const state of ["open", "in_progress", "answered"] as const) {
      const r = rendered(view(state));
      expect(r.json).toContain("追加のインシデントは消費いたしません");
      expect(r.json).not.toContain("ご利用可能なインシデント:");
    }
    for (const state of ["resolved", "closed", "cancelled", "declined"] as const) {
      const r = rendered(view(state));
      expect(r.json).toContain("ご利用可能なインシデント: 9 インシデント");
      expect(r.json).not.toContain(Actions.resolve);
      expect(r.json).not.toContain("追加のインシデントは消費いたしません");
    }
  });

  it("escapes what people typed, so a title or description pings nobody", () => {
    const r = rendered(view("open", { description: "<!channel> すぐ見てください & <@U0ENG1>" }));
    expect(r.json).toContain("&lt;!channel&gt; すぐ見てください &amp; &lt;@U0ENG1&gt;");
  });
});
