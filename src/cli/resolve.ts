// Turning what the operator typed (--customer NAME, --contract ID) into the customer or contract meant, or a clear
// exit-2 error naming the choices.
import { findCustomers, type CustomerRef } from "../services/find-customers.ts";
import { listContracts, type ContractRow } from "../services/list-contracts.ts";
import { CliError, type CliContext } from "./context.ts";

export async function customerNamed(ctx: CliContext, name: string | undefined): Promise<CustomerRef> {
  if (!name?.trim()) throw new CliError("--customer: is required");
  const found = await findCustomers(ctx.deps, name);
  const exact = found.find((c) => c.name === name.trim());
  if (exact) return exact;
  if (found.length === 0) throw new CliError(`--customer: no customer named "${name}"`);
  throw new CliError(`--customer: no customer named exactly "${name}"; did you mean: ${found.map((c) => `"${c.name}"`).join(", ")}?`);
}

/**
 * The contract a change applies to: the one given with --contract, or else the customer's only contract that
 * `fits` (e.g. still in force). Several fitting contracts need --contract, since they may overlap (R-CON-6).
 */
export async function contractFor(
  ctx: CliContext, values: { contract?: string; customer?: string }, fits: (c: ContractRow) => boolean, what: string,
): Promise<number> {
  if (values.contract !== undefined) {
    const id = Number(values.contract);
    if (!Number.isSafeInteger(id) || id < 1) throw new CliError("--contract: must be a contract number (see: contract list)");
    return id;
  }
  if (!values.customer) throw new CliError("give --contract ID or --customer NAME");
  const customer = await customerNamed(ctx, values.customer);
  const candidates = (await listContracts(ctx.deps, { customerId: customer.id })).filter(fits);
  const only = candidates[0];
  if (candidates.length === 1 && only) return only.id;
  if (candidates.length === 0) throw new CliError(`--customer: "${customer.name}" has no contract ${what}`);
  throw new CliError(`--customer: "${customer.name}" has ${candidates.length} contracts ${what} (${candidates.map((c) => `${c.id}: ${c.startsOn} – ${c.endsOn}`).join("; ")}); choose one with --contract`);
}
