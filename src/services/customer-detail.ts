// One customer as a manager sees it (/balance <customer>): every contract with its period, status and counters,
// and the most recent ledger movements with who made them and why (R-CON-7).
import { approversOf, teamsOf, type ChannelTeamRow } from "../db/channels/teams.ts";
import { openCaseCount } from "../db/cases/statements.ts";
import { contractsOf } from "../db/contracts/balances.ts";
import { customerWithChannels } from "../db/contracts/customers.ts";
import { recentLedgerOf } from "../db/contracts/ledger.ts";
import { contractEventsOf, listRequests, type ContractEventRow } from "../db/contracts/renewals.ts";
import { contractStatus, coveredUntil, daysBetween, lapsed, summarize, type BalanceSummary, type ContractStatus } from "../domain/contract.ts";
import type { Forecast } from "../domain/forecast.ts";
import type { LedgerKind } from "../domain/ledger.ts";
import { customerForecast } from "./forecast.ts";
import type { ServiceDeps } from "./deps.ts";

export interface ContractLine {
  id: number;
  kind: string;
  startsOn: string;
  endsOn: string;
  status: ContractStatus;
  purchased: number;
  available: number;
  reserved: number;
  consumed: number;
  /** Unused incidents of an ended contract, which lapse (R-CON-6). */
  lapsed: number;
  note: string | null;
  /** The customer's answer to the renewal notice (R-CON-4): null before the notice, answer null while awaited. */
  renewal?: { answer: string | null; by: string | null; on: string | null } | null;
}

/** A purchase or renewal the customer applied for in Slack, newest first. */
export interface RequestLine { id: number; kind: string; incidents: number; state: string; on: string }

/**
 * One step of the contracts' audit trail beside the ledger (R-CON-7): a renewal answered or changed, a request made,
 * registered as a contract, or declined — who, when, what.
 */
export type HistoryLine =
  | { kind: "renewal_answered"; at: Date; actorId: string; contractId: number | null; answer: string; previous: string | null }
  | { kind: "request_created"; at: Date; actorId: string; requestId: number; requestKind: string; incidents: number }
  | { kind: "request_registered"; at: Date; actorId: string; requestId: number; contractId: number | null }
  | { kind: "request_declined"; at: Date; actorId: string; requestId: number; reason: string };

export interface LedgerLine {
  id: number;
  at: Date;
  contractId: number;
  caseId: number | null;
  kind: LedgerKind;
  amount: number;
  actorId: string;
  reason: string | null;
}

export interface CustomerDetail extends BalanceSummary {
  customerId: number;
  name: string;
  contactNote: string | null;
  channelIds: string[];
  /** Per channel, its workspaces (the customer's, and those waiting for a manager) and named approvers. */
  tenancy: { channelId: string; teams: ChannelTeamRow[]; approvers: string[] }[];
  contracts: ContractLine[];
  requests?: RequestLine[];
  /** The contracts' audit trail, newest first. */
  history?: HistoryLine[];
  ledger: LedgerLine[];
  openCases: number;
  coveredUntil: string | null;
  /** Days from today to coveredUntil: the days left to renew. */
  daysLeft: number | null;
  /** Where the contracts are going: the usage rate, when they would run out, a renewal size. */
  forecast: Forecast;
}

/** How many ledger movements the detail shows; the CSV export has them all. */
export const RECENT_LEDGER = 15;
/** How many of the customer's applications the detail shows. */
export const RECENT_REQUESTS = 5;
/** How many steps of the contracts' audit trail the detail shows. */
export const RECENT_HISTORY = 10;

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);
const int = (v: unknown): number | null => (typeof v === "number" && Number.isSafeInteger(v) ? v : null);

/** A recorded event as the detail tells it; a kind this version does not know is left out. */
export function historyLine(e: ContractEventRow): HistoryLine | null {
  const base = { at: e.createdAt, actorId: e.actorId };
  switch (e.kind) {
    case "renewal_answered":
      return { ...base, kind: e.kind, contractId: e.contractId, answer: text(e.data.answer) ?? "", previous: text(e.data.previous) };
    case "request_created":
      return e.requestId === null ? null : { ...base, kind: e.kind, requestId: e.requestId, requestKind: text(e.data.kind) ?? "", incidents: int(e.data.incidents) ?? 0 };
    case "request_registered":
      return e.requestId === null ? null : { ...base, kind: e.kind, requestId: e.requestId, contractId: int(e.data.contractId) ?? e.contractId };
    case "request_declined":
      return e.requestId === null ? null : { ...base, kind: e.kind, requestId: e.requestId, reason: text(e.data.reason) ?? "" };
    default:
      return null;
  }
}

export async function customerDetail(deps: Pick<ServiceDeps, "db" | "calendar" | "clock" | "forecastWindowDays">, customerId: number): Promise<CustomerDetail | null> {
  const client = deps.db.client;
  const customer = await customerWithChannels(client, customerId);
  if (!customer) return null;
  const today = deps.calendar.localDate(deps.clock.now());
  const [contracts, ledger, openCases] = await Promise.all([
    contractsOf(client, customerId),
    recentLedgerOf(client, customerId, RECENT_LEDGER),
    openCaseCount(client, customerId),
  ]);
  const covered = coveredUntil(contracts, today);
  return {
    customerId: customer.id, name: customer.name, contactNote: customer.contactNote,
    channelIds: customer.channels.map((c) => c.channelId),
    tenancy: await Promise.all(customer.channels.map(async ({ channelId }) => ({
      channelId, teams: await teamsOf(client, channelId), approvers: await approversOf(client, channelId),
    }))),
    ...summarize(contracts, today),
    coveredUntil: covered,
    daysLeft: covered ? daysBetween(today, covered) : null,
    contracts: contracts.map((c) => ({
      id: c.id, kind: c.kind, startsOn: c.startsOn, endsOn: c.endsOn, status: contractStatus(c, today),
      purchased: c.purchased, available: c.available, reserved: c.reserved, consumed: c.consumed, lapsed: lapsed(c, today), note: c.note,
      renewal: c.renewalNoticeAt ? { answer: c.renewalAnswer, by: c.renewalAnsweredBy, on: c.renewalAnsweredAt ? deps.calendar.localDate(c.renewalAnsweredAt) : null } : null,
    })),
    requests: (await listRequests(client, { customerId, limit: RECENT_REQUESTS })).map((r) => ({
      id: r.id, kind: r.kind, incidents: r.incidents, state: r.state, on: deps.calendar.localDate(r.createdAt),
    })),
    history: (await contractEventsOf(client, customerId, RECENT_HISTORY)).flatMap((e) => historyLine(e) ?? []),
    ledger: ledger.map((e) => ({
      id: e.id, at: e.createdAt, contractId: e.contractId, caseId: e.caseId, kind: e.kind,
      amount: e.amount, actorId: e.actorId, reason: e.reason,
    })),
    openCases,
    forecast: await customerForecast(deps, customerId, contracts),
  };
}
