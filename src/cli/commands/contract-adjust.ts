import { adjustBalance } from "../../services/adjust-balance.ts";
import { inputError, integerFlag } from "../contract-errors.ts";
import { CliError, type CliContext } from "../context.ts";
import { contractFor } from "../resolve.ts";
import { parseFlags } from "../args.ts";

export const usage = `npm run cli -- contract adjust (--contract ID | --customer NAME) --amount=±N --reason TEXT [--by U0123ABCD]

  Corrects the incidents a contract holds, with a reason kept in the ledger. A negative amount removes available
  incidents (write it as --amount=-2); it can never take the available balance below zero.
  With --customer, the customer's only active contract is used; otherwise give --contract.`;

export async function contractAdjust(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, { contract: { type: "string" }, customer: { type: "string" }, amount: { type: "string" }, reason: { type: "string" }, by: { type: "string" } });
  const contractId = await contractFor(ctx, values, (c) => c.status === "active", "active");
  const result = await adjustBalance(ctx.deps, { contractId, amount: integerFlag(values.amount), reason: values.reason ?? "", actorId: values.by ?? "cli" });
  if (!result.ok) {
    if ("errors" in result) throw inputError(result.errors, { amount: "--amount", reason: "--reason" });
    if (result.reason === "insufficient") throw new CliError(`--amount: contract ${contractId} has only ${result.available} available; reserved incidents cannot be removed`);
    throw new CliError(result.reason === "unknown_contract" ? `--contract: no contract ${contractId} (see: contract list)` : "this adjustment was already recorded");
  }
  ctx.out(`adjusted contract ${result.contractId} of ${result.customerName} by ${values.amount}: purchased ${result.purchased}, available ${result.available}`);
}
