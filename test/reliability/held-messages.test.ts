// Slack refusing the app's messages for a cause that can go away — the app taken out of the customer's channel, the
// channel archived, the token revoked — and the cause going away. What was refused is held, not dropped: visible in
// /metrics, in `outbox list --held` and once per cause in the triage channel, with every case the customer does not
// see; and sent, in order and once, when the app joins the channel again, when the token works again (auth.test,
// asked every 30 s meanwhile) or when an operator runs `outbox retry`. Rules: R-INC-6 (the incidents stay reserved).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { caseNumber } from "../../src/domain/case.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, ENGINEER, HOME_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { auditDelivery } from "./audit.ts";
import { openCaseDirect } from "./flows.ts";
import { startSlackFaults, type SlackFaults } from "./slack-faults.ts";

let h: Harness;
let faults: SlackFaults;

beforeAll(async () => {
  faults = await startSlackFaults();
  h = await startHarness({ env: { SLACK_API_URL: faults.url, SLACK_TEAM_ID: HOME_TEAM } });
  faults.target = h.slack.url;
  await h.registerCustomer({ incidents: 20 });
});
afterAll(async () => {
  await h?.close();
  await faults?.stop();
});

const held = () => h.database.db.client.outboxMessage.findMany({ where: { heldAt: { not: null } }, orderBy: { id: "asc" } });
const triage = (text: string) => h.slack.messages(TRIAGE_CHANNEL).filter((m) => m.text.includes(text));
const rootOf = async (caseId: number) => (await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } })).rootTs;
const metrics = async () => (await fetch(`http://127.0.0.1:${h.running.port}/metrics`)).text();
async function cli(...argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: h.database.url }, (l) => lines.push(l), (l) => lines.push(l));
  return { code, out: lines.join("\n") };
}
/** Several delivery passes, the clock moving on by the longest retry back-off between them. */
async function passes(n: number, stepMs = 2_000): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    await h.drain();
    h.clock.advance(stepMs);
  }
}

describe("messages held while Slack refuses them for now", () => {
  it("holds a channel's messages while the app is not in it, tells T4U once, and sends them in order when the app joins again", async () => {
    faults.refuse({ channel: CUSTOMER_CHANNEL, error: "not_in_channel" });
    const first = await openCaseDirect(h, "チャンネル外で作成した案件", CUSTOMER);
    await h.drain();
    const second = await openCaseDirect(h, "保留中に作成した案件", CUSTOMER);
    await passes(5);

    // The first case's message is held; everything after it in the channel waits behind it, untried.
    const rows = await held();
    expect(rows.map((r) => [r.kind, r.caseId, r.heldCause])).toEqual([["case_root", first, "not_in_channel"]]);
    expect(faults.refused.filter((c) => c.channel === CUSTOMER_CHANNEL)).toHaveLength(1);
    expect(await rootOf(first)).toBeNull();
    // Both cases are real meanwhile: open, incidents reserved, announced to T4U in the triage channel.
    expect((await h.database.db.client.case.findMany({ where: { id: { in: [first, second] } } })).map((c) => c.state)).toEqual(["open", "open"]);
    expect(triage(`<#${CUSTOMER_CHANNEL}> へのメッセージを Slack が受け付けませんでした（not_in_channel）`)).toHaveLength(1);
    for (const id of [first, second]) expect(triage(`案件 ${caseNumber(id)} をお客様のチャンネル <#${CUSTOMER_CHANNEL}> に投稿できていません`)).toHaveLength(1);
    expect(await metrics()).toContain('incident_desk_outbox_held{cause="not_in_channel"} 1');
    const listed = await cli("outbox", "list", "--held");
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`${rows[0]!.id}`);
    expect(listed.out).toMatch(/case\.root .*held since .*: not_in_channel/);

    // Someone else joining the channel changes nothing; the app joining it sends everything, in order.
    expect((await h.driver.event({ type: "member_joined_channel", user: ENGINEER, channel: CUSTOMER_CHANNEL, channel_type: "C" })).status).toBe(200);
    expect(await held()).toHaveLength(1);
    faults.clear();
    expect((await h.driver.event({ type: "member_joined_channel", user: h.slack.botUserId, channel: CUSTOMER_CHANNEL, channel_type: "C" })).status).toBe(200);
    await h.drain();
    expect(await held()).toHaveLength(0);
    const [firstRoot, secondRoot] = [await rootOf(first), await rootOf(second)];
    expect(firstRoot).not.toBeNull();
    expect(secondRoot).not.toBeNull();
    expect(firstRoot! < secondRoot!).toBe(true);
    expect(await metrics()).toContain("incident_desk_outbox_held 0");
    expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
    // No second alert for the same hold.
    expect(triage("not_in_channel")).toHaveLength(3);
  });

  it("holds everything while Slack refuses the token, asks auth.test every 30 s, and sends it all once the token works", async () => {
    faults.refuse({ channel: "*", error: "invalid_auth" });
    const caseId = await openCaseDirect(h, "トークン失効中の案件", CUSTOMER);
    await h.drain();
    expect((await held()).map((r) => r.heldCause)).toContain("invalid_auth");
    expect(await metrics()).toMatch(/incident_desk_outbox_held\{cause="invalid_auth"\} [1-9]/);

    // Nothing more is tried until the next check is due; at 30 s auth.test is asked, and refused.
    const tried = faults.refused.length;
    h.clock.advance(29_000);
    await h.drain();
    expect(faults.refused.length).toBe(tried);
    h.clock.advance(1_000);
    await h.drain();
    expect(faults.refused.slice(tried).map((c) => c.method)).toEqual(["auth.test"]);
    expect(await rootOf(caseId)).toBeNull();

    faults.clear();
    h.clock.advance(30_000);
    await h.drain();
    expect(await held()).toHaveLength(0);
    expect(await rootOf(caseId)).not.toBeNull();
    expect(triage("Slack がアプリのトークンを受け付けませんでした（invalid_auth）")).toHaveLength(1);
    expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
  });

  it("keeps a message for an archived channel held when the app joins, and sends it on `outbox retry --channel`", async () => {
    faults.refuse({ channel: CUSTOMER_CHANNEL, error: "is_archived" });
    const caseId = await openCaseDirect(h, "アーカイブ中の案件", CUSTOMER);
    await passes(3);
    expect((await held()).map((r) => [r.caseId, r.heldCause])).toEqual([[caseId, "is_archived"]]);
    await h.driver.event({ type: "member_joined_channel", user: h.slack.botUserId, channel: CUSTOMER_CHANNEL, channel_type: "C" });
    expect(await held()).toHaveLength(1);

    faults.clear();
    expect((await cli("outbox", "retry", "--channel", "not-a-channel")).code).toBe(2);
    const retried = await cli("outbox", "retry", "--channel", CUSTOMER_CHANNEL);
    expect(retried).toEqual({ code: 0, out: "released 1 message; the running app sends it within a few seconds" });
    await h.drain();
    expect(await rootOf(caseId)).not.toBeNull();
    expect((await cli("outbox", "retry")).code).toBe(1);
    expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
  });
});
