import { listContracts } from "../../services/list-contracts.ts";
import type { CliContext } from "../context.ts";
import { customerNamed } from "../resolve.ts";
import { parseFlags } from "../args.ts";

export const usage = `npm run cli -- contract list [--customer NAME]

  Lists contracts with their period, status today and counters (bought, consumed, reserved, available, lapsed).`;

export async function contractList(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, { customer: { type: "string" } });
  const customer = values.customer !== undefined ? await customerNamed(ctx, values.customer) : null;
  const rows = await listContracts(ctx.deps, customer ? { customerId: customer.id } : {});
  if (rows.length === 0) {
    ctx.out("no contracts");
    return;
  }
  const table = [
    ["id", "customer", "kind", "period", "status", "bought", "consumed", "reserved", "available", "lapsed"],
    ...rows.map((r) => [String(r.id), r.customerName, r.kind, `${r.startsOn} – ${r.endsOn}`, r.status,
      String(r.purchased), String(r.consumed), String(r.reserved), String(r.available), String(r.lapsed)]),
  ];
  // Japanese names are two columns wide in a terminal.
  const width = (s: string) => Array.from(s).reduce((n, ch) => n + (/[\u1100-\uffdc]/.test(ch) && !/[\uff61-\uff9f]/.test(ch) ? 2 : 1), 0);
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => width(row[i] ?? ""))));
  for (const row of table) ctx.out(row.map((cell, i) => cell + " ".repeat((widths[i] ?? 0) - width(cell))).join("  ").trimEnd());
}
