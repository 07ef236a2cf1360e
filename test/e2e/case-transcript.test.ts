// A case's transcript, end to end: `case export N --format md|json` on the command line and 「履歴を出力」 on the
// case card, which sends the Markdown file by direct message to the engineer who clicked, and to nobody else.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { openCase } from "../../src/services/open-case.ts";
import { CaseworkIds, Commands } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, startHarness, type Harness } from "../support/harness.ts";

let h: Harness;
let caseId: number;
let rootTs: string;

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: h.database.url }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  await h.registerCustomer({ incidents: 10 });
  const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "帳票の印刷が遅い", description: "月次の帳票を出力すると数分かかります。", level: "normal" });
  if (!opened.ok) throw new Error(opened.reason);
  caseId = opened.caseId;
  await h.drain();
  rootTs = (await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } })).rootTs!;
  for (const [userId, teamId, text] of [[CUSTOMER, CUSTOMER_TEAM, "プリンターは複合機です。"], [ENGINEER, HOME_TEAM, "スプーラーの設定をご確認ください。"]] as const) {
    expect((await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId, userTeamId: teamId, text, threadTs: rootTs })).status).toBe(200);
  }
});
afterAll(async () => {
  await h?.close();
});

describe("case export on the command line", () => {
  it("writes every message with its author's role and time, the events and the incidents, as Markdown", async () => {
    const r = await cli("case", "export", String(caseId), "--format", "md");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`# #${String(caseId).padStart(4, "0")} 帳票の印刷が遅い`);
    expect(r.out).toMatch(/### \d{4}-\d{2}-\d{2} \d{2}:\d{2} お客様 U0CUST1\n\n> プリンターは複合機です。/);
    expect(r.out).toMatch(/### \d{4}-\d{2}-\d{2} \d{2}:\d{2} エンジニア U0ENG1\n\n> スプーラーの設定をご確認ください。/);
    expect(r.out).toContain("## インシデントの記録 (1)");
    expect(r.out).toMatch(/- .* reserve 1 \(契約 \d+, U0CUST1\)/);
  });

  it("writes JSON for other tools, and in English when asked", async () => {
    const json = await cli("case", "export", `#${caseId}`, "--format", "json");
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { case: { title: string }; messages: Array<{ role: string; text: string }>; incidents: unknown[] };
    expect(parsed.case.title).toBe("帳票の印刷が遅い");
    expect(parsed.messages.map((m) => m.role)).toEqual(["customer", "engineer"]);
    expect(parsed.incidents).toHaveLength(1);
    expect((await cli("case", "export", String(caseId), "--locale", "en")).out).toContain("## Thread messages (2)");
  });

  it("refuses bad input with exit 2 and a message naming what to fix", async () => {
    expect(await cli("case", "export", "9999")).toMatchObject({ code: 2, err: expect.stringContaining("there is no case 9999") });
    expect(await cli("case", "export", String(caseId), "--format", "pdf")).toMatchObject({ code: 2, err: expect.stringContaining("--format") });
    expect(await cli("case", "export")).toMatchObject({ code: 2, err: expect.stringContaining("case number is required") });
  });
});

describe("「履歴を出力」 on the case card", () => {
  it("sends the transcript as a Markdown file to the engineer's direct message", async () => {
    const asked = "D0ENG1";
    const response = await h.driver.slashCommand({ command: Commands.case, text: String(caseId), userId: ENGINEER, channelId: asked });
    expect(response.slackWouldReject).toBeUndefined();
    await expect.poll(() => h.slack.ephemerals(asked).some((e) => JSON.stringify(e.blocks ?? []).includes(CaseworkIds.actions.exportTranscript))).toBe(true);
    const card = h.slack.ephemerals(asked).find((e) => JSON.stringify(e.blocks ?? []).includes(CaseworkIds.actions.exportTranscript))!;
    const click = await h.driver.blockAction({ actionId: CaseworkIds.actions.exportTranscript, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: asked, messageTs: card.message_ts, value: String(caseId) });
    expect(click.slackWouldReject).toBeUndefined();
    await expect.poll(() => h.slack.uploads.filter((u) => u.filename.endsWith("_transcript.md")).length).toBe(1);
    const upload = h.slack.uploads.find((u) => u.filename.endsWith("_transcript.md"))!;
    expect(upload.channel_id).toMatch(/^D/);
    const dm = h.slack.calls.filter((c) => c.method === "conversations.open").at(-1);
    expect(dm?.args.users).toBe(ENGINEER);
    const text = upload.content.toString("utf8");
    expect(text).toContain("プリンターは複合機です。");
    expect(text).toContain("スプーラーの設定をご確認ください。");
  });
});
