// The case modal answers at once, click and submission alike (Slack's 3 s, and the person's sense of speed): the
// click opens a loading view before anything is looked up, the submission is answered with 「受付中…」, and the
// modal then shows the form, the case opened, or why not (R-INC-6: nothing is reserved for a case not opened).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../src/slack/i18n/index.ts";
import { CaseworkIds, Inputs, Views } from "../../src/slack/ids.ts";
import { expectOpened, received, refusalShown, viewText } from "../support/case-modal.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, startHarness, type Harness } from "../support/harness.ts";
import { modalAfter, openCaseFromEntry, submitCase } from "./customer-helpers.ts";

const SECOND_CUSTOMER = "U0CUST2";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 1, customerTeam: CUSTOMER_TEAM });
});
afterAll(async () => {
  await h?.close();
});

const written = async () => ({
  cases: await h.database.db.client.case.count(),
  ledger: await h.database.db.client.ledgerEntry.count(),
  outbox: await h.database.db.client.outboxMessage.count(),
});

describe("the case modal answers before it works", () => {
  it("opens on the click with a loading view before anything is looked up, then becomes the form", async () => {
    const from = h.slack.calls.length;
    const form = await modalAfter(h, CUSTOMER, () => openCaseFromEntry(h));
    const calls = h.slack.calls.slice(from).map((c) => c.method);
    // The trigger is spent first: the person's language (users.info) is read only after the modal is open.
    expect(calls.indexOf("views.open")).toBeGreaterThanOrEqual(0);
    const lookup = calls.indexOf("users.info");
    if (lookup >= 0) expect(calls.indexOf("views.open")).toBeLessThan(lookup);
    const opened = h.slack.calls.slice(from).find((c) => c.method === "views.open")!;
    expect(JSON.stringify(opened.args.view)).toContain(t("ja", "modal.open.loading"));
    expect(form.blocks.some((b) => (b as { block_id?: string }).block_id === Inputs.title.block)).toBe(true);
  });

  it("refuses in the modal a submission the balance no longer covers, keeping what was typed, and opens nothing", async () => {
    // Two people of the customer open the form while one incident is left; both are told it is there.
    const second = await modalAfter(h, SECOND_CUSTOMER, () => openCaseFromEntry(h, { userId: SECOND_CUSTOMER }));
    expect(viewText(second)).toContain("*1 インシデント*");
    const first = await submitCase(h, { title: "先に送信した質問", description: "詳細" });
    await expectOpened(h, first, first.viewId);
    await h.drain();
    const before = await written();

    const late = await submitCase(h, { userId: SECOND_CUSTOMER, title: "後から送信した質問", description: "後から送った詳細" });
    expect(received(late)).toBe(true);
    const refusal = await refusalShown(h, late, second.id);
    expect(refusal.form).toBe(true);
    expect(refusal.text).toContain("インシデントが不足しております");
    const blocks = JSON.stringify(refusal.view.blocks);
    expect(blocks).toContain('"initial_value":"後から送信した質問"');
    expect(blocks).toContain('"initial_value":"後から送った詳細"');
    expect(refusal.view.private_metadata).toBe(second.private_metadata);
    expect(await written()).toEqual(before);

    // Submitted again as it is, it is refused again, with one reason at the top, not two.
    const again = await submitCase(h, { userId: SECOND_CUSTOMER });
    const shown = await refusalShown(h, again, second.id);
    expect(shown.view.blocks.filter((b) => (b as { block_id?: string }).block_id === CaseworkIds.blocks.openRefusal)).toHaveLength(1);
    expect(await written()).toEqual(before);
  });

  it("keeps inline errors for what needs no database: a required field left blank", async () => {
    await h.registerCustomer({ name: "別の株式会社", channelId: "C0ACKOTHER", incidents: 5, team: "T0ACK" });
    await modalAfter(h, "U0ACK1", () => openCaseFromEntry(h, { userId: "U0ACK1", teamId: "T0ACK", channelId: "C0ACKOTHER" }));
    const blank = await submitCase(h, { userId: "U0ACK1", teamId: "T0ACK", title: "   ", description: "詳細" });
    expect(blank.json).toEqual({ response_action: "errors", errors: { [Inputs.title.block]: t("ja", "error.required") } });
  });

  it("asks the person to press the button again when Slack refuses to open the modal", async () => {
    h.slack.fail("views.open", { error: "expired_trigger_id" });
    const mine = () => h.slack.ephemerals(CUSTOMER_CHANNEL).filter((e) => e.user === CUSTOMER);
    const before = mine().length;
    const forms = h.slack.views().filter((v) => v.callback_id === Views.openCase).length;
    await openCaseFromEntry(h);
    await expect.poll(() => mine().length).toBe(before + 1);
    expect(mine().at(-1)!.text).toBe("ただいま混み合っており、入力フォームを開けませんでした。恐れ入りますが、もう一度ボタンを押してください。");
    expect(h.slack.views().filter((v) => v.callback_id === Views.openCase)).toHaveLength(forms);
  });
});
