// What customers type into the case modal, at its limits: mentions that must ping nobody, control characters,
// very long text, full-width and half-width Japanese, emoji and combining marks. Each case must open, and its
// message must show the text as typed (or clipped by whole characters), never be refused by Slack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESCRIPTION_MAX, TITLE_MAX } from "../../src/domain/case.ts";
import { Inputs, Views } from "../../src/slack/ids.ts";
import type { SlackMessage } from "../support/slack-api.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { auditDelivery } from "./audit.ts";
import { openModal, submitCase } from "./flows.ts";
import { expectOpened } from "../support/case-modal.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 100 });
});
afterAll(async () => {
  await h?.close();
});

/** Every string Slack would parse as mrkdwn (message text and mrkdwn objects); plain_text is shown literally. */
function mrkdwnTexts(message: SlackMessage): string[] {
  const out = [message.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(message.blocks);
  return out;
}

function plainTexts(message: SlackMessage): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      if (o.type === "plain_text" && typeof o.text === "string") out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(message.blocks);
  return out;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BROKEN_ENTITY = /&(a|am|amp|l|lt|g|gt)?…/;

async function openWith(fields: { title: string; description: string; product?: string }): Promise<{ root: SlackMessage; triage: SlackMessage; caseId: number }> {
  const view = await openModal(h, CUSTOMER, CUSTOMER_TEAM);
  const submitted = await submitCase(h, view, CUSTOMER, CUSTOMER_TEAM, fields);
  await expectOpened(h, submitted, view);
  await h.drain();
  const c = await h.database.db.client.case.findFirstOrThrow({ orderBy: { id: "desc" } });
  expect(c.rootTs, "the case message was not accepted by Slack").not.toBeNull();
  const root = h.slack.message(CUSTOMER_CHANNEL, c.rootTs!)!;
  const triage = h.slack.message(TRIAGE_CHANNEL, c.triageTs!)!;
  expect(await auditDelivery(h.database.db, h.slack)).toEqual([]);
  return { root, triage, caseId: c.id };
}

describe("case modal input is handled and shown correctly", () => {
  it("shows mentions and links typed by a customer as text: <!channel> pings nobody", async () => {
    const hostile = "<!channel> <!here|here> <@U0ENG1> <#C0OTHERCUST> <https://evil.example|ここをクリック>";
    const { root, triage } = await openWith({ title: `緊急 ${hostile}`.slice(0, TITLE_MAX), description: `${hostile}\n詳細です。`, product: "<!everyone>" });
    for (const message of [root, triage]) {
      // The app's own mentions and links (who opened the case, the permalink to its thread) are fine; nothing the
      // customer typed may become one.
      for (const text of mrkdwnTexts(message)) expect(text, text).not.toMatch(/<!(channel|here|everyone)|<https?:\/\/(?!t4u\.slack\.com\/archives\/)|<@U0ENG1>|<#C0OTHERCUST>/);
    }
    expect(mrkdwnTexts(root).join("\n")).toContain("&lt;!channel&gt;");
    expect(plainTexts(root).join("\n")).toContain("<!channel>");
  });

  it("drops control characters but keeps line breaks and tabs", async () => {
    const { root } = await openWith({ title: "ベル\u0007とエスケープ\u001b[31m赤\u001b[0m", description: "1行目\n2行目\tタブ\u0000\u0008終わり" });
    const shown = [...plainTexts(root), ...mrkdwnTexts(root)].join("\n");
    expect(shown).toContain("ベルとエスケープ[31m赤[0m");
    expect(shown).toContain("1行目\n2行目\tタブ終わり");
    // eslint-disable-next-line no-control-regex
    expect(shown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it("shows full-width, half-width, emoji and combining marks exactly as typed", async () => {
    const title = "ＡＢＣ１２３ ｱｲｳｴｵ ｶﾞｷﾞ 全角と半角 👍🏽👨‍👩‍👧 か\u3099き\u3099 é";
    const description = "ﾊﾝｶｸｶﾀｶﾅと全角カタカナ、①②③、㈱、〜～、\u{20BB7}野家 🍣🍺";
    const { root } = await openWith({ title, description });
    expect(plainTexts(root).some((t) => t.includes(title))).toBe(true);
    expect(mrkdwnTexts(root).some((t) => t.includes(description))).toBe(true);
  });

  it("clips an emoji-only title at its limit by whole characters, and Slack accepts the message", async () => {
    // The modal allows 150 UTF-16 units: 75 emoji, each a surrogate pair.
    const title = "😀".repeat(75);
    const { root, triage } = await openWith({ title, description: "絵文字だけの件名" });
    for (const text of [...plainTexts(root), ...mrkdwnTexts(root), ...plainTexts(triage), ...mrkdwnTexts(triage)]) {
      expect(text).not.toMatch(LONE_SURROGATE);
    }
    expect(plainTexts(root).some((t) => t.endsWith("…") && t.includes("😀"))).toBe(true);
  });

  it("clips a description at the limit, full of characters that must be escaped, without a broken entity", async () => {
    const description = "<&>".repeat(DESCRIPTION_MAX / 3);
    const { root } = await openWith({ title: "記号だらけの説明", description });
    for (const text of mrkdwnTexts(root)) {
      expect(text.length).toBeLessThanOrEqual(3000);
      expect(text).not.toMatch(BROKEN_ENTITY);
    }
    expect(mrkdwnTexts(root).some((t) => t.startsWith("&lt;&amp;&gt;&lt;") && t.endsWith("…"))).toBe(true);
  });

  it("shows a long Japanese description in full up to the section limit", async () => {
    const description = "日本語の長い説明文です。".repeat(240).slice(0, 2_880);
    const { root } = await openWith({ title: "長い説明", description });
    expect(mrkdwnTexts(root)).toContain(description);
  });

  it("refuses, inline, a title longer than allowed or one made only of control characters, and opens nothing", async () => {
    const before = await h.database.db.client.case.count();
    const view = await openModal(h, CUSTOMER, CUSTOMER_TEAM);
    // A forged submission past Slack's own max_length check: the server checks again.
    const longTitle = await h.driver.viewSubmission({
      callbackId: Views.openCase, viewId: view, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM,
      values: {
        [Inputs.title.block]: { [Inputs.title.action]: { type: "plain_text_input", value: "長".repeat(TITLE_MAX + 1) } },
        [Inputs.description.block]: { [Inputs.description.action]: "説明" },
      },
    });
    expect((longTitle.json as { errors?: Record<string, string> }).errors?.[Inputs.title.block]).toContain(String(TITLE_MAX));
    const controlOnly = await h.driver.viewSubmission({
      callbackId: Views.openCase, viewId: view, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM,
      values: {
        [Inputs.title.block]: { [Inputs.title.action]: "\u0007\u0008" },
        [Inputs.description.block]: { [Inputs.description.action]: "説明" },
      },
    });
    expect(Object.keys((controlOnly.json as { errors?: Record<string, string> }).errors ?? {})).toContain(Inputs.title.block);
    expect(await h.database.db.client.case.count()).toBe(before);
  });
});
