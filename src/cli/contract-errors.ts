// What the contract commands say about refused input, one line per flag, so the operator can fix it at once.
import { contractPeriod, EARLIEST_CONTRACT_DATE, MAX_INCIDENTS, MAX_PERIOD_YEARS, type ContractStatus } from "../domain/contract.ts";
import { CliError, type CliContext } from "./context.ts";

const TEXT: Record<string, string> = {
  required: "is required",
  too_long: "is too long",
  invalid: "must be a date YYYY-MM-DD",
  missing: "give the confirmation date (--confirmed) or the start date (--start)",
  both: "give either --confirmed or --start/--end, not both",
  before_start: "must not be before the start date",
  too_early: `must not be before ${EARLIEST_CONTRACT_DATE}`,
  too_far: "must not be more than a year from today",
  range: `must be a whole number from 1 to ${MAX_INCIDENTS}`,
  taken: "is already registered to another customer",
};

const SPECIAL: Record<string, Record<string, string>> = {
  customerName: { too_long: "must be at most 100 characters" },
  channelIds: { required: "at least one channel id is required", invalid: "not channel ids" },
  endsOn: { too_long: `must be at most ${MAX_PERIOD_YEARS} years after the start` },
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

/**
 * The period the dates give, as of today, for checks the command makes before registering (overlap). Null when
 * the dates are missing, malformed or out of range: the service reports those together with every other problem.
 */
export function checkPeriod(ctx: CliContext, values: { confirmed?: string; start?: string; end?: string }): { startsOn: string; endsOn: string } | null {
  if (values.confirmed === undefined && values.start === undefined) return null;
  const period = contractPeriod({ confirmedOn: values.confirmed, startsOn: values.start, endsOn: values.end }, ctx.deps.calendar.localDate(ctx.deps.clock.now()));
  return period.ok ? period : null;
}

/** The flag a period error is about: the date the operator gave. */
export function periodFlags(values: { confirmed?: string; start?: string }): { startsOn: string; endsOn: string } {
  return { startsOn: values.confirmed !== undefined ? "--confirmed" : values.start !== undefined ? "--start" : "--confirmed/--start", endsOn: "--end" };
}
