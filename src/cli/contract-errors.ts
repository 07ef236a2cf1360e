// What the contract commands say about refused input, one line per flag, so the operator can fix it at once.
import { MAX_INCIDENTS, type ContractStatus } from "../domain/contract.ts";
import { CliError } from "./context.ts";

const TEXT: Record<string, string> = {
  required: "is required",
  too_long: "is too long",
  invalid: "must be a date YYYY-MM-DD",
  missing: "give the confirmation date (--confirmed) or the start date (--start)",
  both: "give either --confirmed or --start/--end, not both",
  before_start: "must not be before the start date",
  range: `must be a whole number from 1 to ${MAX_INCIDENTS}`,
  taken: "is already registered to another customer",
};

const SPECIAL: Record<string, Record<string, string>> = {
  customerName: { too_long: "must be at most 100 characters" },
  channelIds: { required: "at least one channel id is required", invalid: "not channel ids" },
  amount: { range: `must be a whole number from -${MAX_INCIDENTS} to ${MAX_INCIDENTS}, not 0` },
};

export function inputError(errors: Record<string, string | undefined>, flags: Record<string, string>, channels?: string[]): CliError {
  const lines = Object.entries(errors).flatMap(([field, code]) => {
    if (!code) return [];
    const text = SPECIAL[field]?.[code] ?? TEXT[code] ?? code;
    const list = field === "channelIds" && channels?.length ? `: ${channels.join(", ")}` : "";
    return [`${flags[field] ?? field}: ${text}${list}`];
  });
  return new CliError(lines.join("\n"));
}

export function notInForce(contractId: number, status: ContractStatus): CliError {
  const why = status === "exhausted" ? "every incident is consumed" : "its period is over";
  return new CliError(`contract ${contractId} has ended (${why}): register the purchase as a renewal (contract renew)`);
}

/**
 * A whole number from a flag for the service to check: NaN when the flag is missing (reported as required),
 * Infinity when it is not a whole number (reported as out of range).
 */
export function integerFlag(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return Number.NaN;
  return /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.POSITIVE_INFINITY;
}
