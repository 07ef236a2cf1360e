// English, the second language. Same keys as channel-cases.ja.ts, same parameters.
import type { English } from "../english.ts";
import { enDate } from "../dates.ts";
import { md } from "../../views/mrkdwn.ts";
import type { channelCasesJa } from "./channel-cases.ja.ts";

export const channelCasesEn: English<typeof channelCasesJa> = {
  "cases.button": "Your cases",
  "cases.title": "Your cases",
  "cases.close": "Close",
  "cases.intro": ({ customer }: { customer: string }) =>
    `The cases ${md(customer)} has raised in this channel. Click a title to open the case's thread. (Only you can see this.)`,
  "cases.active": "*Open cases*",
  "cases.active_none": "There are no open cases at the moment.",
  "cases.more": ({ count }: { count: number }) => `${count} more open ${count === 1 ? "case" : "cases"}: please see their threads in the channel.`,
  "cases.ended": ({ days }: { days: number }) => `*Ended recently* (last ${days} days)`,
  "cases.ended_none": ({ days }: { days: number }) => `No case has ended in the last ${days} days.`,
  "cases.detail": ({ state, incidents, level, opened, ended }: { state: string; incidents: number; level: string; opened: string; ended: string | null }) =>
    `${state} · ${level} · ${incidents} ${incidents === 1 ? "incident" : "incidents"} · opened ${enDate(opened)}${ended ? ` · ended ${enDate(ended)}` : ""}`,
};
