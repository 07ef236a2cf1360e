// English, the second language. Same keys as refusals.ja.ts, same parameters.
import type { English } from "../english.ts";
import type { refusalsJa } from "./refusals.ja.ts";

export const refusalsEn: English<typeof refusalsJa> = {
  "refusal.next_step": ({ contact }: { contact: string }) => `If you have any questions, please contact ${contact}.`,
  "refused.unknown_case_customer": "Sorry, that case could not be found. Please check the case's thread for its latest state.",
};
