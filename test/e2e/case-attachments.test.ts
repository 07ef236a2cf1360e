// Files attached when a case is opened: the open-case modal offers Block Kit's file_input (which Slack accepts in
// a modal's input block), and the files the customer attached are recorded with the case — name, type, who, when,
// Slack's file id — and shown on the case card like the files posted in its thread.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CaseworkIds, Commands, Inputs, Views } from "../../src/slack/ids.ts";
import { CUSTOMER, CUSTOMER_TEAM, ENGINEER, startHarness, type Harness } from "../support/harness.ts";
import { modalAfter, openCaseFromEntry } from "./customer-helpers.ts";
import { expectOpened } from "../support/case-modal.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
  await h.registerCustomer({ incidents: 10 });
});
afterAll(async () => {
  await h?.close();
});

const LOG = { id: "F0OPENLOG1", name: "server.log", title: "server.log", mimetype: "text/plain", filetype: "text", size: 20_480 };
const SHOT = { id: "F0OPENPNG1", name: "画面.png", title: "画面.png", mimetype: "image/png", filetype: "png", size: 102_400 };

describe("attachments in the open-case modal", () => {
  let caseId: number;

  it("offers an optional file input of up to ten files that Slack accepts", async () => {
    const modal = await modalAfter(h, CUSTOMER, () => openCaseFromEntry(h));
    const input = modal.blocks.find((b) => (b as { block_id?: string }).block_id === CaseworkIds.inputs.files.block) as { optional?: boolean; element?: { type?: string; max_files?: number } } | undefined;
    expect(input).toMatchObject({ optional: true, element: { type: "file_input", max_files: 10 } });
    expect(JSON.stringify(input)).toContain("スクリーンショットやログファイルなど");
  });

  it("records the attached files with the case: name, type, size, who, when, Slack's file id", async () => {
    const modal = h.slack.views().filter((v) => v.callback_id === Views.openCase && v.user_id === CUSTOMER).at(-1)!;
    const values = {
      [Inputs.title.block]: { [Inputs.title.action]: "起動時にエラーになります" },
      [Inputs.description.block]: { [Inputs.description.action]: "ログと画面を添付します。" },
      [CaseworkIds.inputs.files.block]: { [CaseworkIds.inputs.files.action]: { type: "file_input", files: [LOG, SHOT] } },
    };
    const response = await h.driver.viewSubmission({ callbackId: Views.openCase, viewId: modal.id, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, values });
    expect(response.slackWouldReject).toBeUndefined();
    await expectOpened(h, response, modal.id);
    const opened = await h.database.db.client.case.findMany({ where: { title: "起動時にエラーになります" } });
    expect(opened).toHaveLength(1);
    caseId = opened[0]!.id;
    const files = await h.database.db.client.caseFile.findMany({ where: { caseId }, orderBy: { id: "asc" } });
    expect(files.map((f) => ({ fileId: f.fileId, name: f.name, type: f.mimetype, size: f.size, who: f.userId, role: f.authorRole, ts: f.messageTs })))
      .toEqual([
        { fileId: LOG.id, name: LOG.name, type: LOG.mimetype, size: LOG.size, who: CUSTOMER, role: "customer", ts: null },
        { fileId: SHOT.id, name: SHOT.name, type: SHOT.mimetype, size: SHOT.size, who: CUSTOMER, role: "customer", ts: null },
      ]);
    expect(files[0]!.postedAt.toISOString()).toBe("2026-11-24T01:00:00.000Z");
  });

  it("shows them on the case card", async () => {
    await h.drain();
    const asked = `D${ENGINEER.slice(1)}`;
    await h.driver.slashCommand({ command: Commands.case, text: String(caseId), userId: ENGINEER, channelId: asked });
    await expect.poll(() => h.slack.ephemerals(asked).length).toBeGreaterThan(0);
    const card = JSON.stringify(h.slack.ephemerals(asked).at(-1)!.blocks);
    expect(card).toContain("添付ファイル（2）");
    expect(card).toContain("server.log");
    expect(card).toContain("画面.png");
  });
});

describe("a submission Slack delivers more than once records its files once", () => {
  const TRACE = { id: "F0TWICE01", name: "trace.txt", title: "trace.txt", mimetype: "text/plain", filetype: "text", size: 4_096 };
  const DUMP = { id: "F0TWICE02", name: "dump.zip", title: "dump.zip", mimetype: "application/zip", filetype: "zip", size: 1_048_576 };
  const TITLE = "二重送信でも一件だけ";

  it("two identical deliveries at once, then Slack's retry: one case, each file once, one incident reserved", async () => {
    const contractBefore = await h.database.db.client.contract.findFirstOrThrow({ select: { reserved: true } });
    const modal = await modalAfter(h, CUSTOMER, () => openCaseFromEntry(h));
    // The same signed request reaches the app twice at the same moment, as when Slack's delivery is repeated.
    const original = globalThis.fetch;
    let delivered: { body: string; answers: number[] } | undefined;
    const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (url, init) => {
      const address = url instanceof Request ? url.url : url.toString();
      if (delivered || !address.endsWith("/slack/events")) return original(url, init);
      delivered = { body: typeof init?.body === "string" ? init.body : "", answers: [] };
      const [first, second] = await Promise.all([original(url, init), original(url, init)]);
      delivered.answers = [first.status, second.status];
      return first;
    });
    try {
      await h.driver.viewSubmission({
        callbackId: Views.openCase, viewId: modal.id, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM,
        values: {
          [Inputs.title.block]: { [Inputs.title.action]: TITLE },
          [Inputs.description.block]: { [Inputs.description.action]: "送信を二度押してしまいました。" },
          [CaseworkIds.inputs.files.block]: { [CaseworkIds.inputs.files.action]: { type: "file_input", files: [TRACE, DUMP] } },
        },
      });
    } finally {
      spy.mockRestore();
    }
    expect(delivered?.answers).toEqual([200, 200]);
    // Slack retries a request it thinks went unanswered: the same body, marked as a retry.
    const body = delivered!.body;
    const retry = await h.driver.raw(body, {
      "content-type": "application/x-www-form-urlencoded", ...h.driver.sign(body), "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout",
    });
    expect(retry.status).toBe(200);
    // Each delivery is answered before its case is opened: the modal says when the case is.
    await expectOpened(h, retry, modal.id);

    const opened = await h.database.db.client.case.findMany({ where: { title: TITLE } });
    expect(opened).toHaveLength(1);
    const files = await h.database.db.client.caseFile.findMany({ where: { caseId: opened[0]!.id }, orderBy: { id: "asc" } });
    expect(files.map((f) => f.fileId)).toEqual([TRACE.id, DUMP.id]);
    const contractAfter = await h.database.db.client.contract.findFirstOrThrow({ select: { reserved: true } });
    expect(contractAfter.reserved - contractBefore.reserved).toBe(opened[0]!.incidents);

    await h.drain();
    const asked = `D${ENGINEER.slice(1)}`;
    const before = h.slack.ephemerals(asked).length;
    await h.driver.slashCommand({ command: Commands.case, text: String(opened[0]!.id), userId: ENGINEER, channelId: asked });
    await expect.poll(() => h.slack.ephemerals(asked).length).toBeGreaterThan(before);
    const card = JSON.stringify(h.slack.ephemerals(asked).at(-1)!.blocks);
    expect(card).toContain("添付ファイル（2）");
  });
});
