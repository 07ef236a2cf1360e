// English, the second language. Same keys as outbox.ja.ts, same parameters.
import type { English } from "../english.ts";
import type { outboxJa } from "./outbox.ja.ts";

function channelCause(cause: string): string {
  switch (cause) {
    case "not_in_channel": return "The app is not a member of the channel. Add it to the channel and the held messages are sent by themselves.";
    case "channel_not_found": return "The app cannot see the channel (deleted, or a private channel the app is not in). Add the app to the channel and the held messages are sent by themselves.";
    case "is_archived": return "The channel is archived. Unarchive it, then send them again with the command below.";
    default: return "The channel's settings restrict posting. Review them, then send again with the command below.";
  }
}

export const outboxEn: English<typeof outboxJa> = {
  "triage.outbox_held_channel": ({ cause, channel }) =>
    `:warning: Slack refused a message to <#${channel}> (${cause}). Messages to this channel are held.\n` +
    `${channelCause(cause)}\nSend again: \`npm run cli -- outbox retry --channel ${channel}\` · list what is held: \`npm run cli -- outbox list --held\``,
  "triage.outbox_held_auth": ({ cause }) =>
    `:warning: Slack refused the app's token (${cause}). Every message was held meanwhile, and the token was checked regularly. ` +
    "It works again, so the held messages are being sent in order. If this recurs, check SLACK_BOT_TOKEN and the app's installation.",
  "triage.case_not_posted": ({ number, channel, cause }) =>
    `:rotating_light: Case ${number} is not posted in the customer's channel <#${channel}> yet (${cause}). The customer does not see it (its incidents are reserved). ` +
    "It is posted by itself once the cause is gone.",
  "triage.case_refused": ({ number, channel, cause }) =>
    `:rotating_light: Case ${number} could not be posted in the customer's channel <#${channel}> (${cause}). Slack refuses this message, so it is not retried by itself. ` +
    `The customer does not see the case (its incidents are reserved). Once fixed: find its number with \`npm run cli -- outbox list --failed --channel ${channel}\`, then \`npm run cli -- outbox retry --id <number>\``,
};
