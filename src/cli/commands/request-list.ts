// `request list`: the customers' renewal and purchase applications made in Slack. A request is not a contract: a
// manager registers it from its message in the triage channel (or with contract renew / contract addition).
import { listPurchaseRequests, type PurchaseRequestListing } from "../../services/list-purchase-requests.ts";
import { parseFlags } from "../args.ts";
import type { CliContext } from "../context.ts";
import { customerNamed } from "../resolve.ts";

export const usage = `npm run cli -- request list [--all] [--customer NAME] [--json]

  Lists the renewal and additional-purchase applications customers made in Slack, newest first: by default the
  open ones (waiting for a manager), with --all also those registered or declined.
  --customer NAME  one customer's;  --json  one JSON array with every field (contact, note, who decided, the
  contract made) instead of the table.`;

export async function requestList(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, { all: { type: "boolean" }, customer: { type: "string" }, json: { type: "boolean" } });
  const customer = values.customer !== undefined ? await customerNamed(ctx, values.customer) : null;
  const rows = await listPurchaseRequests(ctx.deps, { all: values.all === true, ...(customer ? { customerId: customer.id } : {}) });
  if (values.json) {
    ctx.out(JSON.stringify(rows, null, 2));
    return;
  }
  if (rows.length === 0) {
    ctx.out(values.all ? "no requests" : "no open requests");
    return;
  }
  const table = [["id", "customer", "kind", "incidents", "start wanted", "contact", "state", "requested", "by"], ...rows.map(line)];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => width(row[i] ?? ""))));
  for (const row of table) ctx.out(row.map((cell, i) => cell + " ".repeat((widths[i] ?? 0) - width(cell))).join("  ").trimEnd());
}

function line(r: PurchaseRequestListing): string[] {
  const state = r.state === "registered" && r.contractId ? `registered as contract ${r.contractId}`
    : r.state === "declined" && r.declineReason ? `declined: ${oneLine(r.declineReason, 40)}` : r.state;
  return [String(r.id), r.customerName, r.kind, String(r.incidents), r.startsOn ?? "-", `${oneLine(r.contactName, 30)} <${r.contactEmail}>`, state, r.requestedOn, r.requestedBy];
}

// What a customer typed may hold line breaks; a table row must not.
const oneLine = (s: string, max: number) => {
  const flat = s.replace(/\s+/g, " ").trim();
  return Array.from(flat).length > max ? `${Array.from(flat).slice(0, max - 1).join("")}…` : flat;
};

// Japanese text is two columns wide in a terminal.
const width = (s: string) => Array.from(s).reduce((n, ch) => n + (/[\u1100-\uffdc]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1), 0);
