// Text going into Block Kit: people's words are escaped (so "<!channel>" in a title pings nobody) and clipped to
// Slack's limits by whole characters, so Japanese text, emoji and combining marks are never cut in half.
import { hasVisibleText, trimInvisible } from "../../domain/visible-text.ts";

export { escapeMrkdwn } from "./mrkdwn.ts";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * At most `max` UTF-16 units (the strictest reading of Slack's limits: an emoji counts twice), cut between whole
 * characters (an emoji with its modifiers, a letter with its combining mark), never inside an escape or a link.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = "";
  for (const { segment } of graphemes.segment(text)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.replace(/&[a-z]{0,4}$|<[^<>]*$/, "")}…`;
}

/**
 * Control characters other than newline and tab are dropped: they render as garbage in Slack. A lone surrogate
 * (half an emoji, which no database stores) becomes the replacement character. Invisible characters at the ends
 * are trimmed like spaces, and text with nothing visible in it is empty: a required field refuses it.
 */
export function cleanInput(text: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = trimInvisible(text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
  return hasVisibleText(cleaned) ? cleaned : "";
}

export function charLength(text: string): number {
  return Array.from(text).length;
}

export const plain = (text: string, max = 3000) => ({ type: "plain_text" as const, text: clip(text, max), emoji: true });
export const mrkdwn = (text: string, max = 3000) => ({ type: "mrkdwn" as const, text: clip(text, max) });
