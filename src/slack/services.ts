// The use cases the Slack edge calls, bound once to the app's dependencies (src/app.ts). A listener calls
// `deps.services.resolveCase(input)`: it never holds the database, so a query cannot be written at the edge, and
// every read and write goes through a service that owns it. A new use case a listener needs is added here.
import { addIncidents } from "../services/add-incidents.ts";
import { adjustBalance } from "../services/adjust-balance.ts";
import { answerRenewal } from "../services/answer-renewal.ts";
import { assignCase } from "../services/assign-case.ts";
import { balanceOverview } from "../services/balance-overview.ts";
import { cancelCase } from "../services/cancel-case.ts";
import { caseTranscript } from "../services/case-transcript.ts";
import { loadCaseView } from "../services/case-view.ts";
import { channelCases } from "../services/channel-cases.ts";
import { assignApprovers, assignCustomerTeams, channelApprovers, channelConnections, channelTenancy } from "../services/channel-tenancy.ts";
import { createPurchaseRequest } from "../services/create-purchase-request.ts";
import { customerBalance } from "../services/customer-balance.ts";
import { customerDetail } from "../services/customer-detail.ts";
import { decideProposal } from "../services/decide-proposal.ts";
import { declineCase } from "../services/decline-case.ts";
import { claimReportDelivery, hasDeliveredReport, recordReportDelivered, releaseReportDelivery } from "../services/deliver-report.ts";
import { ledgerCsvFile } from "../services/export-ledger.ts";
import { findCase } from "../services/find-case.ts";
import { findCustomers } from "../services/find-customers.ts";
import { listContracts } from "../services/list-contracts.ts";
import { caseAtMessage, caseChannelOf, caseActionTerms, channelChoices, channelContextOf, mutedTopicsOf, purchaseRequestOf, reportVersionCase, reportVersionForReview, reportVersionOf } from "../services/lookups.ts";
import { lowerLevel } from "../services/lower-level.ts";
import { loadMyCases, loadRecentlyClosed } from "../services/my-cases.ts";
import { offerCase, reviseOffer } from "../services/offer-case.ts";
import { openCase } from "../services/open-case.ts";
import { prepareApplication } from "../services/prepare-application.ts";
import { prepareCaseModal } from "../services/prepare-case-modal.ts";
import { prepareReportDraft } from "../services/prepare-report-draft.ts";
import { proposeLevelA } from "../services/propose-level-a.ts";
import { proposeSplit } from "../services/propose-split.ts";
import { loadQueue } from "../services/queue.ts";
import { commentOnRating, rateCase } from "../services/rate-case.ts";
import { recordEdit, recordMessage } from "../services/record-message.ts";
import { refreshChannelTeams } from "../services/refresh-channel-teams.ts";
import { registerContract } from "../services/register-contract.ts";
import { releaseHeldMessages } from "../services/release-held-messages.ts";
import { renewContract } from "../services/renew-contract.ts";
import { loadReportReviewView, recordReviewMessage } from "../services/report-review-view.ts";
import { repostEntry } from "../services/repost-entry.ts";
import { resolveCase } from "../services/resolve-case.ts";
import { reviewReport } from "../services/review-report.ts";
import { saveReportVersion } from "../services/save-report-version.ts";
import { setExpectedDate } from "../services/set-expected-date.ts";
import { setNotificationTopics } from "../services/set-notification-topics.ts";
import { declinePurchaseRequest } from "../services/settle-purchase-request.ts";
import { slaReport } from "../services/sla-report.ts";
import { startLedgerExport } from "../services/start-ledger-export.ts";
import { takeCase } from "../services/take-case.ts";
import { monthlyUsage } from "../services/usage-chart.ts";
import { usageStatement } from "../services/usage-statement.ts";
import type { AppDeps } from "./deps.ts";

/** What a service needs besides its input. */
export type ServiceBinding = AppDeps;

function bound<D, A extends unknown[], R>(deps: D, use: (deps: D, ...args: A) => R): (...args: A) => R {
  return (...args: A) => use(deps, ...args);
}

export function createServices(deps: ServiceBinding) {
  return {
    addIncidents: bound(deps, addIncidents),
    adjustBalance: bound(deps, adjustBalance),
    answerRenewal: bound(deps, answerRenewal),
    assignApprovers: bound(deps, assignApprovers),
    assignCase: bound(deps, assignCase),
    assignCustomerTeams: bound(deps, assignCustomerTeams),
    balanceOverview: bound(deps, balanceOverview),
    cancelCase: bound(deps, cancelCase),
    caseAtMessage: bound(deps, caseAtMessage),
    caseChannelOf: bound(deps, caseChannelOf),
    caseActionTerms: bound(deps, caseActionTerms),
    caseTranscript: bound(deps, caseTranscript),
    channelApprovers: bound(deps, channelApprovers),
    channelCases: bound(deps, channelCases),
    channelChoices: bound(deps, channelChoices),
    channelConnections: bound(deps, channelConnections),
    channelContextOf: bound(deps, channelContextOf),
    channelTenancy: bound(deps, channelTenancy),
    claimReportDelivery: bound(deps, claimReportDelivery),
    commentOnRating: bound(deps, commentOnRating),
    createPurchaseRequest: bound(deps, createPurchaseRequest),
    customerBalance: bound(deps, customerBalance),
    customerDetail: bound(deps, customerDetail),
    decideProposal: bound(deps, decideProposal),
    declineCase: bound(deps, declineCase),
    declinePurchaseRequest: bound(deps, declinePurchaseRequest),
    findCase: bound(deps, findCase),
    findCustomers: bound(deps, findCustomers),
    hasDeliveredReport: bound(deps, hasDeliveredReport),
    ledgerCsvFile: bound(deps, ledgerCsvFile),
    listContracts: bound(deps, listContracts),
    loadCaseView: bound(deps, loadCaseView),
    loadMyCases: bound(deps, loadMyCases),
    loadQueue: bound(deps, loadQueue),
    loadRecentlyClosed: bound(deps, loadRecentlyClosed),
    loadReportReviewView: bound(deps, loadReportReviewView),
    lowerLevel: bound(deps, lowerLevel),
    monthlyUsage: bound(deps, monthlyUsage),
    mutedTopicsOf: bound(deps, mutedTopicsOf),
    offerCase: bound(deps, offerCase),
    openCase: bound(deps, openCase),
    prepareApplication: bound(deps, prepareApplication),
    prepareCaseModal: bound(deps, prepareCaseModal),
    prepareReportDraft: bound(deps, prepareReportDraft),
    proposeLevelA: bound(deps, proposeLevelA),
    proposeSplit: bound(deps, proposeSplit),
    purchaseRequestOf: bound(deps, purchaseRequestOf),
    rateCase: bound(deps, rateCase),
    recordEdit: bound(deps, recordEdit),
    recordMessage: bound(deps, recordMessage),
    recordReportDelivered: bound(deps, recordReportDelivered),
    recordReviewMessage: bound(deps, recordReviewMessage),
    refreshChannelTeams: bound(deps, refreshChannelTeams),
    registerContract: bound(deps, registerContract),
    releaseHeldMessages: bound(deps, releaseHeldMessages),
    releaseReportDelivery: bound(deps, releaseReportDelivery),
    renewContract: bound(deps, renewContract),
    reportVersionCase: bound(deps, reportVersionCase),
    reportVersionForReview: bound(deps, reportVersionForReview),
    reportVersionOf: bound(deps, reportVersionOf),
    repostEntry: bound(deps, repostEntry),
    resolveCase: bound(deps, resolveCase),
    reviewReport: bound(deps, reviewReport),
    reviseOffer: bound(deps, reviseOffer),
    saveReportVersion: bound(deps, saveReportVersion),
    setExpectedDate: bound(deps, setExpectedDate),
    setNotificationTopics: bound(deps, setNotificationTopics),
    slaReport: bound(deps, slaReport),
    startLedgerExport: bound(deps, startLedgerExport),
    takeCase: bound(deps, takeCase),
    usageStatement: bound(deps, usageStatement),
  };
}

export type Services = ReturnType<typeof createServices>;
