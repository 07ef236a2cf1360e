// 「ご依頼中の案件」: the button on a customer channel's entry message and the modal listing the channel's cases.
// Every key here must exist in channel-cases.en.ts too (the type checker enforces it).
import { jaDate } from "../dates.ts";
import { md } from "../../views/mrkdwn.ts";

export const channelCasesJa = {
  "cases.button": "ご依頼中の案件",
  "cases.title": "ご依頼中の案件",
  "cases.close": "閉じる",
  "cases.intro": ({ customer }: { customer: string }) =>
    `${md(customer)} 様からこのチャンネルでご依頼いただいている案件です。件名を押すと、その案件のスレッドを開きます（この画面はご本人にのみ表示されています）。`,
  "cases.active": "*対応中の案件*",
  "cases.active_none": "現在、対応中の案件はございません。",
  "cases.more": ({ count }: { count: number }) => `ほか ${count} 件の対応中の案件がございます。各案件のスレッドからご確認ください。`,
  "cases.ended": ({ days }: { days: number }) => `*最近終了した案件*（過去 ${days} 日間）`,
  "cases.ended_none": ({ days }: { days: number }) => `過去 ${days} 日間に終了した案件はございません。`,
  "cases.detail": ({ state, incidents, level, opened, ended }: { state: string; incidents: number; level: string; opened: string; ended: string | null }) =>
    `${state} · ${level} · ${incidents} インシデント · ${jaDate(opened)} 受付${ended ? ` · ${jaDate(ended)} 終了` : ""}`,
};
