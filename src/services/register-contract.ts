// A manager registers a customer, its Slack Connect channels and a contract (R-CON-2, R-CON-5). The purchase is
// the contract's first ledger entry.
import { credit } from "../db/contracts.ts";
import { enqueue } from "../db/outbox.ts";
import { isIsoDate, oneYearFrom } from "../domain/contract.ts";
import type { ServiceDeps } from "./deps.ts";

export interface RegisterContractInput {
  customerName: string;
  channelIds: string[];
  incidents: number;
  /** The confirmation date: validity runs one year from it. */
  confirmedOn?: string | null;
  /** Explicit dates from the first application rule over the one-year default. */
  startsOn?: string | null;
  endsOn?: string | null;
  contactNote?: string | null;
  kind?: "initial" | "renewal";
  /** Language of new channels ("ja" unless said otherwise). */
  locale?: "ja" | "en";
  actorId: string;
}

export type RegisterContractResult =
  | { ok: true; customerId: number; contractId: number; startsOn: string; endsOn: string; createdCustomer: boolean }
  | { ok: false; errors: Partial<Record<"customerName" | "channelIds" | "incidents" | "startsOn" | "endsOn", string>> };

const CHANNEL = /^[CG][A-Z0-9]{2,}$/;

export function validateRegistration(input: RegisterContractInput): RegisterContractResult | { ok: true; startsOn: string; endsOn: string } {
  const errors: Extract<RegisterContractResult, { ok: false }>["errors"] = {};
  if (!input.customerName.trim()) errors.customerName = "customer name is required";
  else if (input.customerName.length > 100) errors.customerName = "customer name must be at most 100 characters";
  const badChannels = input.channelIds.filter((c) => !CHANNEL.test(c));
  if (input.channelIds.length === 0) errors.channelIds = "at least one channel id is required";
  else if (badChannels.length) errors.channelIds = `not channel ids: ${badChannels.join(", ")}`;
  if (!Number.isInteger(input.incidents) || input.incidents < 1 || input.incidents > 10_000) {
    errors.incidents = "incidents must be a whole number from 1 to 10000";
  }
  let startsOn = input.startsOn ?? input.confirmedOn ?? "";
  let endsOn = input.endsOn ?? "";
  if (!isIsoDate(startsOn)) errors.startsOn = "confirmation or start date must be a date YYYY-MM-DD";
  else if (!endsOn) endsOn = oneYearFrom(startsOn);
  else if (!isIsoDate(endsOn)) errors.endsOn = "end date must be a date YYYY-MM-DD";
  else if (endsOn < startsOn) errors.endsOn = "end date must not be before the start date";
  startsOn = startsOn.trim();
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, startsOn, endsOn };
}

export async function registerContract(deps: ServiceDeps, input: RegisterContractInput): Promise<RegisterContractResult> {
  const valid = validateRegistration(input);
  if (!valid.ok || !("startsOn" in valid)) return valid as RegisterContractResult;
  const now = deps.clock.now();
  const name = input.customerName.trim();
  return deps.db.transaction(async (tx): Promise<RegisterContractResult> => {
    let customer = await tx.customer.findUnique({ where: { name } });
    const createdCustomer = !customer;
    customer ??= await tx.customer.create({ data: { name, contactNote: input.contactNote ?? null, createdAt: now } });
    for (const channelId of input.channelIds) {
      const taken = await tx.customerChannel.findUnique({ where: { channelId } });
      if (taken && taken.customerId !== customer.id) {
        return { ok: false, errors: { channelIds: `channel ${channelId} is already registered to another customer` } };
      }
      if (!taken) {
        await tx.customerChannel.create({ data: { channelId, customerId: customer.id, createdAt: now, ...(input.locale ? { locale: input.locale } : {}) } });
        // A new channel gets its "open a case" message: customers have no other way in.
        await enqueue(tx, channelId, { kind: "channel.entry" }, { at: now, dedupeKey: `entry:${channelId}` });
      }
    }
    const contract = await tx.contract.create({
      data: {
        customerId: customer.id, kind: input.kind ?? (createdCustomer ? "initial" : "renewal"),
        startsOn: valid.startsOn, endsOn: valid.endsOn, createdBy: input.actorId, createdAt: now, note: input.contactNote ?? null,
      },
    });
    await credit(tx, "purchase", { contractId: contract.id, customerId: customer.id, amount: input.incidents, actorId: input.actorId, at: now });
    return { ok: true, customerId: customer.id, contractId: contract.id, startsOn: valid.startsOn, endsOn: valid.endsOn, createdCustomer };
  }).then((result) => {
    if (result.ok) deps.onOutbox?.();
    return result;
  });
}
