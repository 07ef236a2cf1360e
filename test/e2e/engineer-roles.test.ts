// Who may use which control (R-ROLE): every engineer control on a case — buttons and menu options on its triage
// announcement and in the staff menu of its message (none on the message itself), every modal submission, the customer's approval buttons and /queue — for a
// customer, T4U staff who are not engineers, a manager, and an engineer. The server decides by the person, never
// by what they could see; each refusal says why and changes nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proposeLevelA } from "../../src/services/propose-level-a.ts";
import { Actions, Commands, Inputs, Shortcuts, Views } from "../../src/slack/ids.ts";
import { CUSTOMER_CHANNEL, ENGINEER, ENGINEER_2, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import {
  A_COLLEAGUE, A_CUSTOMER, A_MANAGER, ALL_CASE_MODALS, AN_ENGINEER, caseRow, chooseMenu, clickButton, customerCase, ephemeralAfter,
  everything, forgedSubmission, NOT_ENGINEERS, openActionModal, rootTs, type Person,
} from "./engineer-helpers.ts";

let h: Harness;
let normalCase: number;
let levelACase: number;
let proposalTs: string;
beforeAll(async () => {
  h = await startHarness();
  await h.registerCustomer({ incidents: 20 });
  normalCase = await customerCase(h, "権限の確認");
  levelACase = await customerCase(h, "レベルAの権限確認", "A");
  const proposed = await proposeLevelA(h.running.deps, { caseId: normalCase, actorId: ENGINEER, levelReason: "report", reason: "報告書を作成します。" });
  if (!proposed.ok) throw new Error("not proposed");
  await h.drain();
  const root = await rootTs(h, normalCase);
  proposalTs = h.slack.messages(CUSTOMER_CHANNEL).find((m) => m.thread_ts === root && JSON.stringify(m.blocks ?? []).includes(Actions.approveProposal))!.ts;
});
afterAll(async () => {
  await h?.close();
});

const MENU_OPTIONS = [
  [Actions.assign, Views.assign], [Actions.proposeLevelA, Views.levelA], [Actions.proposeSplit, Views.split],
  [Actions.setExpectedDate, Views.expectedDate], [Actions.cancelDefect, Views.cancelDefect], [Actions.declineScope, Views.declineScope],
] as const;

/** Staff who are not engineers reach the triage announcement; customers reach no staff control at all. */
const STAFF_NOT_ENGINEERS = [A_COLLEAGUE, A_MANAGER];

async function expectRefused(who: Person, channelId: string, act: () => Promise<Awaited<ReturnType<typeof clickButton>>>, says: string) {
  const before = await everything(h);
  const text = await ephemeralAfter(h, channelId, who.userId, act);
  expect(text).toContain(says);
  expect(await everything(h)).toBe(before);
  expect(h.slack.views().filter((v) => v.open && v.user_id === who.userId && v.type === "modal")).toEqual([]);
}

const STAFF_ONLY = [Actions.take, Actions.resolve, Actions.caseMenu, Actions.assign, Actions.cancelDefect, Actions.declineScope, Actions.lowerLevel];

describe("a customer", () => {
  it("sees no engineer's control on the case message in their channel, in any state", async () => {
    const root = h.slack.message(CUSTOMER_CHANNEL, await rootTs(h, normalCase))!;
    const ids = JSON.stringify(root.blocks);
    for (const id of STAFF_ONLY) expect(ids).not.toContain(`"${id}"`);
    expect(ids).toContain(Actions.showBalance);
  });

  it("is not offered the 「案件を操作」 shortcut: Slack does not offer our shortcuts to the other organisation", async () => {
    await expect(h.driver.messageShortcut({ callbackId: Shortcuts.caseStaffMenu, userId: A_CUSTOMER.userId, teamId: A_CUSTOMER.teamId, channelId: CUSTOMER_CHANNEL, message: { ts: await rootTs(h, normalCase), text: "", user: h.slack.botUserId } }))
      .rejects.toThrow("not offered");
  });
});

describe.each(STAFF_NOT_ENGINEERS)("$role", (who) => {
  it("is refused Take on the triage message", async () => {
    await expectRefused(who, TRIAGE_CHANNEL, () => clickButton(h, who, normalCase, Actions.take), "サポート担当のみ");
  });
  it("is refused Resolve on the triage message", async () => {
    await expectRefused(who, TRIAGE_CHANNEL, () => clickButton(h, who, normalCase, Actions.resolve), "サポート担当のみ");
  });
  for (const [action] of MENU_OPTIONS) {
    it(`is refused the menu option ${action} on the triage message, and gets no modal`, async () => {
      await expectRefused(who, TRIAGE_CHANNEL, () => chooseMenu(h, who, normalCase, action), "サポート担当のみ");
    });
  }
  it("is refused lowering a level A case on the triage message", async () => {
    await expectRefused(who, TRIAGE_CHANNEL, () => chooseMenu(h, who, levelACase, Actions.lowerLevel), "サポート担当のみ");
  });
  it("is refused, politely, the 「案件を操作」 shortcut on the case message, and gets no menu", async () => {
    const ts = await rootTs(h, normalCase);
    await expectRefused(who, CUSTOMER_CHANNEL, () => h.driver.messageShortcut({ callbackId: Shortcuts.caseStaffMenu, userId: who.userId, channelId: CUSTOMER_CHANNEL, message: { ts, text: "", user: h.slack.botUserId } }), "恐れ入りますが");
  });
});

describe.each(NOT_ENGINEERS)("$role", (who) => {
  for (const callbackId of ALL_CASE_MODALS) {
    it(`has a forged ${callbackId} submission refused on the server, changing nothing`, async () => {
      const before = await everything(h);
      const values = {
        [Inputs.assignee.block]: { [Inputs.assignee.action]: { type: "users_select", selected_user: ENGINEER_2 } },
        [Inputs.reason.block]: { [Inputs.reason.action]: { type: "plain_text_input", value: "理由" } },
        [Inputs.parts.block]: { [Inputs.parts.action]: { type: "plain_text_input", value: "一\n二" } },
        [Inputs.date.block]: { [Inputs.date.action]: { type: "datepicker", selected_date: "2026-12-24" } },
      };
      const caseId = callbackId === Views.lowerLevel ? levelACase : normalCase;
      const response = await forgedSubmission(h, who, callbackId, caseId, values);
      expect(response.status).toBe(200);
      const json = response.json as { response_action?: string; errors?: Record<string, string> };
      expect(json.response_action).toBe("errors");
      expect(Object.values(json.errors ?? {}).join()).toContain("サポート担当のみ");
      expect(await everything(h)).toBe(before);
    });
  }
});

describe("the customer's approval buttons (only people of that customer, R-INC-5)", () => {
  const refusedPeople: Person[] = [AN_ENGINEER, A_COLLEAGUE, A_MANAGER, { userId: OTHER_CUSTOMER, teamId: OTHER_CUSTOMER_TEAM, role: "another customer's person" }];
  for (const who of refusedPeople) {
    for (const actionId of [Actions.approveProposal, Actions.declineProposal]) {
      it(`refuses ${actionId} to ${who.role}, changing nothing`, async () => {
        const click = () => h.driver.blockAction({ actionId, userId: who.userId, userTeamId: who.teamId, channelId: CUSTOMER_CHANNEL, messageTs: proposalTs });
        await expectRefused(who, CUSTOMER_CHANNEL, click, "この案件のお客様のみ");
        expect((await h.database.db.client.proposal.findFirstOrThrow({ where: { caseId: normalCase } })).state).toBe("pending");
      });
    }
  }
});

describe("/queue", () => {
  it("is refused, politely and without any customer's data, to staff who are not engineers (managers included)", async () => {
    for (const who of [A_COLLEAGUE, A_MANAGER]) {
      const reply = await h.driver.slashCommand({ command: Commands.queue, userId: who.userId, channelId: "C0STAFF" });
      expect(reply.slackWouldReject).toBeUndefined();
      const body = JSON.stringify(reply.json);
      expect(body).toContain("サポート担当のみご覧いただけます");
      expect(body).not.toContain("権限の確認");
      expect(body).not.toContain("株式会社サンプル");
    }
  });

  it("cannot even reach the app from a customer: Slack refuses our commands to the other organisation", async () => {
    await expect(h.driver.slashCommand({ command: Commands.queue, userId: A_CUSTOMER.userId, channelId: CUSTOMER_CHANNEL, teamId: A_CUSTOMER.teamId }))
      .rejects.toThrow("not a valid command");
  });

  it("shows an engineer the open cases, only to them", async () => {
    const reply = await h.driver.slashCommand({ command: Commands.queue, userId: ENGINEER, channelId: "C0STAFF" });
    expect(reply.slackWouldReject).toBeUndefined();
    expect(reply.json).toMatchObject({ response_type: "ephemeral" });
    expect(JSON.stringify(reply.json)).toContain("権限の確認");
  });
});

describe("an engineer", () => {
  for (const where of ["triage", "menu"] as const) {
    it(`opens the modal of every menu option from the ${where === "menu" ? "staff menu" : "triage message"}, and nothing changes until they submit`, async () => {
      const before = await everything(h);
      for (const [action, callbackId] of MENU_OPTIONS) {
        const view = await openActionModal(h, AN_ENGINEER, normalCase, action, callbackId, where);
        expect(view.private_metadata).toBe(JSON.stringify({ caseId: normalCase }));
      }
      await openActionModal(h, AN_ENGINEER, levelACase, Actions.lowerLevel, Views.lowerLevel, where);
      expect(await everything(h)).toBe(before);
    });
  }

  it("takes from the triage message and resolves from the staff menu of the case message", async () => {
    const caseId = await customerCase(h, `エンジニアの操作 ${randomUUID().slice(0, 4)}`);
    await clickButton(h, AN_ENGINEER, caseId, Actions.take, "triage");
    await expect.poll(async () => (await caseRow(h, caseId)).assigneeId).toBe(ENGINEER);
    await clickButton(h, AN_ENGINEER, caseId, Actions.resolve, "menu");
    await expect.poll(async () => (await caseRow(h, caseId)).state).toBe("resolved");
    expect(await h.database.db.client.caseEvent.count({ where: { caseId, actorId: ENGINEER, kind: { in: ["assigned", "resolve"] } } })).toBe(2);
  });

  it("is refused a modal submission on a closed case, which changes nothing", async () => {
    const caseId = (await h.database.db.client.case.findFirstOrThrow({ where: { state: "resolved" } })).id;
    const before = await everything(h);
    const response = await forgedSubmission(h, AN_ENGINEER, Views.declineScope, caseId, { [Inputs.reason.block]: { [Inputs.reason.action]: { type: "plain_text_input", value: "対象外" } } });
    expect(Object.values((response.json as { errors?: Record<string, string> }).errors ?? {}).join()).toContain("既にクローズ");
    expect(await everything(h)).toBe(before);
  });
});
