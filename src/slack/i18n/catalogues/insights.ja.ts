// Where contracts are going, for managers and customers: the usage forecast, the usage statement (利用明細), the SLA
// report, the weekly digest and the satisfaction rating. Every key here must exist in insights.en.ts too.
// Every parameter is escaped where it is interpolated (md): names, titles and notes are people's words.
import { md } from "../../views/mrkdwn.ts";
import { jaDate } from "../dates.ts";

/** "2026-06-…" or "2026-06" → the month as the chart and its comment write it. */
const monthJa = (date: string) => `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`;

export const insightsJa = {
  "forecast.title": "*利用見込み*",
  "forecast.rate": ({ days, drawn, perMonth }: { days: number; drawn: number; perMonth: string }) =>
    `利用ペース: 直近 ${md(days)} 日で ${md(drawn)} インシデント（1 か月あたり約 ${md(perMonth)}）`,
  "forecast.no_rate": ({ min }: { min: number }) => `利用実績が ${md(min)} 日に満たないため、利用ペースからの見込みはまだ出せません。`,
  "forecast.runs_out": ({ date, end }: { date: string; end: string }) =>
    `:warning: このペースでは *${md(date)}* 頃に使い切る見込みです（契約終了 ${md(end)} より前）。`,
  "forecast.none_left": ({ end }: { end: string }) => `:warning: 利用可能なインシデントがありません（契約終了 ${md(end)}）。`,
  "forecast.lasts": ({ end }: { end: string }) => `このペースでは契約終了（${md(end)}）まで残る見込みです。`,
  "forecast.last_year": ({ consumed, levelA }: { consumed: number; levelA: number }) =>
    `過去 12 か月の消費: ${md(consumed)} インシデント（うちサービスレベルA ${md(levelA)} 件）`,
  "forecast.suggestion": ({ n }: { n: number }) => `更新時の推奨数: ${md(n)} インシデント`,
  "balance.attention.running_out": ":warning: 期限前に使い切る見込み",
  /** For the 60-day renewal notice to the customer. */
  "forecast.customer_last_year": ({ consumed, levelA }: { consumed: number; levelA: number }) =>
    `昨年度のご利用実績は ${md(consumed)} インシデント（うちサービスレベルA ${md(levelA)} 件）でした。`,

  "rating.ask": ({ number }: { number: string }) =>
    `案件 ${md(number)} の対応はいかがでしたでしょうか。今後のサービス向上のため、5 段階でご評価いただけますと幸いです（1: 不満 〜 5: 満足）。`,
  "rating.thanks": ({ number, stars, score }: { number: string; stars: string; score: number }) =>
    `案件 ${md(number)} へのご評価ありがとうございました。${md(stars)}（${md(score)} / 5）`,
  "rating.comment_button": "コメントを送る",
  "rating.commented": "コメントもお寄せいただき、ありがとうございました。",
  "rating.modal.title": "ご意見・ご感想",
  "rating.modal.submit": "送信",
  "rating.modal.close": "閉じる",
  "rating.modal.label": "お気づきの点がございましたらお聞かせください",
  "rating.refused.already": "この案件は既にご評価いただいております。ありがとうございました。",
  "rating.refused.not_ended": "この案件はまだ対応中のため、評価はクローズ後にお願いいたします。",
  "rating.refused.commented": "この案件へのコメントは既にお寄せいただいております。",
  "rating.refused.not_rated": "先に 5 段階の評価をお選びください。",
  "statement.button": "利用明細",
  "statement.title": ({ name, asOf }: { name: string; asOf: string }) => `*${md(name)} 様 利用明細*（${md(asOf)} 現在）`,
  "statement.contract": ({ id, from, to, status }: { id: number; from: string; to: string; status: string }) =>
    `*契約 #${md(id)}* ${md(from)} 〜 ${md(to)}（${md(status)}）`,
  "statement.totals": ({ purchased, consumed, reserved, available }: { purchased: number; consumed: number; reserved: number; available: number }) =>
    `ご購入 ${md(purchased)} · 消費 ${md(consumed)} · 予約中 ${md(reserved)} · *ご利用可能 ${md(available)}*`,
  "statement.lapsed": ({ n }: { n: number }) => `期間終了により失効: ${md(n)} インシデント`,
  "statement.credit": ({ on, kind, amount, note }: { on: string; kind: string; amount: string; note: string }) => `${md(on)} ${md(kind)} ${md(amount)}${note ? `（${md(note)}）` : ""}`,
  "statement.case": ({ number, title, level, outcome, detail }: { number: string; title: string; level: string; outcome: string; detail: string }) =>
    `${md(number)} ${md(title)} · ${md(level)} · ${md(outcome)} · ${md(detail)}`,
  "statement.consumed": ({ n }: { n: number }) => `${md(n)} 消費`,
  "statement.released": ({ n }: { n: number }) => `${md(n)} 返却`,
  "statement.reserved": ({ n }: { n: number }) => `${md(n)} 予約中`,
  "statement.outcome.resolved": "解決",
  "statement.outcome.closed": "ご返信なしのため自動クローズ",
  "statement.outcome.cancelled": "製品の不具合のためキャンセル（消費なし）",
  "statement.outcome.declined": "サポート対象外（消費なし）",
  "statement.outcome.open": "対応中",
  "statement.no_cases": "この契約でのご利用はまだありません。",
  "statement.more": ({ n }: { n: number }) => `ほか ${md(n)} 件（CSV に全件を記載しています）`,
  "statement.none": "登録されている契約がありません。",
  "statement.csv_comment": ({ name }: { name: string }) => `${md(name)} 様の利用明細（CSV）です。`,
  "statement.csv.header": "契約,期間,区分,日付,終了日,案件,件名,サービスレベル,結果,消費,返却,予約中,購入・調整,備考",
  "statement.csv.case": "案件",
  "statement.csv.credit": "購入・調整",
  "sla.csv.header": "月,お客様,案件数,初回回答済み,初回回答 p50（営業時間）,初回回答 p90（営業時間）,初回回答の目標超過,完了,完了まで p50（営業日）,完了まで p90（営業日）,評価数,平均評価",
  "sla.all_customers": "全体",
  "sla.button": "SLA レポート",
  "sla.title": ({ from, to }: { from: string; to: string }) => `*SLA レポート* ${md(from)} 〜 ${md(to)}`,
  "sla.line": ({ month, who, cases, p50, p90, breaches, r50, r90, rating }: { month: string; who: string; cases: number; p50: string; p90: string; breaches: number; r50: string; r90: string; rating: string }) =>
    `${md(month)} ${md(who)}: ${md(cases)} 件 · 初回回答 p50 ${md(p50)} / p90 ${md(p90)} 営業時間 · 目標超過 ${md(breaches)} 件 · 完了まで p50 ${md(r50)} / p90 ${md(r90)} 営業日 · 評価 ${md(rating)}`,
  "sla.none": "この期間に受け付けた案件はありません。",
  "sla.csv_comment": ({ from, to }: { from: string; to: string }) => `SLA レポート（${md(from)} 〜 ${md(to)}）の CSV です。`,
  "digest.title": ({ from, to }: { from: string; to: string }) => `週次ダイジェスト（${md(from)} 〜 ${md(to)}）`,
  "digest.cases": ({ opened, ended }: { opened: number; ended: number }) => `新規案件 ${md(opened)} 件 · 終了 ${md(ended)} 件`,
  "digest.incidents": ({ consumed, released }: { consumed: number; released: number }) => `インシデント: 消費 ${md(consumed)} · 予約解除 ${md(released)}`,
  "digest.ending": ({ count, names }: { count: number; names: string }) => `60 日以内に契約終了: ${md(count)} 社${names ? `（${md(names)}）` : ""}`,
  "digest.running_out": ({ count, names }: { count: number; names: string }) => `残りなし・期限前に使い切る見込み: ${md(count)} 社${names ? `（${md(names)}）` : ""}`,
  "digest.breaches": ({ n }: { n: number }) => `初回回答の目標超過: ${md(n)} 件`,
  "digest.ratings": ({ count, average }: { count: number; average: string }) => `お客様の評価: ${md(count)} 件${count ? `（平均 ${md(average)} / 5）` : ""}`,
  "rating.card": ({ stars, score }: { stars: string; score: number }) => `お客様の評価: ${md(stars)}（${md(score)} / 5）`,
  "chart.title": "月別インシデント消費（お客様別）",
  "chart.subtitle": ({ from, to, total }: { from: string; to: string; total: number }) => `${md(monthJa(from))} 〜 ${md(monthJa(to))}・合計 ${md(total)} インシデント`,
  "chart.unit": "消費したインシデント",
  "chart.month": ({ date }: { date: string }) => md(monthJa(date)),
  "chart.others": ({ n }: { n: number }) => `その他 ${md(n)} 社`,
  "chart.empty": "この期間に消費されたインシデントはありません。",
  "chart.comment": ({ from, to }: { from: string; to: string }) => `月別インシデント消費のグラフ（${md(monthJa(from))} 〜 ${md(monthJa(to))}）です。`,
  "statement.pdf.title": "利用明細書",
  "statement.pdf.before_name": "",
  "statement.pdf.after_name": " 様",
  "statement.pdf.issued_on": ({ date }: { date: string }) => `発行日: ${md(jaDate(date))}`,
  "statement.pdf.contract": ({ id, from, to, status }: { id: number; from: string; to: string; status: string }) =>
    `契約 #${md(id)}\u3000${md(jaDate(from))} 〜 ${md(jaDate(to))}（${md(status)}）`,
  "statement.pdf.totals": ({ purchased, consumed, reserved, available }: { purchased: number; consumed: number; reserved: number; available: number }) =>
    `ご購入 ${md(purchased)} インシデント\u3000消費 ${md(consumed)}\u3000予約中 ${md(reserved)}\u3000ご利用可能 ${md(available)}`,
  "statement.pdf.valid": ({ until }: { until: string }) => `有効期限: ${md(jaDate(until))}`,
  "statement.pdf.credits": "ご購入・追加・調整",
  "statement.pdf.cases": "案件ごとのご利用",
  "statement.pdf.col.opened": "受付日",
  "statement.pdf.col.case": "案件",
  "statement.pdf.col.title": "件名",
  "statement.pdf.col.level": "サービスレベル",
  "statement.pdf.col.outcome": "結果",
  "statement.pdf.col.consumed": "消費",
  "statement.pdf.col.released": "返却",
  "statement.pdf.col.reserved": "予約中",
  "statement.pdf.col.date": "日付",
  "statement.pdf.col.kind": "区分",
  "statement.pdf.col.amount": "インシデント",
  "statement.pdf.col.note": "備考",
  "statement.pdf.page": ({ page, total }: { page: number; total: number }) => `${md(page)} / ${md(total)}`,
  "statement.pdf_comment": ({ asOf }: { asOf: string }) => `利用明細書（PDF、${md(jaDate(asOf))} 現在）です。`,
  // Posted on the first business morning of each month in a channel that asked for it.
  "notice.monthly_statement": ({ name, month, casesOpened, casesEnded, consumed, released, purchased, reserved, available, validUntil }: {
    name: string; month: string; casesOpened: number; casesEnded: number; consumed: number; released: number; purchased: number; reserved: number; available: number; validUntil: string;
  }) =>
    `*${md(name)} 様 ${md(monthJa(month))}のご利用明細*\n` +
    `いつもご利用いただき、誠にありがとうございます。${md(monthJa(month))}のご利用状況をお知らせいたします。\n` +
    `• ご依頼いただいた案件: ${md(casesOpened)} 件（完了 ${md(casesEnded)} 件）\n` +
    `• インシデント: ${md(consumed)} 消費、${md(released)} 返却\n` +
    `• 現在のご契約: ご購入 ${md(purchased)} · 予約中 ${md(reserved)} · *ご利用可能 ${md(available)}*` + (validUntil ? `（有効期限: ${md(jaDate(validUntil))}）` : "") + "\n" +
    "案件ごとの明細は、このチャンネルの入口メッセージの「利用明細」からご覧いただけます（PDF はダイレクトメッセージでお送りいたします）。",
  "statement.pdf_not_sent": ({ contact }: { contact: string }) =>
    `恐れ入りますが、利用明細書（PDF）をダイレクトメッセージでお送りできませんでした。PDF がご入用の際は ${contact} までお申し付けください。`,
};
