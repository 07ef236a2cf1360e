// Refusals a customer can meet in their channel, each ending with where to turn next (SUPPORT_CONTACT): a customer
// refused by a button should never be left without a way forward. Refusals whose own words already name the contact
// (an exhausted or expired contract, too few incidents) take it as a parameter instead and are not listed here.
import type { Locale } from "../config.ts";
import { t, type MessageKey, type Params } from "./i18n/index.ts";

export const CUSTOMER_REFUSALS = [
  "refused.not_registered", "error.channel_not_registered", "refused.other_customer", "refused.customer", "refused.unknown_case_customer",
  "proposal.refused.not_approver", "proposal.refused.decided", "proposal.refused.withdrawn", "proposal.refused.closed",
  "proposal.refused.not_applicable", "proposal.refused.unknown",
  "rating.refused.already", "rating.refused.not_ended", "rating.refused.commented",
  "renewal.refused.unknown", "renewal.refused.ended", "renewal.refused.customer", "apply.refused",
] as const satisfies readonly MessageKey[];

export type CustomerRefusal = (typeof CUSTOMER_REFUSALS)[number];

/** The refusal in `locale`, followed by the next step: the support contact. */
export function customerRefusal<K extends CustomerRefusal>(locale: Locale, contact: string, key: K, ...params: Params<K>): string {
  return `${t(locale, key, ...params)}${locale === "ja" ? "" : " "}${t(locale, "refusal.next_step", { contact })}`;
}
