// What engineers (and the people who must not act like them) do in Slack, in the driver's terms: shared by the
// engineer-* suites. Clicks land only on controls the app really posted; modals are submitted as Slack would.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { Actions, Shortcuts, Views } from "../../src/slack/ids.ts";
import type { DriverResponse } from "../support/driver.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, INTERNAL, MANAGER, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import type { SlackView } from "../support/slack-api.ts";

export interface Person { userId: string; teamId: string; role: string }

export const AN_ENGINEER: Person = { userId: ENGINEER, teamId: HOME_TEAM, role: "an engineer" };
export const A_CUSTOMER: Person = { userId: CUSTOMER, teamId: CUSTOMER_TEAM, role: "a customer" };
export const A_COLLEAGUE: Person = { userId: INTERNAL, teamId: HOME_TEAM, role: "T4U staff who are not engineers" };
export const A_MANAGER: Person = { userId: MANAGER, teamId: HOME_TEAM, role: "a manager (not an engineer)" };
export const NOT_ENGINEERS = [A_CUSTOMER, A_COLLEAGUE, A_MANAGER];

/** A customer's case, opened through the service as the entry button would, with its messages delivered. */
export async function customerCase(h: Harness, title: string, level: "normal" | "A" = "normal"): Promise<number> {
  const result = await openCase(h.running.deps, {
    requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER,
    title, description: "ライセンス認証の画面でエラー E-1024 が表示されます。", level,
  });
  if (!result.ok) throw new Error(`case refused: ${result.reason}`);
  await h.drain();
  return result.caseId;
}

export async function caseRow(h: Harness, caseId: number) {
  return h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } });
}

export async function rootTs(h: Harness, caseId: number): Promise<string> {
  const ts = (await caseRow(h, caseId)).rootTs;
  if (!ts) throw new Error(`case ${caseId} has no root message`);
  return ts;
}

export async function triageTs(h: Harness, caseId: number): Promise<string> {
  const ts = (await caseRow(h, caseId)).triageTs;
  if (!ts) throw new Error(`case ${caseId} has no triage message`);
  return ts;
}

/** Everything a refused action must leave as it was: cases, ledger, contracts, proposals, audit events, outbox. */
export async function everything(h: Harness) {
  const c = h.database.db.client;
  return JSON.stringify({
    cases: await c.case.findMany({ orderBy: { id: "asc" } }),
    ledger: await c.ledgerEntry.findMany({ orderBy: { id: "asc" } }),
    contracts: await c.contract.findMany({ orderBy: { id: "asc" } }),
    proposals: await c.proposal.findMany({ orderBy: { id: "asc" } }),
    events: await c.caseEvent.findMany({ orderBy: { id: "asc" } }),
    outbox: await c.outboxMessage.count(),
  });
}

/** Runs `act`, then waits for the ephemeral answer the person gets in that channel. */
export async function ephemeralAfter(h: Harness, channelId: string, userId: string, act: () => Promise<DriverResponse>): Promise<string> {
  const mine = () => h.slack.ephemerals(channelId).filter((e) => e.user === userId);
  const before = mine().length;
  const response = await act();
  expect(response.status).toBe(200);
  expect(response.slackWouldReject).toBeUndefined();
  await expect.poll(() => mine().length).toBe(before + 1);
  return mine().at(-1)!.text;
}

/**
 * Where engineers act on a case: its triage announcement, or the staff menu the 「案件を操作」 shortcut opens on its
 * message in the customer's channel. The customer's channel itself carries no staff controls.
 */
export type Where = "triage" | "menu";

/** Opens the staff menu of a case as the person, through the message shortcut on its root message. */
export async function openStaffMenu(h: Harness, who: Person, caseId: number): Promise<SlackView> {
  const c = await caseRow(h, caseId);
  const before = new Set(h.slack.views().map((v) => v.id));
  const response = await h.driver.messageShortcut({ callbackId: Shortcuts.caseStaffMenu, userId: who.userId, teamId: who.teamId, channelId: c.channelId, message: { ts: await rootTs(h, caseId), text: "", user: h.slack.botUserId } });
  expect(response.slackWouldReject).toBeUndefined();
  await expect.poll(() => h.slack.views().some((v) => !before.has(v.id) && v.callback_id === Views.staffMenu && v.user_id === who.userId)).toBe(true);
  return h.slack.views().filter((v) => !before.has(v.id) && v.callback_id === Views.staffMenu && v.user_id === who.userId).at(-1)!;
}

type Click = { actionId: string; selectedOption?: string };

async function clickAt(h: Harness, who: Person, caseId: number, where: Where, click: Click): Promise<DriverResponse> {
  const person = { userId: who.userId, userTeamId: who.teamId, ...click };
  if (where === "menu") {
    const menu = await openStaffMenu(h, who, caseId);
    return h.driver.blockAction({ ...person, view: { id: menu.id, callbackId: Views.staffMenu }, blockId: `staff_menu:${caseId}` });
  }
  return h.driver.blockAction({ ...person, channelId: TRIAGE_CHANNEL, messageTs: await triageTs(h, caseId), blockId: `triage_actions:${caseId}` });
}

/** Chooses an option of a case's menu on its triage announcement or in its staff menu. */
export async function chooseMenu(h: Harness, who: Person, caseId: number, action: string, where: Where = "triage"): Promise<DriverResponse> {
  return clickAt(h, who, caseId, where, { actionId: Actions.caseMenu, selectedOption: `${action}:${caseId}` });
}

export async function clickButton(h: Harness, who: Person, caseId: number, actionId: string, where: Where = "triage"): Promise<DriverResponse> {
  return clickAt(h, who, caseId, where, { actionId });
}

function openModals(h: Harness, userId: string, callbackId: string): SlackView[] {
  return h.slack.views().filter((v) => v.open && v.callback_id === callbackId && v.user_id === userId);
}

/** Chooses a menu option and waits for the modal it opens (modals open after the ack, as in Slack). */
export async function openActionModal(h: Harness, who: Person, caseId: number, action: string, callbackId: string, where: Where = "triage"): Promise<SlackView> {
  const before = openModals(h, who.userId, callbackId).length;
  const response = await chooseMenu(h, who, caseId, action, where);
  expect(response.slackWouldReject).toBeUndefined();
  await expect.poll(() => openModals(h, who.userId, callbackId).length).toBe(before + 1);
  return openModals(h, who.userId, callbackId).at(-1)!;
}

export function submit(h: Harness, who: Person, view: SlackView, values: Record<string, Record<string, unknown>>): Promise<DriverResponse> {
  return h.driver.viewSubmission({ callbackId: view.callback_id, viewId: view.id, userId: who.userId, userTeamId: who.teamId, values });
}

export function modalErrors(response: DriverResponse): Record<string, string> {
  expect(response.slackWouldReject).toBeUndefined();
  const json = response.json as { response_action?: string; errors?: Record<string, string> } | null;
  expect(json?.response_action).toBe("errors");
  return json?.errors ?? {};
}

/**
 * A view_submission Slack would never send (the modal was only ever opened for an engineer), signed with the app's
 * secret as if it came from Slack: the server must still refuse it by the submitter's role.
 */
export function forgedSubmission(h: Harness, who: Person, callbackId: string, caseId: number, values: Record<string, Record<string, unknown>>): Promise<DriverResponse> {
  const payload = {
    type: "view_submission",
    team: { id: who.teamId, domain: "forged" },
    user: { id: who.userId, username: who.userId, name: who.userId, team_id: who.teamId },
    api_app_id: h.slack.appId,
    token: "legacy-verification-token",
    trigger_id: "1.2.forged",
    view: {
      id: "VFORGED", team_id: who.teamId, type: "modal", callback_id: callbackId, private_metadata: JSON.stringify({ caseId }),
      blocks: [], state: { values }, hash: "h", app_installed_team_id: HOME_TEAM,
    },
    response_urls: [],
    is_enterprise_install: false,
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return h.driver.raw(body, { "content-type": "application/x-www-form-urlencoded", ...h.driver.sign(body) });
}

/** The latest message in a case's thread, in the customer channel. */
export async function threadTexts(h: Harness, caseId: number): Promise<string[]> {
  const ts = await rootTs(h, caseId);
  return h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === ts && m.ts !== ts).map((m) => `${m.text ?? ""} ${JSON.stringify(m.blocks ?? [])}`);
}

export const ALL_CASE_MODALS = [
  Views.assign, Views.levelA, Views.split, Views.expectedDate, Views.cancelDefect, Views.declineScope, Views.lowerLevel,
] as const;
