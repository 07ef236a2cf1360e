// Refused contract input shown where it belongs: each problem as an inline error on the modal input concerned.
import { EARLIEST_CONTRACT_DATE, latestEnd, latestStart, MAX_INCIDENTS, MAX_PERIOD_YEARS } from "../domain/contract.ts";
import { CUSTOMER_NAME_MAX, NOTE_MAX, type RegistrationErrors } from "../services/register-contract.ts";
import type { Translate } from "./i18n/index.ts";
import { Inputs } from "./ids.ts";

type Errors = Record<string, string>;

/**
 * Errors of a registration or renewal; `confirmed` says whether the confirmation date was the one given, `start`
 * is the start date given (either way) and `today` the business date, for the bounds the messages name.
 */
export function termsErrors(errors: RegistrationErrors, t: Translate, context: { confirmed: boolean; start: string | null; today: string; channels?: string[] }): Errors {
  const out: Errors = {};
  const list = (context.channels ?? []).map((c) => `<#${c}>`).join(" ");
  if (errors.customerName) out[Inputs.customerName.block] = errors.customerName === "too_long" ? t("error.too_long", { max: CUSTOMER_NAME_MAX }) : t("error.required");
  if (errors.channelIds) {
    out[Inputs.customerChannels.block] = errors.channelIds === "taken" ? t("contracts.error.channels_taken", { channels: list })
      : errors.channelIds === "invalid" ? t("contracts.error.channels_invalid", { channels: list })
      : t("error.required");
  }
  // A channel shared with several outside workspaces normally turns the form into its workspace step; this is
  // said only when Slack named none of them (the command line's --customer-team then serves).
  if (errors.customerTeam) out[Inputs.customerChannels.block] = t("contracts.error.choose_team", { channels: list });
  if (errors.incidents) out[Inputs.incidents.block] = t("contracts.error.incidents_range", { max: MAX_INCIDENTS });
  const start = errors.startsOn;
  if (start === "missing") out[Inputs.confirmedOn.block] = t("contracts.error.period_missing");
  else if (start === "both") out[Inputs.confirmedOn.block] = t("contracts.error.period_both");
  else if (start) {
    out[context.confirmed ? Inputs.confirmedOn.block : Inputs.startsOn.block] = start === "too_early" ? t("contracts.error.date_too_early", { earliest: EARLIEST_CONTRACT_DATE })
      : start === "too_far" ? t("contracts.error.date_too_far", { latest: latestStart(context.today) })
      : t("error.invalid_date");
  }
  if (errors.endsOn) {
    out[Inputs.endsOn.block] = errors.endsOn === "before_start" ? t("contracts.error.before_start")
      : errors.endsOn === "too_long" && context.start ? t("contracts.error.period_too_long", { years: MAX_PERIOD_YEARS, latest: latestEnd(context.start) })
      : t("error.invalid_date");
  }
  return out;
}

/** Errors of a single-number form (addition, adjustment): the number and its note or reason. */
export function amountErrors(errors: Partial<Record<"incidents" | "amount" | "note" | "reason", string>>, t: Translate): Errors {
  const out: Errors = {};
  if (errors.incidents) out[Inputs.incidents.block] = t("contracts.error.incidents_range", { max: MAX_INCIDENTS });
  if (errors.amount) out[Inputs.amount.block] = errors.amount === "required" ? t("error.required") : t("contracts.error.amount_range", { max: MAX_INCIDENTS });
  const text = errors.note ?? errors.reason;
  if (text) out[Inputs.reason.block] = text === "too_long" ? t("error.too_long", { max: NOTE_MAX }) : t("error.required");
  return out;
}
