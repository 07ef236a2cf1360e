// The rows of the role × action matrix (R-ROLE) and the world they run in: two customers, each in its own channel,
// and the six kinds of people. A new control is one row in CONTROLS, in the group of the suite that runs it.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { proposeLevelA } from "../../src/services/propose-level-a.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { emptySections } from "../../src/domain/report.ts";
import { claimReportDelivery, recordReportDelivered } from "../../src/services/deliver-report.ts";
import { reviewReport } from "../../src/services/review-report.ts";
import { saveReportVersion } from "../../src/services/save-report-version.ts";
import { Actions, CaseworkIds, Commands, Inputs, ReportIds, Shortcuts, TenancyIds, Views } from "../../src/slack/ids.ts";
import type { DriverResponse } from "../support/driver.ts";
import type { SlackView } from "../support/slack-api.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, ENGINEER_2, HOME_TEAM, MANAGER, OTHER_CHANNEL, OTHER_CUSTOMER, OTHER_CUSTOMER_TEAM, startHarness, type Harness } from "../support/harness.ts";
import { kit, PEOPLE, person, REMOVED_ENGINEER, THIRD_PERSON, THIRD_TEAM, type Observation, type Person, type Who } from "./authorization-kit.ts";
import { entryTs, until } from "./flows.ts";

let h: Harness;
let k: ReturnType<typeof kit>;
let customerA = 0;
let contractA = 0;
let counter = 0;

const ENGINEERS_GROUP = "S0SUPPORT";

export async function startWorld(): Promise<Harness> {
  h = await startHarness({ env: { SUPPORT_ENGINEERS: `${ENGINEER},${ENGINEER_2},${ENGINEERS_GROUP}` }, userGroups: { [ENGINEERS_GROUP]: [REMOVED_ENGINEER] } });
  k = kit(h);
  // One engineer held the role through the user group only, and is taken out of it while the app runs.
  if (!h.running.deps.directory.engineers.has(REMOVED_ENGINEER)) throw new Error("the user group was not read at start");
  h.slack.setUserGroup(ENGINEERS_GROUP, []);
  await h.driver.event({ type: "subteam_members_changed", subteam_id: ENGINEERS_GROUP, team_id: HOME_TEAM, removed_users: [REMOVED_ENGINEER], date_previous_update: 1, date_update: 2 });
  if (!await until(() => !h.running.deps.directory.engineers.has(REMOVED_ENGINEER) || undefined)) throw new Error("the user group change never arrived");
  // The customer's channel is shared with a third organisation too; the manager named the customer's workspace.
  h.slack.setUser({ id: THIRD_PERSON, team_id: THIRD_TEAM });
  h.slack.setChannel({ id: CUSTOMER_CHANNEL, is_ext_shared: true, connected_team_ids: [HOME_TEAM, CUSTOMER_TEAM, THIRD_TEAM] });
  ({ customerId: customerA, contractId: contractA } = await h.registerCustomer({ incidents: 1_000, customerTeam: CUSTOMER_TEAM }));
  const third = await h.database.db.client.channelTeam.findUnique({ where: { channelId_teamId: { channelId: CUSTOMER_CHANNEL, teamId: THIRD_TEAM } } });
  if (third?.role !== "excluded") throw new Error("the third workspace was not recorded as not the customer");
  await h.registerCustomer({ name: "別の会社", channelId: OTHER_CHANNEL, incidents: 77 });
  await openCase(h.running.deps, { requestKey: randomUUID(), channelId: OTHER_CHANNEL, openedBy: OTHER_CUSTOMER, title: "他社の秘密の案件", description: "機密", level: "normal" });
  await h.drain();
  return h;
}

/** What a customer must never see of the other customer. */
const SECRETS: Partial<Record<Who, RegExp>> = {
  "customer of this channel": /別の会社|他社の秘密の案件/,
  "customer of another channel": /株式会社サンプル|権限の確認/,
};

interface Target { caseId: number; rootTs: string; view?: SlackView; proposalId?: number; messageTs?: string; versionId?: number; teamId?: string; userId?: string }

async function caseIn(level: "normal" | "A" = "normal"): Promise<Target> {
  const opened = await openCase(h.running.deps, {
    requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER,
    title: `権限の確認 ${++counter}`, description: "詳細", level, ...(level === "A" ? { levelReason: "report" as const } : {}),
  });
  if (!opened.ok) throw new Error(opened.reason);
  await h.drain();
  const c = await h.database.db.client.case.findUniqueOrThrow({ where: { id: opened.caseId } });
  return { caseId: c.id, rootTs: c.rootTs! };
}
/** A level A case whose report another engineer wrote, taken as far as `stage` through the services. */
async function reportIn(stage: "in_review" | "approved" | "delivered"): Promise<Target> {
  const t = await caseIn("A");
  const deps = h.running.deps;
  const content = { header: { customer: "株式会社サンプル", caseNumber: "", product: "", receivedOn: "2026-11-24", answeredOn: null, engineer: "" }, sections: { ...emptySections(), subject: "件名", summary: "概要", events: "事象", measures: "対策" } };
  const saved = await saveReportVersion(deps, { caseId: t.caseId, actorId: ENGINEER_2, requestKey: randomUUID(), content, changeNote: null, locale: "ja", requestReview: true });
  if (!saved.ok) throw new Error(saved.reason);
  if (stage !== "in_review") await reviewReport(deps, { versionId: saved.versionId, decision: "approve", reviewer: { userId: MANAGER, engineer: false, manager: true } });
  if (stage === "delivered") {
    const claim = await claimReportDelivery(deps, { versionId: saved.versionId, actorId: ENGINEER_2 });
    if (!claim.ok) throw new Error(claim.reason);
    await recordReportDelivered(deps, { versionId: saved.versionId, actorId: ENGINEER_2, fileId: "F0MATRIX" });
  }
  return { ...t, versionId: saved.versionId };
}
const versionOf = (t: Target) => h.database.db.client.reportVersion.findUniqueOrThrow({ where: { id: t.versionId! } });
const onReport = (actionId: string) => (p: Person, t: Target) => k.click(p, actionId, { channelId: CUSTOMER_CHANNEL, messageTs: t.rootTs, value: String(t.versionId) });
const caseState = async (t: Target) => h.database.db.client.case.findUniqueOrThrow({ where: { id: t.caseId } });
const shows = (o: Observation, callbackId: string) => o.views.some((v) => v.callback_id === callbackId);

/** Opens a modal the way its rightful user does, so that its private metadata is the real thing. */
async function modal(open: (t: Target) => Promise<DriverResponse>, callbackId: string, t: Target, by: Who): Promise<Target> {
  const before = new Set(h.slack.views().map((v) => v.id));
  await open(t);
  const view = await until(() => h.slack.views().find((v) => !before.has(v.id) && v.callback_id === callbackId && v.user_id === person(by).userId));
  if (!view) throw new Error(`${by} could not open ${callbackId}`);
  return { ...t, view };
}
const menu = (option: string) => (p: Person, t: Target) => k.click(p, Actions.caseMenu, { channelId: CUSTOMER_CHANNEL, messageTs: t.rootTs, option: `${option}:${t.caseId}` });
const onCase = (actionId: string) => (p: Person, t: Target) => k.click(p, actionId, { channelId: CUSTOMER_CHANNEL, messageTs: t.rootTs, value: String(t.caseId) });
const onHome = (actionId: string, value = () => "") => (p: Person) => k.click(p, actionId, { value: value() });
const engineerModal = (option: string, callbackId: string, level: "normal" | "A" = "normal") => async () =>
  modal((t) => menu(option)(person("engineer"), t), callbackId, await caseIn(level), "engineer");
const managerModal = (actionId: string, callbackId: string, value = () => "") => async () =>
  modal(() => onHome(actionId, value)(person("manager")), callbackId, await caseIn(), "manager");
const submitted = (values: Record<string, string | string[]>) => (p: Person, t: Target) => k.submit(p, t.view!, values);

/** The other customer's channel, with a workspace that has just joined it: a manager may make it the customer's. */
async function channelWithNewTeam(): Promise<Target> {
  const teamId = `T0JOINED${++counter}`;
  h.slack.setTeam({ id: teamId, name: `合流した組織 ${counter}` });
  h.slack.setChannel({ id: OTHER_CHANNEL, is_ext_shared: true, connected_team_ids: [HOME_TEAM, OTHER_CUSTOMER_TEAM, teamId] });
  const t = await modal(() => onHome(TenancyIds.actions.editTeams, () => OTHER_CHANNEL)(person("manager")), TenancyIds.views.teams, await caseIn(), "manager");
  return { ...t, teamId };
}
const teamRole = async (teamId: string) => (await h.database.db.client.channelTeam.findUnique({ where: { channelId_teamId: { channelId: OTHER_CHANNEL, teamId } } }))?.role;

/** The registration's second step, reached the way a manager reaches it: a channel shared with two outside workspaces. */
async function registrationStep(): Promise<Target> {
  const channelId = `C0TWOORGS${++counter}`;
  h.slack.setChannel({ id: channelId, is_ext_shared: true, connected_team_ids: [HOME_TEAM, CUSTOMER_TEAM, THIRD_TEAM] });
  const t = await managerModal(Actions.registerContract, Views.registerContract)();
  const response = await k.submit(person("manager"), t.view!, {
    [Inputs.customerName.block]: `二社共有のお客様 ${counter}`, [Inputs.customerChannels.block]: [channelId], [Inputs.incidents.block]: "5", [Inputs.confirmedOn.block]: "2026-11-01",
  });
  const step = (response.json as { view?: SlackView } | null)?.view;
  if (step?.callback_id !== TenancyIds.views.chooseTeam) throw new Error("the registration did not ask for the customer's workspace");
  return { ...t, view: { ...t.view!, ...step, id: t.view!.id } };
}

export interface Control {
  name: string;
  /** Which suite runs the row: customers' and engineers' work on cases, or everything else. */
  group: "cases" | "others";
  /** The Slack ids this row covers (for the completeness check). */
  ids: string[];
  allowed: readonly Who[];
  setup(): Promise<Target>;
  act(p: Person, t: Target): Promise<DriverResponse>;
  took(o: Observation, t: Target, p: Person): Promise<boolean> | boolean;
  /** Tables a refused request may still write: a thread message by someone else is kept, as a note. */
  mayRecord?: string[];
  /** Refused without a word: nobody to answer (an event). */
  silent?: boolean;
}

const CUSTOMERS_AND_T4U: Who[] = ["customer of this channel", "engineer", "manager"];
const EVERYONE: Who[] = PEOPLE.map((p) => p.who);

export const CONTROLS: Control[] = [
  // Customers' entry points (R-INC-6: opening the modal spends nothing).
  { group: "cases", name: "button: open a case (entry message)", ids: [Actions.openCase], allowed: CUSTOMERS_AND_T4U, setup: () => caseIn(),
    act: (p) => k.click(p, Actions.openCase, { channelId: CUSTOMER_CHANNEL, messageTs: entryTs(h), value: "entry" }), took: (o) => shows(o, Views.openCase) },
  { group: "cases", name: "button: open a follow-up case (closed case)", ids: [Actions.openFollowUpCase], allowed: CUSTOMERS_AND_T4U,
    setup: async () => { const t = await caseIn(); await resolveCase(h.running.deps, { caseId: t.caseId, actorId: ENGINEER }); return t; },
    act: onCase(Actions.openFollowUpCase), took: (o) => shows(o, Views.openCase) },
  { group: "cases", name: "button: make my message a case (offer)", ids: [Actions.openCaseFromMessage], allowed: CUSTOMERS_AND_T4U,
    setup: async () => ({ ...(await caseIn()), messageTs: h.driver.nextTs() }),
    act: (p, t) => k.click(p, Actions.openCaseFromMessage, { channelId: CUSTOMER_CHANNEL, messageTs: t.messageTs!, value: t.messageTs! }), took: (o) => shows(o, Views.openCase) },
  { group: "cases", name: "button: show my balance", ids: [Actions.showBalance], allowed: CUSTOMERS_AND_T4U, setup: () => caseIn(),
    act: (p) => k.click(p, Actions.showBalance, { channelId: CUSTOMER_CHANNEL, messageTs: entryTs(h), value: "entry" }), took: (o) => o.told.some((t) => t.includes("インシデント残高")) },
  { group: "cases", name: "button: the channel's cases (「ご依頼中の案件」)", ids: [CaseworkIds.actions.channelCases], allowed: CUSTOMERS_AND_T4U, setup: () => caseIn(),
    act: (p) => k.click(p, CaseworkIds.actions.channelCases, { channelId: CUSTOMER_CHANNEL, messageTs: entryTs(h), value: "entry" }), took: (o) => shows(o, CaseworkIds.views.channelCases) },
  { group: "cases", name: "modal: open a case (submit)", ids: [Views.openCase], allowed: CUSTOMERS_AND_T4U,
    setup: async () => modal(() => k.click(person("customer of this channel"), Actions.openCase, { channelId: CUSTOMER_CHANNEL, messageTs: entryTs(h) }), Views.openCase, await caseIn(), "customer of this channel"),
    act: submitted({ [Inputs.title.block]: "権限の確認 新規", [Inputs.description.block]: "詳細", [Inputs.level.block]: "normal" }), took: (o) => o.changed.cases === 1 },
  // Customers' answers to a proposal (R-INC-5): only the case's own customer.
  ...[Actions.approveProposal, Actions.declineProposal].map((actionId): Control => ({
    group: "cases", name: `button: ${actionId === Actions.approveProposal ? "approve" : "decline"} a proposal`, ids: [actionId], allowed: ["customer of this channel"],
    setup: async () => {
      const t = await caseIn();
      const proposed = await proposeLevelA(h.running.deps, { caseId: t.caseId, actorId: ENGINEER, levelReason: "reproduction", reason: "環境の再現が必要です" });
      if (!proposed.ok) throw new Error(proposed.reason);
      await h.drain();
      return { ...t, proposalId: proposed.proposalId };
    },
    act: (p, t) => k.click(p, actionId, { channelId: CUSTOMER_CHANNEL, messageTs: t.rootTs, value: `${t.proposalId}:${t.caseId}` }),
    took: async (_o, t) => (await h.database.db.client.proposal.findUniqueOrThrow({ where: { id: t.proposalId! } })).state !== "pending",
  })),
  // Engineers' controls on a case (R-ROLE: everything on cases).
  { group: "cases", name: "button: take", ids: [Actions.take], allowed: ["engineer"], setup: () => caseIn(), act: onCase(Actions.take), took: async (_o, t, p) => (await caseState(t)).assigneeId === p.userId },
  { group: "cases", name: "button: resolve", ids: [Actions.resolve], allowed: ["engineer"], setup: () => caseIn(), act: onCase(Actions.resolve), took: async (_o, t) => (await caseState(t)).state === "resolved" },
  ...([
    [Actions.assign, Views.assign, "normal"], [Actions.proposeLevelA, Views.levelA, "normal"], [Actions.lowerLevel, Views.lowerLevel, "A"],
    [Actions.proposeSplit, Views.split, "normal"], [Actions.setExpectedDate, Views.expectedDate, "normal"],
    [Actions.cancelDefect, Views.cancelDefect, "normal"], [Actions.declineScope, Views.declineScope, "normal"],
  ] as const).map(([option, callbackId, level]): Control => ({
    group: "cases", name: `case menu: ${option}`, ids: [Actions.caseMenu], allowed: ["engineer"], setup: () => caseIn(level), act: menu(option), took: (o) => shows(o, callbackId),
  })),
  { group: "cases", name: "modal: assign", ids: [Views.assign], allowed: ["engineer"], setup: engineerModal(Actions.assign, Views.assign),
    act: submitted({ [Inputs.assignee.block]: ENGINEER_2 }), took: async (_o, t) => (await caseState(t)).assigneeId === ENGINEER_2 },
  { group: "cases", name: "modal: propose level A", ids: [Views.levelA], allowed: ["engineer"], setup: engineerModal(Actions.proposeLevelA, Views.levelA),
    act: submitted({ [Inputs.reason.block]: "環境の再現が必要です" }), took: (o) => o.changed.proposals === 1 },
  { group: "cases", name: "modal: lower level A", ids: [Views.lowerLevel], allowed: ["engineer"], setup: engineerModal(Actions.lowerLevel, Views.lowerLevel, "A"),
    act: submitted({}), took: async (_o, t) => (await caseState(t)).level === "normal" },
  { group: "cases", name: "modal: propose a split", ids: [Views.split], allowed: ["engineer"], setup: engineerModal(Actions.proposeSplit, Views.split),
    act: submitted({ [Inputs.parts.block]: "一つ目の問題\n二つ目の問題", [Inputs.reason.block]: "別々の問題です" }), took: (o) => o.changed.proposals === 1 },
  { group: "cases", name: "modal: expected answer date", ids: [Views.expectedDate], allowed: ["engineer"], setup: engineerModal(Actions.setExpectedDate, Views.expectedDate),
    act: submitted({ [Inputs.date.block]: "2026-12-09" }), took: async (_o, t) => (await caseState(t)).expectedAnswerOn === "2026-12-09" },
  { group: "cases", name: "modal: cancel as a product defect", ids: [Views.cancelDefect], allowed: ["engineer"], setup: engineerModal(Actions.cancelDefect, Views.cancelDefect),
    act: submitted({ [Inputs.reason.block]: "製品の不具合" }), took: async (_o, t) => (await caseState(t)).state === "cancelled" },
  { group: "cases", name: "modal: decline as out of scope", ids: [Views.declineScope], allowed: ["engineer"], setup: engineerModal(Actions.declineScope, Views.declineScope),
    act: submitted({ [Inputs.reason.block]: "サポート対象外です" }), took: async (_o, t) => (await caseState(t)).state === "declined" },
  // The formal report of a level A case: engineers write and send it; engineers and managers review it.
  { group: "cases", name: "case menu: write the report", ids: [Actions.caseMenu], allowed: ["engineer"], setup: () => caseIn("A"),
    act: menu(ReportIds.actions.draft), took: (o) => shows(o, ReportIds.views.draft) },
  { group: "cases", name: "modal: save the report", ids: [ReportIds.views.draft], allowed: ["engineer"], setup: engineerModal(ReportIds.actions.draft, ReportIds.views.draft, "A"),
    act: submitted({ [ReportIds.inputs.summary.block]: "概要", [ReportIds.inputs.measures.block]: "対策" }),
    took: async (_o, t) => (await h.database.db.client.reportVersion.count({ where: { report: { caseId: t.caseId } } })) === 1 },
  { group: "cases", name: "button: approve the report", ids: [ReportIds.actions.approve], allowed: ["engineer", "manager"], setup: () => reportIn("in_review"),
    act: onReport(ReportIds.actions.approve), took: async (_o, t) => (await versionOf(t)).state === "approved" },
  { group: "cases", name: "button: ask for changes to the report", ids: [ReportIds.actions.requestChanges], allowed: ["engineer", "manager"], setup: () => reportIn("in_review"),
    act: onReport(ReportIds.actions.requestChanges), took: (o) => shows(o, ReportIds.views.changes) },
  { group: "cases", name: "modal: ask for changes to the report", ids: [ReportIds.views.changes], allowed: ["engineer", "manager"],
    setup: async () => modal((t) => onReport(ReportIds.actions.requestChanges)(person("engineer"), t), ReportIds.views.changes, await reportIn("in_review"), "engineer"),
    act: submitted({ [ReportIds.inputs.comment.block]: "原因を具体的に" }), took: async (_o, t) => (await versionOf(t)).state === "changes_requested" },
  { group: "cases", name: "button: send the report to the customer", ids: [ReportIds.actions.deliver], allowed: ["engineer"], setup: () => reportIn("approved"),
    act: onReport(ReportIds.actions.deliver), took: (o) => o.uploads === 1 },
  { group: "cases", name: "button: write a corrected edition", ids: [ReportIds.actions.reissue], allowed: ["engineer"], setup: () => reportIn("delivered"),
    act: onReport(ReportIds.actions.reissue), took: (o) => shows(o, ReportIds.views.draft) },
  { group: "cases", name: "modal: resolve without a report", ids: [ReportIds.views.resolveConfirm], allowed: ["engineer"],
    setup: async () => modal((t) => onCase(Actions.resolve)(person("engineer"), t), ReportIds.views.resolveConfirm, await caseIn("A"), "engineer"),
    act: submitted({}), took: async (_o, t) => (await caseState(t)).state === "resolved" },
  // Managers (R-CON-5, R-ROLE: contracts, balances of all customers, exports).
  ...([
    [Actions.registerContract, Views.registerContract, () => ""], [Actions.addIncidents, Views.addIncidents, () => String(contractA)],
    [Actions.adjustBalance, Views.adjustBalance, () => String(contractA)], [Actions.renewContract, Views.renewContract, () => String(customerA)],
    [Actions.exportLedger, Views.exportLedger, () => ""], [Actions.customerDetail, Views.customerDetail, () => String(customerA)],
  ] as const).map(([actionId, callbackId, value]): Control => ({
    group: "others", name: `button: ${actionId}`, ids: [actionId], allowed: ["manager"], setup: () => caseIn(), act: onHome(actionId, value), took: (o) => shows(o, callbackId),
  })),
  { group: "others", name: "modal: register a contract", ids: [Views.registerContract], allowed: ["manager"], setup: managerModal(Actions.registerContract, Views.registerContract),
    act: submitted({ [Inputs.customerName.block]: "新しいお客様", [Inputs.customerChannels.block]: ["C0NEWCUST"], [Inputs.incidents.block]: "5", [Inputs.confirmedOn.block]: "2026-11-01" }),
    took: (o) => o.changed.contracts === 1 },
  { group: "others", name: "modal: add incidents", ids: [Views.addIncidents], allowed: ["manager"], setup: managerModal(Actions.addIncidents, Views.addIncidents, () => String(contractA)),
    act: submitted({ [Inputs.incidents.block]: "3" }), took: (o) => o.changed.ledger === 1 },
  { group: "others", name: "modal: adjust a balance", ids: [Views.adjustBalance], allowed: ["manager"], setup: managerModal(Actions.adjustBalance, Views.adjustBalance, () => String(contractA)),
    act: submitted({ [Inputs.amount.block]: "1", [Inputs.reason.block]: "登録の誤りを訂正" }), took: (o) => o.changed.ledger === 1 },
  { group: "others", name: "modal: renew a contract", ids: [Views.renewContract], allowed: ["manager"], setup: managerModal(Actions.renewContract, Views.renewContract, () => String(customerA)),
    act: submitted({ [Inputs.incidents.block]: "10", [Inputs.confirmedOn.block]: "2027-04-01" }), took: (o) => o.changed.contracts === 1 },
  { group: "others", name: "modal: export the ledger", ids: [Views.exportLedger], allowed: ["manager"], setup: managerModal(Actions.exportLedger, Views.exportLedger),
    act: submitted({}), took: (o) => o.uploads === 1 },
  // A channel's tenancy set by managers: the registration's workspace step, and the detail's workspace and approver
  // controls (R-ROLE, R-INC-5). What each modal offers is checked again at submission.
  { group: "others", name: "modal: register — the customer's workspace", ids: [TenancyIds.views.chooseTeam], allowed: ["manager"], setup: registrationStep,
    act: submitted({ [TenancyIds.inputs.customerTeam.block]: CUSTOMER_TEAM }), took: (o) => o.changed.contracts === 1 },
  ...([[TenancyIds.actions.editTeams, TenancyIds.views.teams], [TenancyIds.actions.editApprovers, TenancyIds.views.approvers]] as const).map(([actionId, callbackId]): Control => ({
    group: "others", name: `button: ${actionId}`, ids: [actionId], allowed: ["manager"], setup: () => caseIn(), act: onHome(actionId, () => OTHER_CHANNEL), took: (o) => shows(o, callbackId),
  })),
  { group: "others", name: "modal: a channel's customer workspaces", ids: [TenancyIds.views.teams], allowed: ["manager"], setup: channelWithNewTeam,
    act: (p, t) => k.submit(p, t.view!, { [TenancyIds.inputs.customerTeams.block]: [OTHER_CUSTOMER_TEAM, t.teamId!] }), took: async (_o, t) => (await teamRole(t.teamId!)) === "customer" },
  { group: "others", name: "modal: a channel's approvers", ids: [TenancyIds.views.approvers], allowed: ["manager"],
    setup: async () => {
      // A person of the other customer's workspace, named by nobody yet.
      const userId = `U0APPROVER${++counter}`;
      h.slack.setUser({ id: userId, team_id: OTHER_CUSTOMER_TEAM });
      const t = await modal(() => onHome(TenancyIds.actions.editApprovers, () => OTHER_CHANNEL)(person("manager")), TenancyIds.views.approvers, await caseIn(), "manager");
      return { ...t, userId };
    },
    act: (p, t) => k.submit(p, t.view!, { [TenancyIds.inputs.approvers.block]: [t.userId!] }),
    took: async (_o, t) => (await h.database.db.client.channelApprover.count({ where: { channelId: OTHER_CHANNEL, userId: t.userId! } })) === 1 },
  // Commands (T4U's own people; Slack does not even offer them to customers in Slack Connect).
  { group: "others", name: "command: /support", ids: [Commands.support], allowed: ["engineer", "manager"], setup: () => caseIn(),
    act: (p) => k.command(p, Commands.support, "", CUSTOMER_CHANNEL), took: (o) => shows(o, Views.openCase) },
  { group: "others", name: "command: /balance", ids: [Commands.balance], allowed: ["manager"], setup: () => caseIn(), act: (p) => k.command(p, Commands.balance), took: (o) => o.response.text.includes("別の会社") },
  { group: "others", name: "command: /queue", ids: [Commands.queue], allowed: ["engineer"], setup: () => caseIn(), act: (p) => k.command(p, Commands.queue), took: (o) => o.response.text.includes("権限の確認") },
  // /case answers by response_url after the acknowledgement: the case card or the matches, to the asker alone.
  { group: "others", name: "command: /case", ids: [Commands.case], allowed: ["engineer", "manager"], setup: () => caseIn(),
    act: (p, t) => k.command(p, Commands.case, String(t.caseId)), took: (o) => o.told.some((x) => x.includes("権限の確認")) },
  { group: "others", name: "shortcut: make a message a case", ids: [Shortcuts.messageToCase], allowed: ["engineer", "manager"], setup: () => caseIn(),
    act: (p) => k.shortcut(p, Shortcuts.messageToCase, CUSTOMER_CHANNEL, { ts: h.driver.nextTs(), text: "お客様の質問", user: CUSTOMER }), took: (o) => shows(o, Views.openCase) },
  { group: "others", name: "shortcut: the staff menu of a case (「案件を操作」)", ids: [Shortcuts.caseStaffMenu], allowed: ["engineer"], setup: () => caseIn(),
    act: (p, t) => k.shortcut(p, Shortcuts.caseStaffMenu, CUSTOMER_CHANNEL, { ts: t.rootTs, text: "", user: h.slack.botUserId }), took: (o) => shows(o, Views.staffMenu) },
  // Events: a reply in a case's thread counts for the case's customer and engineers; anyone else's is a note.
  { group: "others", name: "event: a reply in a case thread", ids: [], allowed: ["customer of this channel", "engineer"], setup: () => caseIn(), mayRecord: ["messages"], silent: true,
    act: (p, t) => k.event(p, { type: "message", channel: CUSTOMER_CHANNEL, user: p.userId, user_team: p.teamId, text: "スレッドへの返信", ts: h.driver.nextTs(), thread_ts: t.rootTs }),
    took: async (_o, t) => (await h.database.db.client.caseMessage.findMany({ where: { caseId: t.caseId } })).some((m) => m.authorRole !== "internal") },
  // App Home: everyone gets a Home, with only what their role may see.
  { group: "others", name: "event: App Home opened", ids: [], allowed: EVERYONE, setup: () => caseIn(),
    act: (p) => k.event(p, { type: "app_home_opened", user: p.userId, channel: "D0HOME", tab: "home" }), took: (o) => o.views.some((v) => v.type === "home") },
  { group: "others", name: "button: refresh App Home", ids: [Actions.refreshHome], allowed: EVERYONE, setup: () => caseIn(), act: onHome(Actions.refreshHome), took: (o) => o.views.some((v) => v.type === "home") },
];


/** One cell of the matrix: the person uses the control; the outcome must match what the rules allow them. */
export async function tryAs(control: Control, p: Person): Promise<void> {
  const allowed = control.allowed.includes(p.who);
  const target = allowed ? await control.setup() : await sharedTarget(control);
  const o = await k.observe(p, () => control.act(p, target));
  expect(o.response.status).toBe(200);
  const secret = SECRETS[p.who];
  if (secret) expect(o.told.filter((t) => secret.test(t))).toEqual([]);
  if (allowed) {
    expect(await control.took(o, target, p)).toBe(true);
    return;
  }
  expect(await control.took(o, target, p)).toBe(false);
  expect(Object.entries(o.changed).filter(([table, n]) => n !== 0 && !(control.mayRecord ?? []).includes(table))).toEqual([]);
  expect(o.posts).toBe(0);
  if (!control.silent) expect(o.told.length, "told why").toBeGreaterThan(0);
}

/** Refusals change nothing, so the people who are refused share one target per control. */
const shared = new Map<Control, Promise<Target>>();
function sharedTarget(control: Control): Promise<Target> {
  let target = shared.get(control);
  if (!target) shared.set(control, (target = control.setup()));
  return target;
}
