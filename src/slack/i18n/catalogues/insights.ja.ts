// Where contracts are going, for managers and customers: the usage forecast, the usage statement (利用明細), the SLA
// report, the weekly digest and the satisfaction rating. Every key here must exist in insights.en.ts too.

export const insightsJa = {
  "forecast.title": "*利用見込み*",
  "forecast.rate": ({ days, drawn, perMonth }: { days: number; drawn: number; perMonth: string }) =>
    `利用ペース: 直近 ${days} 日で ${drawn} インシデント（1 か月あたり約 ${perMonth}）`,
  "forecast.no_rate": ({ min }: { min: number }) => `利用実績が ${min} 日に満たないため、利用ペースからの見込みはまだ出せません。`,
  "forecast.runs_out": ({ date, end }: { date: string; end: string }) =>
    `:warning: このペースでは *${date}* 頃に使い切る見込みです（契約終了 ${end} より前）。`,
  "forecast.none_left": ({ end }: { end: string }) => `:warning: 利用可能なインシデントがありません（契約終了 ${end}）。`,
  "forecast.lasts": ({ end }: { end: string }) => `このペースでは契約終了（${end}）まで残る見込みです。`,
  "forecast.last_year": ({ consumed, levelA }: { consumed: number; levelA: number }) =>
    `過去 12 か月の消費: ${consumed} インシデント（うちサービスレベルA ${levelA} 件）`,
  "forecast.suggestion": ({ n }: { n: number }) => `更新時の推奨数: ${n} インシデント`,
  "balance.attention.running_out": ":warning: 期限前に使い切る見込み",
  /** For the 60-day renewal notice to the customer. */
  "forecast.customer_last_year": ({ consumed, levelA }: { consumed: number; levelA: number }) =>
    `昨年度のご利用実績は ${consumed} インシデント（うちサービスレベルA ${levelA} 件）でした。`,

  "rating.ask": ({ number }: { number: string }) =>
    `案件 ${number} の対応はいかがでしたでしょうか。今後のサービス向上のため、5 段階でご評価いただけますと幸いです（1: 不満 〜 5: 満足）。`,
  "rating.thanks": ({ number, stars, score }: { number: string; stars: string; score: number }) =>
    `案件 ${number} へのご評価ありがとうございました。${stars}（${score} / 5）`,
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
  "rating.card": ({ stars, score }: { stars: string; score: number }) => `お客様の評価: ${stars}（${score} / 5）`,
};
