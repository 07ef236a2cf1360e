// English, the second language. Same keys as customer.ja.ts, same parameters.
import type { English } from "../english.ts";
import type { customerJa } from "./customer.ja.ts";

export const customerEn: English<typeof customerJa> = {
  "offer.text": "Thank you for your message. To send it as a support case, review it with the button below and submit. " +
    "Submitting reserves 1 incident (3 for service level A); no incident is used until you submit. (Only you can see this.)",
  "offer.button": "Open a case from this",
  "offer.already": ({ number }: { number: string }) =>
    `This message is already case ${number}. Please reply in the case's thread.`,
  "linked.text": ({ number, link }: { number: string; link: string }) =>
    `This message is now case ${number}. Please continue in <${link}|the thread of case ${number}>.`,

  "refused.other_customer": "Only the contracted customer and T4U staff can open cases or see the balance in this channel.",
  "modal.open.blocked": "A new case cannot be opened at the moment.",
  "error.exhausted": ({ contact }: { contact: string }) =>
    `Every incident of your contract has been used, so the contract has ended. To continue, the contract needs to be renewed; please contact ${contact}.`,
  "error.duplicate_source": ({ number }: { number: string }) =>
    `This message is already case ${number}. Please follow it in the case's thread.`,

  "support.entry_posted": ({ channel }: { channel: string }) =>
    `The “open a case” message will be posted again in <#${channel}> and pinned.`,
  "support.entry_where": "Run `/support entry` in a registered customer channel to post its “open a case” message again.",
  "shortcut.refused": "Only T4U's engineers and managers can turn a message into a case.",
  "shortcut.not_registered": "This channel is not registered to a support contract, so its messages cannot become cases. A manager registers it with `npm run cli -- contract add`.",
  "modal.open.loading": ":hourglass_flowing_sand: Preparing the form. One moment, please.",
  "modal.open.retry": "The form could not be opened just now because things are busy. Please press the button again.",
  "modal.open.retry_command": "The form could not be opened just now because things are busy. Please run `/support` again.",
  "modal.open.retry_shortcut": "The form could not be opened just now because things are busy. Please choose the message shortcut \"メッセージから案件を作成\" again.",
  "modal.open.submitting": ":hourglass_flowing_sand: *Received…*\nWe are checking what you sent and opening the case. One moment, please.",
  "modal.open.opened": ({ number, incidents, channel }: { number: string; incidents: number; channel: string }) =>
    `:white_check_mark: *Case ${number} is open.*\n${incidents === 1 ? "1 incident is" : `${incidents} incidents are`} reserved (spent when the case ends, given back if it is cancelled). ` +
    `Please continue in the thread of case ${number}, posted in <#${channel}>.`,
  "modal.open.refused": "The case could not be opened.",
  "modal.open.unavailable": "Sorry, this could not be completed just now. Please try again in a moment.",
  "modal.close": "Close",
};
