// Acts that cannot be undone ask first, in the clicker's language, saying what happens to the incidents, with
// buttons that cannot be misread: 「戻る」 beside 「解決を確定」 / 「キャンセルを確定」 / 「お断りを確定」 / 「変更を確定」,
// never キャンセル beside 確定 (which reads as "cancel the case"). Pure: no Slack, no database.
import { describe, expect, it } from "vitest";
import type { CaseView } from "../../src/services/case-view.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { Actions } from "../../src/slack/ids.ts";
import { resolveButton } from "../../src/slack/views/case-controls.ts";
import { cancelDefectModal, declineScopeModal, expectedDateModal, lowerLevelModal } from "../../src/slack/views/case-modals.ts";
import { triageMessage } from "../../src/slack/views/triage-message.ts";
import { validateBlocks, validateView } from "../support/block-kit-rules.ts";

const view = (over: Partial<CaseView> = {}): CaseView => ({
  id: 7, number: "#0007", customerName: "株式会社サンプル", channelId: "C0CUSTOMER", title: "帳票が崩れる", description: "詳細",
  product: null, level: "normal", levelReason: null, incidents: 1, state: "in_progress", openedBy: "U0CUST1", assigneeId: "U0ENG1",
  rootTs: "1.1", triageTs: "2.2", createdAt: new Date(0), autoCloseOn: null, expectedAnswerOn: null, firstResponseDueAt: null,
  available: 9, locale: "ja", ...over,
});
const ja = translator("ja");
const en = translator("en");
const label = (x: unknown) => (x as { text: string }).text;

describe("Resolve", () => {
  it("asks in a Block Kit confirm that names the incidents consumed and that there is no way back", () => {
    expect(resolveButton(view({ incidents: 3, level: "A" }), ja).confirm).toEqual({
      title: { type: "plain_text", text: "案件を解決にしますか？", emoji: true },
      text: { type: "mrkdwn", text: "案件 #0007 を解決とし、予約中の 3 インシデントを消費します。解決した案件は再開できません。" },
      confirm: { type: "plain_text", text: "解決を確定", emoji: true },
      deny: { type: "plain_text", text: "戻る", emoji: true },
      style: "primary",
    });
    expect(label(resolveButton(view(), en).confirm?.text)).toBe("Case #0007 will be resolved and its 1 reserved incident consumed. A resolved case cannot be reopened.");
    expect(label(resolveButton(view({ incidents: 3 }), en).confirm?.text)).toContain("3 reserved incidents");
    expect(label(resolveButton(view(), en).confirm?.deny)).toBe("Go back");
  });

  it("is the one on the triage message, within Slack's limits", () => {
    const message = triageMessage(view(), ja);
    expect(validateBlocks(message.blocks, "message")).toBeNull();
    expect(JSON.stringify(message.blocks)).toContain("解決を確定");
    expect(JSON.stringify(message.blocks)).toContain(Actions.resolve);
  });
});

describe("the modals that end a case or lower its count", () => {
  const cases = [
    ["cancel as a product defect", cancelDefectModal(view(), ja), "キャンセルを確定", "消費されません", cancelDefectModal(view(), en), "Confirm cancellation"],
    ["decline as out of scope", declineScopeModal(view(), ja), "お断りを確定", "消費されません", declineScopeModal(view(), en), "Confirm decline"],
    ["lower to normal service", lowerLevelModal(view({ level: "A", incidents: 3 }), ja), "変更を確定", "差分の 2 インシデントはすぐに返却されます", lowerLevelModal(view({ level: "A", incidents: 3 }), en), "Confirm change"],
  ] as const;
  for (const [name, modal, submit, says, english, englishSubmit] of cases) {
    it(`${name}: 「${submit}」 beside 「戻る」, saying what happens to the incidents`, () => {
      expect(validateView(modal)).toBeNull();
      expect(label(modal.submit)).toBe(submit);
      expect(label(modal.close)).toBe("戻る");
      expect(JSON.stringify(modal.blocks)).toContain(says);
      expect(label(english.submit)).toBe(englishSubmit);
      expect(label(english.close)).toBe("Go back");
    });
  }

  it("no engineer's modal closes with キャンセル, and optional inputs leave （任意） to Slack", () => {
    for (const modal of [cancelDefectModal(view(), ja), expectedDateModal(view(), ja), lowerLevelModal(view({ level: "A", incidents: 3 }), ja)]) {
      expect(label(modal.close)).not.toContain("キャンセル");
      expect(JSON.stringify(modal.blocks)).not.toContain("任意");
    }
  });
});
