// A second registration of the same customer for the same period doubles its incidents, and is almost always the
// same command run twice. The operator is told what they more likely meant instead.
import { findCustomers } from "../services/find-customers.ts";
import { listContracts } from "../services/list-contracts.ts";
import { CliError, type CliContext } from "./context.ts";

export async function refuseOverlap(ctx: CliContext, customerName: string, period: { startsOn: string; endsOn: string }): Promise<void> {
  const name = customerName.trim();
  if (!name) return;
  const customer = (await findCustomers(ctx.deps, name)).find((c) => c.name === name);
  if (!customer) return;
  const overlapping = (await listContracts(ctx.deps, { customerId: customer.id }))
    .filter((c) => c.startsOn <= period.endsOn && c.endsOn >= period.startsOn);
  const first = overlapping[0];
  if (!first) return;
  const list = overlapping.map((c) => `contract ${c.id} (${c.startsOn} – ${c.endsOn}, ${c.status})`).join(", ");
  throw new CliError([
    `--customer: "${name}" already has ${list} overlapping ${period.startsOn} – ${period.endsOn}; nothing was registered.`,
    `  more incidents on that contract:  npm run cli -- contract addition --contract ${first.id} --incidents N`,
    `  a renewal (a new period):         npm run cli -- contract renew --customer "${name}" --incidents N --confirmed YYYY-MM-DD`,
    "  a second contract all the same:   add --allow-overlap",
  ].join("\n"));
}
