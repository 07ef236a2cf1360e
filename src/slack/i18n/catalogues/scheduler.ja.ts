// What the scheduler says by itself: notices to customers (polite support-desk Japanese) and short alerts for
// T4U's engineers and managers in the triage channel. Dates arrive as "YYYY-MM-DD" and times as "HH:mm", both
// in the business timezone. Every key here must exist in scheduler.en.ts too (the type checker enforces it).
import { md } from "../../views/mrkdwn.ts";
import { jaDate } from "../dates.ts";

export const schedulerJa = {
  // To the customer, in the case's thread (R-LIFE-6, R-LIFE-2).
  "notice.unanswered_delay": ({ expected }: { number: string; expected: string }) =>
    "お問い合わせいただいた件につきまして、回答までにお時間をいただいており、大変申し訳ございません。" +
    (expected ? `現在、${jaDate(expected)}ごろのご回答を予定しております。` : "担当エンジニアが引き続き確認を進めております。") +
    "回答の準備が整い次第、このスレッドでご連絡いたしますので、今しばらくお待ちくださいますようお願い申し上げます。",
  "notice.auto_close_soon": ({ number, date, time }: { number: string; date: string; time: string }) =>
    `案件 ${number} につきまして、最後の回答から7営業日の間ご返信がない場合は、解決済みとして自動でクローズいたします` +
    `（予定: ${jaDate(date)} ${time}）。まだ解決していない点やご不明な点がございましたら、このスレッドにご返信ください。`,

  // To the customer, at the top of their channel (R-CON-4, R-CON-2).
  "notice.renewal_due": ({ endsOn, available, consumed, levelA, contact }: { endsOn: string; available: number; contact: string; consumed?: number; levelA?: number }) =>
    "いつもT4Uのサポートサービスをご利用いただき、誠にありがとうございます。\n" +
    `現在のサポート契約は *${jaDate(endsOn)}* に有効期限を迎えます（ご利用可能なインシデント: ${available} インシデント）。\n` +
    (consumed !== undefined ? `昨年度のご利用実績は ${consumed} インシデント（うちサービスレベルA ${levelA ?? 0} 件）でした。\n` : "") +
    "つきましては、次年度のサポート契約の継続についてご意向をお聞かせいただけますでしょうか。下のボタンからご回答いただけます。" +
    "なお、未使用のインシデントは有効期限をもって失効し、次の契約期間へは繰り越されませんので、あらかじめご了承ください。" +
    `\nご不明な点は ${contact} までお問い合わせください。`,
  "notice.contract_ended": ({ startsOn, endsOn, lapsed, open, contact }: { startsOn: string; endsOn: string; lapsed: number; open: number; contact: string }) =>
    `サポート契約（${jaDate(startsOn)}〜${jaDate(endsOn)}）は有効期限を迎え、終了いたしました。これまでのご利用、誠にありがとうございました。\n` +
    (lapsed > 0 ? `未使用のインシデント ${lapsed} は失効いたしました。` : "") +
    (open > 0 ? `対応中の案件（${open} 件）は、解決まで引き続き対応いたします。` : "") +
    `新しい案件を作成いただくには契約の更新が必要です。お手続きについては ${contact} までお問い合わせください。`,
  "notice.contract_exhausted": ({ endsOn, contact }: { endsOn: string; contact: string }) =>
    "ご契約のインシデントをすべてご利用いただきました。ご利用いただき、誠にありがとうございます。\n" +
    // The contract ends when its incidents are used up (R-CON-2), so no addition can join it: a renewal can.
    `現在のご契約は、インシデントをすべてご利用いただいたため終了となりました（当初の有効期限: ${jaDate(endsOn)}）。` +
    `引き続き新しい案件をご依頼いただくには、サポート契約の更新（新しい契約期間でのご購入）が必要です。お手続きについては ${contact} までお問い合わせください。`,

  // To engineers and managers, in the triage channel.
  "alert.first_response_soon": ({ number, customer, date, time }: { number: string; customer: string; date: string; time: string }) =>
    `:hourglass_flowing_sand: ${number}（${md(customer)}）の初回回答期限が近づいています（期限: ${jaDate(date)} ${time}）。`,
  "alert.first_response_overdue": ({ number, customer, date, time }: { number: string; customer: string; date: string; time: string }) =>
    `:rotating_light: ${number}（${md(customer)}）の初回回答期限（${jaDate(date)} ${time}）を過ぎました。至急対応してください。`,
  "alert.unanswered_delay": ({ number, customer, date, time }: { number: string; customer: string; date: string; time: string }) =>
    `:warning: ${number}（${md(customer)}）: ${jaDate(date)} ${time} のご質問に2営業日回答がないため、お客様へ遅延のお詫びを自動で送信しました。`,
  "alert.renewal_due": ({ customer, endsOn, available }: { customer: string; endsOn: string; available: number }) =>
    `:calendar: ${md(customer)} の契約が ${jaDate(endsOn)} に終了します（残り ${available}）。お客様へ更新のご案内を送信しました。`,
  "alert.contract_ended": ({ customer, startsOn, endsOn, lapsed, successor }: { customer: string; startsOn: string; endsOn: string; lapsed: number; successor: string }) =>
    `:card_index_dividers: ${md(customer)} の契約（${startsOn}〜${endsOn}）が終了しました。失効したインシデント: ${lapsed}。` +
    (successor ? `後継の契約が ${successor} まで有効なため、お客様へのご案内は省略しました。` : "有効な契約がないため、お客様へ終了のご案内を送信しました。"),
  "alert.contract_dates": ({ customer, id, startsOn, endsOn }: { customer: string; id: number; startsOn: string; endsOn: string }) =>
    `:warning: ${md(customer)} の契約 #${id} の期間（${startsOn}〜${endsOn}）は日付として扱えないため、この契約の更新・終了のお知らせは送られません。` +
    "登録内容をご確認のうえ、正しい期間の契約を登録し（contract renew）、この契約の残りは調整（contract adjust）で 0 にしてください。",
  "alert.contract_exhausted": ({ customer, endsOn, purchased, remaining }: { customer: string; endsOn: string; purchased: number; remaining: number }) =>
    `:red_circle: ${md(customer)} の契約（〜${endsOn}）のインシデント ${purchased} がすべて消費されました。` +
    (remaining > 0 ? `他の契約に残り ${remaining} があるため、お客様へのご案内は省略しました。` : "ご利用可能なインシデントがなくなったため、お客様へ契約更新のご案内を送信しました。"),
};
