// The customer detail's history and tenancy controls, and the tenancy modals, as pure views: who answered or decided
// what and when (R-CON-7), people's words escaped, and within Slack's limits however many channels and events.
import { describe, expect, it } from "vitest";
import type { CustomerDetail, HistoryLine } from "../../src/services/customer-detail.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { TenancyIds } from "../../src/slack/ids.ts";
import { customerDetailMessage, customerDetailModal, DETAIL_CHANNEL_CONTROLS, historyText } from "../../src/slack/views/customer-detail.ts";
import { channelApproversModal, channelTeamsModal, chooseCustomerTeamModal, parseChannelMetadata, parseDraft, type RegistrationDraft } from "../../src/slack/views/tenancy-modals.ts";
import { validateBlocks, validateView } from "../support/block-kit-rules.ts";

const ja = translator("ja");
const en = translator("en");
const at = new Date("2027-02-01T01:30:00Z");

const HISTORY: HistoryLine[] = [
  { kind: "request_declined", at, actorId: "U0MGR1", requestId: 2, reason: "<!channel> 今期は\n見送り" },
  { kind: "request_registered", at, actorId: "U0MGR1", requestId: 1, contractId: 9 },
  { kind: "request_created", at, actorId: "U0CUST1", requestId: 1, requestKind: "renewal", incidents: 15 },
  { kind: "renewal_answered", at, actorId: "U0CUST1", contractId: 3, answer: "continue", previous: "considering" },
  { kind: "renewal_answered", at, actorId: "U0CUST1", contractId: 3, answer: "considering", previous: null },
];

describe("the contracts' history", () => {
  it("says who answered what and when, a changed answer, an application, its registration and its refusal", () => {
    expect(HISTORY.map((e) => historyText(e, "Asia/Tokyo", ja))).toEqual([
      "2027-02-01 10:30 · <@U0MGR1> · R-0002 をお断り／保留: &lt;!channel&gt; 今期は 見送り",
      "2027-02-01 10:30 · <@U0MGR1> · R-0001 を契約 #9 として登録",
      "2027-02-01 10:30 · <@U0CUST1> · R-0001 お申し込み（継続（新しい契約期間）、15 インシデント）",
      "2027-02-01 10:30 · <@U0CUST1> · 契約 #3 のご回答を変更: 検討中・相談したい → *継続を希望する*",
      "2027-02-01 10:30 · <@U0CUST1> · 契約 #3 の継続のご意向: *検討中・相談したい*",
    ]);
    expect(historyText(HISTORY[3]!, "Asia/Tokyo", en)).toBe("2027-02-01 10:30 · <@U0CUST1> · changed the answer for contract #3: Considering / let's talk → *We wish to continue*");
    // An actor that is not a Slack user (the command line) is shown as text, never as live mrkdwn.
    expect(historyText({ ...HISTORY[1]!, actorId: "<!here>" }, "Asia/Tokyo", ja)).toContain("&lt;!here&gt;");
  });

  it("fits the message and the modal with a dozen channels, eight contracts, ten events and a long ledger", () => {
    const channels = Array.from({ length: 12 }, (_, i) => `C0CH${String(i).padStart(4, "0")}`);
    const d: CustomerDetail = {
      customerId: 7, name: "株式会社サンプル", contactNote: null, channelIds: channels,
      tenancy: channels.map((channelId) => ({ channelId, teams: [{ teamId: "T0CUST", teamName: "サンプル", role: "customer" as const, decidedBy: "U0MGR1" }], approvers: [] })),
      purchased: 10, consumed: 0, reserved: 0, available: 10, validUntil: "2027-03-31", coveredUntil: "2027-03-31", daysLeft: 50, openCases: 0,
      contracts: Array.from({ length: 8 }, (_, i) => ({ id: i + 1, kind: "renewal", startsOn: "2026-04-01", endsOn: "2027-03-31", status: "active" as const, purchased: 10, available: 10, reserved: 0, consumed: 0, lapsed: 0, note: null })),
      requests: Array.from({ length: 5 }, (_, i) => ({ id: i + 1, kind: "addition", incidents: 3, state: "pending", on: "2027-02-01" })),
      history: Array.from({ length: 10 }, (_, i) => HISTORY[i % HISTORY.length]!),
      ledger: [],
      forecast: { windowDays: 90, drawn: 0, ratePerDay: null, available: 10, endsOn: "2027-03-31", exhaustsOn: null, runsOutEarly: false, lastYear: { consumed: 0, levelA: 0 }, suggestedRenewal: 10 },
    };
    const message = customerDetailMessage(d, "Asia/Tokyo", ja);
    expect(validateBlocks(message.blocks, "message")).toBeNull();
    expect(validateView(customerDetailModal(d, "Asia/Tokyo", ja))).toBeNull();
    const controls = message.blocks.filter((b) => b.type === "actions" && b.block_id?.startsWith(`${TenancyIds.channelBlock}:`));
    expect(controls).toHaveLength(DETAIL_CHANNEL_CONTROLS);
    expect(JSON.stringify(message.blocks)).toContain("<#C0CH0011>");
    expect(JSON.stringify(message.blocks)).toContain("*経緯*");
  });
});

describe("the tenancy modals", () => {
  const draft: RegistrationDraft = {
    requestKey: "key-12345678", customerName: "株式会社<ニシャ>", channelIds: ["C0TWOORGS"], incidents: 5,
    confirmedOn: "2026-12-01", startsOn: null, endsOn: null, contactNote: "ご担当: 山田様".repeat(50), locale: "en",
  };

  it("carry the registration form to its second step, which Slack accepts, and read it back", () => {
    const view = chooseCustomerTeamModal({ draft, channelId: "C0TWOORGS", teams: [{ id: "T0NISHA", name: "ニシャ" }, { id: "T0PARTNER", name: null }] }, ja);
    expect(validateView(view)).toBeNull();
    expect(JSON.stringify(view.blocks)).toContain("*株式会社&lt;ニシャ&gt;* を登録します。");
    expect(parseDraft(view.private_metadata ?? "")).toEqual(draft);
    expect(parseDraft("{}")).toBeNull();
    expect(parseDraft("not json")).toBeNull();
  });

  it("offer a channel's connected workspaces and the customer's people, within Slack's limits", () => {
    const metadata = { channelId: "C0CUSTOMER", customerId: 7, detailViewId: "V0DETAIL" };
    const teams = channelTeamsModal({ metadata, customerName: "株式会社サンプル", connected: Array.from({ length: 120 }, (_, i) => ({ id: `T0T${i}`, name: `組織 ${i}` })), customerTeams: ["T0T1"] }, ja);
    expect(validateView(teams)).toBeNull();
    expect(parseChannelMetadata(teams.private_metadata ?? "")).toEqual(metadata);
    const approvers = channelApproversModal({ metadata, customerName: "株式会社サンプル", approvers: ["U0CUST2"], customerTeams: [{ id: "T0CUST", name: "サンプル<社>" }] }, ja);
    expect(validateView(approvers)).toBeNull();
    expect(JSON.stringify(approvers.blocks)).toContain("サンプル&lt;社&gt; (T0CUST)");
    expect(parseChannelMetadata(JSON.stringify({ channelId: "not a channel", customerId: 7 }))).toBeNull();
  });
});
