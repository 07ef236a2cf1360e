// Files posted in a case's thread are recorded with the case (name, type, who, when, Slack's file id) once each,
// shown on the case card and listed in the transcript.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseTranscript } from "../../src/services/case-transcript.ts";
import { openCase } from "../../src/services/open-case.ts";
import { Commands } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, startHarness, type Harness } from "../support/harness.ts";

let h: Harness;
let caseId: number;
let rootTs: string;
const LOG = { id: "F0LOG0001", name: "error-log_2026-11-24.zip", mimetype: "application/zip", filetype: "zip", size: 48_213 };
const SHOT = { id: "F0SHOT001", name: "画面.png", mimetype: "image/png", filetype: "png", size: 1_024 };

beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  await h.registerCustomer({ incidents: 10 });
  const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "起動しない", description: "起動時にエラーになります。", level: "normal" });
  if (!opened.ok) throw new Error(opened.reason);
  caseId = opened.caseId;
  await h.drain();
  rootTs = (await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } })).rootTs!;
});
afterAll(async () => {
  await h?.close();
});

describe("files in a case thread", () => {
  it("records each file of a file_share message with who posted it and when, once however often it is delivered", async () => {
    const ts = h.driver.nextTs();
    const eventId = "EvFILES0001";
    for (const retryNum of [undefined, 1]) {
      const response = await h.driver.message({
        channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: "ログと画面を添付します。", threadTs: rootTs, ts,
        subtype: "file_share", files: [LOG, SHOT], eventId, ...(retryNum !== undefined ? { retryNum } : {}),
      });
      expect(response.status).toBe(200);
    }
    const files = await h.database.db.client.caseFile.findMany({ where: { caseId }, orderBy: { id: "asc" } });
    expect(files.map((f) => ({ fileId: f.fileId, name: f.name, type: f.filetype, who: f.userId, role: f.authorRole, ts: f.messageTs })))
      .toEqual([
        { fileId: LOG.id, name: LOG.name, type: "zip", who: CUSTOMER, role: "customer", ts },
        { fileId: SHOT.id, name: SHOT.name, type: "png", who: CUSTOMER, role: "customer", ts },
      ]);
    expect(files[0]!.postedAt.getTime()).toBe(Math.round(Number(ts) * 1000));
  });

  it("records an engineer's file as the engineer's", async () => {
    await h.driver.message({
      channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: "手順書です。", threadTs: rootTs,
      subtype: "file_share", files: [{ id: "F0GUIDE01", name: "手順書.pdf", mimetype: "application/pdf", filetype: "pdf" }],
    });
    expect(await h.database.db.client.caseFile.findFirst({ where: { fileId: "F0GUIDE01" }, select: { authorRole: true, userId: true } }))
      .toEqual({ authorRole: "engineer", userId: ENGINEER });
  });

  it("shows the files on the case card and lists them in the transcript", async () => {
    const asked = "D0ENG1";
    await h.driver.slashCommand({ command: Commands.case, text: String(caseId), userId: ENGINEER, channelId: asked });
    await expect.poll(() => h.slack.ephemerals(asked).length).toBeGreaterThan(0);
    const card = JSON.stringify(h.slack.ephemerals(asked).at(-1)!.blocks);
    expect(card).toContain("添付ファイル（3）");
    expect(card).toContain("error-log_2026-11-24.zip");
    expect(card).toContain(`<@${CUSTOMER}>`);
    const transcript = await caseTranscript(h.running.deps, caseId);
    expect(transcript?.files.map((f) => f.name)).toEqual([LOG.name, SHOT.name, "手順書.pdf"]);
  });
});
