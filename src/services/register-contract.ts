// A manager registers a customer, its Slack Connect channels and a contract (R-CON-2, R-CON-5). The purchase is
// the contract's first ledger entry.
import { isUniqueViolation } from "../db/client.ts";
import { credit } from "../db/contracts/balances.ts";
import { enqueue } from "../db/outbox.ts";
import { claimRequest, DuplicateRequest, isDuplicateRequest } from "../db/requests.ts";
import { addTeams } from "../db/channels/teams.ts";
import { addCustomerChannel, registeredChannels } from "../db/channels/statements.ts";
import { createContract } from "../db/contracts/contract-rows.ts";
import { createCustomer, customerByName } from "../db/contracts/customers.ts";
import { contractPeriod, isIncidentCount, type PeriodError } from "../domain/contract.ts";
import { decideCustomerTeams, type ConnectedTeam, type TeamDecision, type TenancyError } from "../domain/tenancy.ts";
import type { ServiceDeps } from "./deps.ts";

export interface ContractTermsInput {
  incidents: number;
  /** The confirmation date: validity runs one year from it. */
  confirmedOn?: string | null;
  /** Explicit dates from the first application rule over the one-year default. */
  startsOn?: string | null;
  endsOn?: string | null;
}

export interface RegisterContractInput extends ContractTermsInput {
  customerName: string;
  channelIds: string[];
  contactNote?: string | null;
  kind?: "initial" | "renewal";
  /**
   * The customer's workspace, when a manager names it: needed when several outside workspaces are connected to a
   * channel, or when Slack cannot be asked. Otherwise the one connected outside workspace is the customer's.
   */
  customerTeamId?: string | null;
  /** Language of new channels ("ja" unless said otherwise). */
  locale?: "ja" | "en";
  actorId: string;
  /** The same key submitted twice registers once. */
  requestKey?: string;
}

export type TermsError = "required" | "range" | PeriodError;
export type RegistrationError = TermsError | TenancyError | "too_long" | "invalid" | "taken";
export type RegistrationErrors = Partial<Record<"customerName" | "channelIds" | "incidents" | "startsOn" | "endsOn" | "customerTeam", RegistrationError>>;

/** What registration decided about one channel's customer workspace, for the manager to read. */
export interface ChannelTenancy {
  channelId: string;
  /** False: not shared with any outside workspace yet (or Slack could not say): it serves no outsider until it is. */
  shared: boolean;
  customerTeams: string[];
  /** Connected workspaces that are not the customer's (their people are outsiders in the channel). */
  otherTeams: string[];
  /** The channel was registered before; its workspaces were left as they were. */
  known: boolean;
  /** Slack answered (false: no token, or Slack failed; the running app reads the workspaces when it can). */
  asked: boolean;
}

export type RegisterContractResult =
  | { ok: true; customerId: number; contractId: number; startsOn: string; endsOn: string; createdCustomer: boolean; channels: ChannelTenancy[] }
  | { ok: false; errors: RegistrationErrors; channels?: string[]; teams?: readonly ConnectedTeam[] }
  // `errors` stays readable on every refusal, so callers that only report errors need not tell them apart.
  | { ok: false; reason: "duplicate"; errors?: undefined };

export const CUSTOMER_NAME_MAX = 100;
export const NOTE_MAX = 500;
const CHANNEL = /^[CG][A-Z0-9]{2,}$/;
const TEAM = /^[TE][A-Z0-9]{2,}$/;

/** Incidents and period, shared by first registrations and renewals; `today` bounds the dates (see contractPeriod). */
export function validateTerms(input: ContractTermsInput, today: string): { ok: true; startsOn: string; endsOn: string } | { ok: false; errors: RegistrationErrors } {
  const errors: RegistrationErrors = {};
  if (!isIncidentCount(input.incidents)) errors.incidents = Number.isNaN(input.incidents) ? "required" : "range";
  const period = contractPeriod(input, today);
  if (!period.ok) Object.assign(errors, period.errors);
  if (Object.keys(errors).length || !period.ok) return { ok: false, errors };
  return { ok: true, startsOn: period.startsOn, endsOn: period.endsOn };
}

export function validateRegistration(input: RegisterContractInput, today: string): { ok: true; startsOn: string; endsOn: string } | { ok: false; errors: RegistrationErrors; channels?: string[] } {
  const terms = validateTerms(input, today);
  const errors: RegistrationErrors = terms.ok ? {} : { ...terms.errors };
  const name = input.customerName.trim();
  if (!name) errors.customerName = "required";
  else if (Array.from(name).length > CUSTOMER_NAME_MAX) errors.customerName = "too_long";
  const badChannels = input.channelIds.filter((c) => !CHANNEL.test(c));
  if (input.channelIds.length === 0) errors.channelIds = "required";
  else if (badChannels.length) errors.channelIds = "invalid";
  if (Object.keys(errors).length || !terms.ok) return { ok: false, errors, ...(badChannels.length ? { channels: badChannels } : {}) };
  return terms;
}

export async function registerContract(deps: ServiceDeps, input: RegisterContractInput): Promise<RegisterContractResult> {
  const valid = validateRegistration(input, deps.calendar.localDate(deps.clock.now()));
  if (!valid.ok) return valid;
  if (input.customerTeamId && !TEAM.test(input.customerTeamId)) return { ok: false, errors: { customerTeam: "invalid" } };
  // Slack is asked before the transaction: no network call ever holds a database lock.
  const decisions = new Map<string, TeamDecision[] | null>();
  const asked = new Set<string>();
  for (const channelId of new Set(input.channelIds)) {
    const connections = deps.workspaces ? await deps.workspaces.connections(channelId) : null;
    if (connections) asked.add(channelId);
    const decision = decideCustomerTeams(connections, input.customerTeamId ?? null);
    if (!decision.ok) return { ok: false, errors: { customerTeam: decision.error }, channels: [channelId], teams: decision.teams };
    decisions.set(channelId, decision.shared ? decision.teams : null);
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await register(deps, input, valid, decisions, asked);
      if (result.ok) deps.onOutbox?.();
      return result;
    } catch (error) {
      if (error instanceof DuplicateRequest) return { ok: false, reason: "duplicate" };
      // Raced by another registration (the same request, a channel or a new customer's name): the retry reads
      // what the winner committed and answers from that.
      if (attempt < 2 && isUniqueViolation(error)) continue;
      if (isDuplicateRequest(error, input.requestKey)) return { ok: false, reason: "duplicate" };
      throw error;
    }
  }
}

function register(deps: ServiceDeps, input: RegisterContractInput, period: { startsOn: string; endsOn: string }, decisions: ReadonlyMap<string, TeamDecision[] | null>, asked: ReadonlySet<string>): Promise<RegisterContractResult> {
  const now = deps.clock.now();
  const name = input.customerName.trim();
  const note = input.contactNote?.trim() || null;
  return deps.db.transaction(async (tx): Promise<RegisterContractResult> => {
    const taken = await registeredChannels(tx, input.channelIds);
    const elsewhere = taken.filter((c) => c.customer.name !== name).map((c) => c.channelId);
    // Checked before anything is written: a refused registration leaves no customer behind.
    if (elsewhere.length) return { ok: false, errors: { channelIds: "taken" }, channels: elsewhere };
    let customer = await customerByName(tx, name);
    const createdCustomer = !customer;
    customer ??= await createCustomer(tx, { name, contactNote: note, at: now });
    const channels: ChannelTenancy[] = [];
    for (const channelId of new Set(input.channelIds)) {
      const teams = decisions.get(channelId) ?? null;
      const known = taken.some((c) => c.channelId === channelId);
      channels.push({
        channelId, shared: teams !== null, known, asked: asked.has(channelId),
        customerTeams: (teams ?? []).filter((t) => t.role === "customer").map((t) => t.teamId),
        otherTeams: (teams ?? []).filter((t) => t.role !== "customer").map((t) => t.teamId),
      });
      if (known) continue;
      await addCustomerChannel(tx, { channelId, customerId: customer.id, at: now, locale: input.locale });
      await addTeams(tx, channelId, teams ?? [], input.actorId, now);
      // A new channel gets its "open a case" message: customers have no other way in.
      await enqueue(tx, channelId, { kind: "channel.entry" }, { at: now, dedupeKey: `entry:${channelId}` });
    }
    const contract = await createContract(tx, {
      customerId: customer.id, kind: input.kind ?? (createdCustomer ? "initial" : "renewal"),
      startsOn: period.startsOn, endsOn: period.endsOn, createdBy: input.actorId, at: now, note,
    });
    await credit(tx, "purchase", { contractId: contract.id, customerId: customer.id, amount: input.incidents, actorId: input.actorId, at: now });
    await claimRequest(tx, input.requestKey, now);
    return { ok: true, customerId: customer.id, contractId: contract.id, startsOn: period.startsOn, endsOn: period.endsOn, createdCustomer, channels };
  });
}
