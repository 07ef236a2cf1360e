// Text going into Block Kit: people's words are escaped (so "<!channel>" in a title pings nobody) and clipped to
// Slack's limits by characters, not UTF-16 units, so Japanese text and emoji are never cut in half.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join("")}…`;
}

/** Control characters other than newline and tab are dropped: they render as garbage in Slack. */
export function cleanInput(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trim();
}

export function charLength(text: string): number {
  return Array.from(text).length;
}

export const plain = (text: string, max = 3000) => ({ type: "plain_text" as const, text: clip(text, max), emoji: true });
export const mrkdwn = (text: string, max = 3000) => ({ type: "mrkdwn" as const, text: clip(text, max) });
