import type { App } from "@slack/bolt";
import { routeListeners } from "../listener-router.ts";
import type { SlackDeps } from "../deps.ts";
import * as openCaseAction from "./actions/open-case.ts";
import * as resolve from "./actions/resolve.ts";
import * as showBalance from "./actions/show-balance.ts";
import * as take from "./actions/take.ts";
import * as balance from "./commands/balance.ts";
import * as support from "./commands/support.ts";
import * as channelShared from "./events/channel-shared.ts";
import * as message from "./events/message.ts";
import * as userGroups from "./events/user-groups.ts";
import * as caseStaffMenu from "./shortcuts/case-staff-menu.ts";
import * as messageToCase from "./shortcuts/message-to-case.ts";
import * as openCaseView from "./views/open-case.ts";
// Managers: contracts, balances and the ledger.
import * as addIncidentsAction from "./actions/add-incidents.ts";
import * as adjustBalanceAction from "./actions/adjust-balance.ts";
import * as customerDetailAction from "./actions/customer-detail.ts";
import * as exportLedgerAction from "./actions/export-ledger.ts";
import * as registerContractAction from "./actions/register-contract.ts";
import * as renewContractAction from "./actions/renew-contract.ts";
import * as addIncidentsView from "./views/add-incidents.ts";
import * as adjustBalanceView from "./views/adjust-balance.ts";
import * as exportLedgerView from "./views/export-ledger.ts";
import * as registerContractView from "./views/register-contract.ts";
import * as renewContractView from "./views/renew-contract.ts";
// Engineers' work on cases, the queue and App Home.
import * as caseMenu from "./actions/case-menu.ts";
import * as decideProposal from "./actions/decide-proposal.ts";
import * as refreshHome from "./actions/refresh-home.ts";
import * as queue from "./commands/queue.ts";
import { caseworkModules } from "./casework.ts";
import { tenancyModules } from "./tenancy.ts";
import * as appHomeOpened from "./events/app-home-opened.ts";
import * as memberJoinedChannel from "./events/member-joined-channel.ts";
import * as assignView from "./views/assign.ts";
import * as endCaseViews from "./views/end-case-modals.ts";
import * as expectedDateView from "./views/expected-date.ts";
import * as levelAView from "./views/level-a.ts";
import * as lowerLevelView from "./views/lower-level.ts";
import * as splitView from "./views/split.ts";
// The formal report of level A cases.
import * as reportDraftAction from "./actions/report-draft.ts";
import * as reportReviewAction from "./actions/report-review.ts";
import * as reportChangesView from "./views/report-changes.ts";
import * as reportDraftView from "./views/report-draft.ts";
import * as resolveConfirmView from "./views/resolve-confirm.ts";
// Where contracts are going: the satisfaction rating, the usage statement, the SLA report.
import * as rateCaseAction from "./actions/rate-case.ts";
import * as rateCommentView from "./views/rate-comment.ts";
import * as usageStatementAction from "./actions/usage-statement.ts";
import * as slaReportAction from "./actions/sla-report.ts";

// Renewals and purchases asked for in Slack: the customer's answers and applications, the managers' settling.
import * as answerRenewal from "./actions/answer-renewal.ts";
import * as applyAddition from "./actions/apply-addition.ts";
import * as settleRequest from "./actions/settle-request.ts";
import * as applicationView from "./views/application.ts";
import * as declineRequestView from "./views/decline-request.ts";

const renewalModules = [answerRenewal, applyAddition, settleRequest, applicationView, declineRequestView];

const managerModules = [
  addIncidentsAction, adjustBalanceAction, customerDetailAction, exportLedgerAction, registerContractAction, renewContractAction,
  addIncidentsView, adjustBalanceView, exportLedgerView, registerContractView, renewContractView,
];
const modules = [openCaseAction, resolve, showBalance, take, balance, support, message, openCaseView, messageToCase, userGroups, channelShared, memberJoinedChannel];
const engineerModules = [caseMenu, caseStaffMenu, decideProposal, refreshHome, queue, appHomeOpened, assignView, endCaseViews, expectedDateView, levelAView, lowerLevelView, splitView];

const reportModules = [reportDraftAction, reportReviewAction, reportChangesView, reportDraftView, resolveConfirmView];
const insightModules = [rateCaseAction, rateCommentView, usageStatementAction, slaReportAction];

export function registerListeners(bolt: App, deps: SlackDeps): void {
  // Clicks, submissions, shortcuts and commands find their listener by id (src/slack/listener-router.ts says why).
  const app = routeListeners(bolt);
  for (const module of [...modules, ...engineerModules, ...reportModules, ...insightModules, ...caseworkModules]) module.register(app, deps);
  for (const module of [...managerModules, ...tenancyModules]) module.register(app, deps);
  for (const module of renewalModules) module.register(app, deps);
}
