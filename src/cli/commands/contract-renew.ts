import { renewContract } from "../../services/renew-contract.ts";
import { inputError, integerFlag, periodFlags } from "../contract-errors.ts";
import { CliError, type CliContext } from "../context.ts";
import { customerNamed } from "../resolve.ts";
import { parseFlags } from "../args.ts";

export const usage = `npm run cli -- contract renew --customer NAME --incidents N
       (--confirmed YYYY-MM-DD | --start YYYY-MM-DD [--end YYYY-MM-DD]) [--note TEXT] [--by U0123ABCD]

  Registers a renewal: a new contract of N incidents for an existing customer, valid one year from its
  confirmation date (or the given dates). It may overlap the current contract; cases draw from the contract
  that ends first, and unused incidents of an ended contract lapse.`;

export async function contractRenew(ctx: CliContext, args: string[]): Promise<void> {
  const values = parseFlags(args, {
    customer: { type: "string" }, incidents: { type: "string" }, confirmed: { type: "string" }, start: { type: "string" },
    end: { type: "string" }, note: { type: "string" }, by: { type: "string" },
  });
  const customer = await customerNamed(ctx, values.customer);
  const result = await renewContract(ctx.deps, {
    customerId: customer.id, incidents: integerFlag(values.incidents),
    confirmedOn: values.confirmed ?? null, startsOn: values.start ?? null, endsOn: values.end ?? null,
    note: values.note ?? null, actorId: values.by ?? "cli",
  });
  if (!result.ok) {
    if ("errors" in result && result.errors) throw inputError(result.errors, { incidents: "--incidents", ...periodFlags(values) });
    throw new CliError(`could not renew: ${"reason" in result ? result.reason : "refused"}`);
  }
  const overlap = result.overlapping.length ? ` (overlaps contract ${result.overlapping.join(", ")}; the one ending first is used first)` : "";
  ctx.out(`registered renewal contract ${result.contractId} for ${result.customerName}: ${values.incidents} incidents, valid ${result.startsOn} – ${result.endsOn}${overlap}`);
}
