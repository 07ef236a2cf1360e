import { addIncidents } from "../../services/add-incidents.ts";
import { inputError, integerFlag, notInForce } from "../contract-errors.ts";
import { CliError, type CliContext } from "../context.ts";
import { contractFor } from "../resolve.ts";
import { parseFlags } from "../args.ts";

export const usage = `npm run cli -- contract addition (--contract ID | --customer NAME) --incidents N [--note TEXT] [--by U0123ABCD]

  Records an additional purchase (追加購入): N incidents join the contract; its validity does not change.
  With --customer, the customer's contract in force is used; when several are (an early renewal), give --contract.
  A contract that has ended (by date or because every incident is consumed) takes no additions: use contract renew.`;

export async function contractAddition(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, { contract: { type: "string" }, customer: { type: "string" }, incidents: { type: "string" }, note: { type: "string" }, by: { type: "string" } });
  const contractId = await contractFor(ctx, values, (c) => c.status === "active" || c.status === "upcoming", "in force");
  const result = await addIncidents(ctx.deps, { contractId, incidents: integerFlag(values.incidents), note: values.note ?? null, actorId: values.by ?? "cli" });
  if (!result.ok) {
    if ("errors" in result) throw inputError(result.errors, { incidents: "--incidents", note: "--note" });
    if (result.reason === "not_in_force") throw notInForce(contractId, result.status);
    throw new CliError(result.reason === "unknown_contract" ? `--contract: no contract ${contractId} (see: contract list)` : "this addition was already recorded");
  }
  ctx.out(`added ${values.incidents} incidents to contract ${result.contractId} of ${result.customerName}: ` +
    `purchased ${result.purchased}, available ${result.available}, valid until ${result.endsOn}`);
}
