// A Slack message made into a draft for the case modal: Slack's markup back to the words the customer typed,
// the first line as the title, the whole text as the description, both within the modal's limits.
import { DESCRIPTION_MAX, TITLE_MAX } from "../../domain/case.ts";
import { cleanInput } from "./text.ts";

export interface CaseDraft { title: string; description: string }

/** Slack sends "<https://x|label>", "<@U123>", "&lt;" …; people typed "label (https://x)", "@U123", "<". */
export function plainTextOf(mrkdwn: string): string {
  return mrkdwn
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, (_, url: string, label: string) => (label === url ? url : `${label} (${url})`))
    .replace(/<((?:https?|mailto):[^>]+)>/g, "$1")
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<#[CG][A-Z0-9]+\|([^>]+)>/g, "#$1")
    .replace(/<!(here|channel|everyone)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<!subteam\^[A-Z0-9]+\|([^>]+)>/g, "$1")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * Cut to at most `max` characters as Slack counts them for an input's max_length (UTF-16 units), never inside a
 * surrogate pair, so Japanese text and emoji survive whole.
 */
export function fitInput(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

export function draftFromMessage(text: string | null | undefined): CaseDraft {
  const plain = cleanInput(plainTextOf(text ?? ""));
  const firstLine = plain.split("\n").map((line) => line.trim()).find((line) => line.length > 0) ?? "";
  return { title: fitInput(firstLine, TITLE_MAX), description: fitInput(plain, DESCRIPTION_MAX) };
}
