// The customers' applications made in Slack, for managers who work from the command line: the open ones by default
// (what is waiting for a decision), newest first.
import { listRequests } from "../db/contracts/renewals.ts";
import type { ServiceDeps } from "./deps.ts";

export interface PurchaseRequestListing {
  id: number;
  customerId: number;
  customerName: string;
  channelId: string;
  kind: string;
  state: string;
  incidents: number;
  /** The start the customer would like, "YYYY-MM-DD". */
  startsOn: string | null;
  companyName: string;
  contactName: string;
  contactEmail: string;
  note: string | null;
  requestedBy: string;
  /** Business date of the application. */
  requestedOn: string;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  declineReason: string | null;
  /** The contract a registration made or added to. */
  contractId: number | null;
}

/** At most this many lines: a desk with more open applications than this has another problem. */
export const REQUEST_LIST_LIMIT = 500;

export async function listPurchaseRequests(deps: Pick<ServiceDeps, "db" | "calendar">, filter: { all: boolean; customerId?: number }): Promise<PurchaseRequestListing[]> {
  const rows = await listRequests(deps.db.client, {
    ...(filter.all ? {} : { state: "pending" }), ...(filter.customerId ? { customerId: filter.customerId } : {}), limit: REQUEST_LIST_LIMIT,
  });
  return rows.map((r) => ({
    id: r.id, customerId: r.customerId, customerName: r.customer.name, channelId: r.channelId, kind: r.kind, state: r.state,
    incidents: r.incidents, startsOn: r.startsOn, companyName: r.companyName, contactName: r.contactName, contactEmail: r.contactEmail,
    note: r.note, requestedBy: r.requestedBy, requestedOn: deps.calendar.localDate(r.createdAt), createdAt: r.createdAt.toISOString(),
    decidedBy: r.decidedBy, decidedAt: r.decidedAt?.toISOString() ?? null, declineReason: r.declineReason, contractId: r.resultContractId,
  }));
}
