// Slack parses message text and mrkdwn objects: "<!channel>" pings everyone in both organisations of a shared
// channel, "<https://…|label>" shows a disguised link, "<@U…>" mentions, and an unknown "<…>" vanishes. Whatever a
// person wrote (titles, descriptions, reasons, notes, names) is escaped before it is shown there, by Slack's rule:
// & → &amp;, < → &lt;, > → &gt;. plain_text fields are shown literally and take the text as it is.

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** For message catalogues: the user-written parameter, escaped where it is interpolated into mrkdwn. */
export const md = (text: string | number): string => escapeMrkdwn(String(text));
