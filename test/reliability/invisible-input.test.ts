// Text made only of characters that show nothing (zero-width spaces, direction marks, word joiners, fillers) is
// refused inline like empty text in every required free-text field: a case nobody can read is never opened, a
// customer is never told "reason: " followed by nothing. Invisible characters around visible text are trimmed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Actions, Inputs, Views } from "../../src/slack/ids.ts";
import { AN_ENGINEER, customerCase, everything, modalErrors, openActionModal, submit } from "../e2e/engineer-helpers.ts";
import { CUSTOMER, CUSTOMER_TEAM, HOME_TEAM, MANAGER, startHarness, type Harness } from "../support/harness.ts";
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

const INVISIBLE: Record<string, string> = {
  "zero-width spaces": "\u200B\u200B\u200B",
  "direction marks": "\u200E\u200F\u061C",
  "word joiners and a byte-order mark": "\u2060\u2060\uFEFF",
  "bidirectional embeddings and isolates": "\u202A\u202B\u202C\u2066\u2069",
  "Hangul fillers and a braille blank": "\u3164\u3164\u2800",
  "ideographic spaces with a zero-width joiner": "\u3000\u200D\u3000",
  "variation selectors alone": "\uFE0F\uFE0E",
};

describe("the case modal", () => {
  it.each(Object.entries(INVISIBLE))("refuses a title of %s inline and opens nothing", async (_what, title) => {
    const before = await h.database.db.client.case.count();
    const view = await openModal(h, CUSTOMER, CUSTOMER_TEAM);
    const response = await submitCase(h, view, CUSTOMER, CUSTOMER_TEAM, { title, description: INVISIBLE["zero-width spaces"]! });
    const errors = modalErrors(response);
    expect(errors[Inputs.title.block]).toBe("ご入力ください。");
    expect(errors[Inputs.description.block]).toBe("ご入力ください。");
    expect(await h.database.db.client.case.count()).toBe(before);
  });

  it("opens a case whose title has invisible characters around visible ones, trimmed, and keeps emoji sequences whole", async () => {
    const view = await openModal(h, CUSTOMER, CUSTOMER_TEAM);
    const response = await submitCase(h, view, CUSTOMER, CUSTOMER_TEAM, { title: "\u200B\u2060ライセンス認証 👨‍👩‍👧 ❤️\u200E\u200B", description: "詳細\u200B" });
    await expectOpened(h, response, view);
    const c = await h.database.db.client.case.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(c.title).toBe("ライセンス認証 👨‍👩‍👧 ❤️");
    expect(c.description).toBe("詳細");
  });
});

describe("engineers' reasons", () => {
  it("refuses a decline reason of zero-width spaces inline, and the case stays as it was", async () => {
    const caseId = await customerCase(h, "対象外かもしれない相談");
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.declineScope, Views.declineScope);
    const before = await everything(h);
    const errors = modalErrors(await submit(h, AN_ENGINEER, view, { [Inputs.reason.block]: { [Inputs.reason.action]: INVISIBLE["zero-width spaces"] } }));
    expect(errors[Inputs.reason.block]).toContain("ご入力ください");
    expect(await everything(h)).toBe(before);
  });

  it("refuses a level A explanation of direction marks inline, and proposes nothing", async () => {
    const caseId = await customerCase(h, "再現が必要かもしれない相談");
    const view = await openActionModal(h, AN_ENGINEER, caseId, Actions.proposeLevelA, Views.levelA);
    const before = await everything(h);
    const errors = modalErrors(await submit(h, AN_ENGINEER, view, {
      [Inputs.levelReason.block]: { [Inputs.levelReason.action]: "reproduction" },
      [Inputs.reason.block]: { [Inputs.reason.action]: INVISIBLE["direction marks"] },
    }));
    expect(errors[Inputs.reason.block]).toContain("ご入力ください");
    expect(await everything(h)).toBe(before);
  });
});

describe("the managers' forms", () => {
  it("refuses a customer name of word joiners inline and registers nothing", async () => {
    const before = await h.database.db.client.customer.count();
    const response = await h.driver.slashCommand({ command: "/balance", text: "register", userId: MANAGER, channelId: "C0MGRS" });
    expect(response.status).toBe(200);
    await expect.poll(() => h.slack.views().some((v) => v.open && v.user_id === MANAGER && v.callback_id === Views.registerContract)).toBe(true);
    const submitted = await h.driver.viewSubmission({
      callbackId: Views.registerContract, userId: MANAGER, userTeamId: HOME_TEAM,
      values: {
        [Inputs.customerName.block]: { [Inputs.customerName.action]: INVISIBLE["word joiners and a byte-order mark"] },
        [Inputs.customerChannels.block]: { [Inputs.customerChannels.action]: ["C0INVIS1"] },
        [Inputs.incidents.block]: { [Inputs.incidents.action]: "5" },
        [Inputs.confirmedOn.block]: { [Inputs.confirmedOn.action]: "2026-11-01" },
        [Inputs.channelLocale.block]: { [Inputs.channelLocale.action]: "ja" },
      },
    });
    expect(modalErrors(submitted)[Inputs.customerName.block]).toBe("ご入力ください。");
    expect(await h.database.db.client.customer.count()).toBe(before);
  });
});
