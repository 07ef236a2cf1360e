// Renewals and purchases asked for in Slack: the customer's answers to the renewal question, the application
// form (登録用紙) in a modal, the request's state as the customer sees it, and the managers' alerts and controls.
// Business Japanese to customers, short lines for T4U staff. Every key here must exist in renewal.en.ts too.
import { md } from "../../views/mrkdwn.ts";
import { jaDate } from "../dates.ts";

type Answer = "continue" | "considering" | "decline" | "";

const ANSWER: Record<Exclude<Answer, "">, string> = { continue: "継続を希望する", considering: "検討中・相談したい", decline: "継続しない" };
// An answer the app does not know (never written by the app itself) is shown as text, never as live mrkdwn.
const answer = (a: string) => ANSWER[a as Exclude<Answer, "">] ?? md(a);

function acknowledgement(a: string, user: string, endsOn: string): string {
  switch (a) {
    case "continue":
      return `<@${user}> 様より継続のご意向を承りました。誠にありがとうございます。お申し込みフォームにご記入いただきましたら、担当よりお手続きのご連絡を差し上げます。`;
    case "considering":
      return `<@${user}> 様より、継続についてご検討中とのご回答を承りました。ご不明な点やご相談がございましたら、このスレッドにてお気軽にお知らせください。担当よりご連絡いたします。`;
    default:
      return `<@${user}> 様より、今回は継続されないとのご回答を承りました。これまでのご利用、誠にありがとうございました。${jaDate(endsOn)}までは引き続きご利用いただけます。`;
  }
}

const KIND: Record<string, string> = { renewal: "継続（新しい契約期間）", addition: "追加購入" };

export const renewalJa = {
  "renewal.button.continue": "継続を希望する",
  "renewal.button.considering": "検討中・相談したい",
  "renewal.button.decline": "継続しない",
  "renewal.answer": ({ answer: a }: { answer: string }) => answer(a),
  "renewal.current": ({ answer: a, user, date }: { answer: string; user: string; date: string }) =>
    `現在のご回答: *${answer(a)}*（<@${user}> 様、${jaDate(date)}）。ご回答はボタンから変更いただけます。`,
  "renewal.answered": ({ user, answer: a, endsOn }: { user: string; answer: string; previous: string; endsOn: string }) => acknowledgement(a, user, endsOn),
  "renewal.changed": ({ user, answer: a, previous, endsOn }: { user: string; answer: string; previous: string; endsOn: string }) =>
    `ご回答の変更を承りました（「${answer(previous)}」→「${answer(a)}」）。` + acknowledgement(a, user, endsOn),
  "renewal.same": ({ answer: a }: { answer: string }) => `すでに「${answer(a)}」とのご回答を承っております。変更される場合は、別のボタンを押してください。`,
  "renewal.refused.unknown": "このご案内は、このチャンネルのご契約のものではないため、ご回答を承ることができませんでした。",
  "renewal.refused.ended": "このご契約はすでに有効期限を過ぎているため、このご案内へのご回答は承れません。新しいお申し込みについては担当者にご相談ください。",
  "renewal.refused.customer": "このご案内へのご回答は、ご契約のお客様のみ行えます。",
  "alert.renewal_answered": ({ customer, user, answer: a, endsOn }: { customer: string; user: string; answer: string; previous: string; endsOn: string }) =>
    `:inbox_tray: ${md(customer)} の契約（〜${endsOn}）について、<@${user}> 様より更新のご回答: 「${answer(a)}」`,
  "alert.renewal_changed": ({ customer, user, answer: a, previous, endsOn }: { customer: string; user: string; answer: string; previous: string; endsOn: string }) =>
    `:arrows_counterclockwise: ${md(customer)} の契約（〜${endsOn}）について、<@${user}> 様が更新のご回答を変更しました: 「${answer(previous)}」→「${answer(a)}」`,
  "alert.renewal_unanswered": ({ customer, endsOn, sent }: { customer: string; endsOn: string; sent: string }) =>
    `:alarm_clock: ${md(customer)} の契約が ${jaDate(endsOn)} に終了しますが、${jaDate(sent)}にお送りした更新のご案内へのご回答がまだありません。お客様へのご連絡をご検討ください。`,

  "purchase.button.apply": "追加購入のご相談",
  "apply.title.renewal": "継続のお申し込み",
  "apply.title.addition": "追加購入のご相談",
  "apply.submit": "送信する",
  "apply.intro.renewal": ({ customer, endsOn }: { customer: string; endsOn: string }) =>
    `${md(customer)} 様、継続のお申し込みをありがとうございます。サポートサービス登録用紙の内容をご記入ください（現在のご契約の有効期限: ${jaDate(endsOn)}）。` +
    "お申し込み内容を担当者が確認のうえ、ご契約を登録いたします。本フォームでお支払いが発生することはございません。",
  "apply.intro.addition": ({ customer }: { customer: string; endsOn: string }) =>
    `${md(customer)} 様、インシデントの追加購入のご相談をありがとうございます。サポートサービス登録用紙の内容をご記入ください。` +
    "お申し込み内容を担当者が確認のうえ、ご登録いたします。本フォームでお支払いが発生することはございません。",
  "apply.field.company": "会社名",
  "apply.field.person": "ご担当者名",
  "apply.field.email": "ご担当者のメールアドレス",
  "apply.field.incidents": "ご希望のインシデント数",
  "apply.field.incidents_hint": ({ n }: { n: number }) => `昨年度のご利用実績から ${n} インシデントをご提案しております。ご希望に合わせて変更ください。`,
  "apply.field.starts": "ご希望の開始日",
  "apply.field.note": "備考",
  "apply.error.email": "メールアドレスの形式でご入力ください（例: name@example.co.jp）。",
  "apply.error.range": ({ max }: { max: number }) => `1 以上 ${max} 以下の数でご入力ください。`,
  "apply.error.past": "本日以降の日付をお選びください。",
  "apply.refused": "お申し込みは、ご契約のお客様のみ行えます。",

  "request.number": ({ id }: { id: number }) => `R-${String(id).padStart(4, "0")}`,
  "request.kind": ({ kind }: { kind: string }) => KIND[kind] ?? kind,
  "request.customer.head": ({ number }: { number: string }) => `お申し込みを承りました（受付番号 ${number}）`,
  "request.customer.body": ({ kind, incidents, startsOn, person }: { kind: string; incidents: number; startsOn: string; person: string }) =>
    `種別: ${KIND[kind] ?? kind} · ご希望のインシデント数: ${incidents}` + (startsOn ? ` · ご希望の開始日: ${jaDate(startsOn)}` : "") + ` · ご担当者: ${md(person)} 様`,
  "request.state.pending": "状態: 担当者が確認しております。お手続きが済みましたら、このスレッドでお知らせいたします。",
  "request.state.registered": ({ id }: { id: number }) => `状態: ご登録が完了いたしました（契約 #${id}）。`,
  "request.state.declined": "状態: 今回はお手続きを見合わせております。詳しくはスレッドをご覧ください。",
  "request.registered": ({ kind, incidents, from, to }: { kind: string; incidents: number; from: string; to: string }) =>
    kind === "addition"
      ? `お申し込みいただいた追加購入のお手続きが完了いたしました。${incidents} インシデントをご契約（有効期限 ${jaDate(to)}）に追加いたしました。`
      : `お申し込みいただいた継続のお手続きが完了いたしました。新しいご契約は ${incidents} インシデント、${jaDate(from)}から${jaDate(to)}までです。引き続きよろしくお願い申し上げます。`,
  "request.declined": ({ reason }: { reason: string }) =>
    `お申し込みにつきまして、誠に恐縮ながら、現時点ではお手続きを見合わせさせていただくこととなりました。理由: ${md(reason)}\n` +
    "ご不明な点がございましたら、このスレッドにてお知らせください。",
  "request.triage.head": ({ number, customer, kind }: { number: string; customer: string; kind: string }) =>
    `:memo: ${number} ${md(customer)} よりお申し込み（${KIND[kind] ?? kind}）`,
  "request.triage.body": ({ company, person, email, incidents, startsOn, note, user }: { company: string; person: string; email: string; incidents: number; startsOn: string; note: string; user: string }) =>
    [`会社名: ${md(company)} · ご担当者: ${md(person)}（${md(email)}）`, `ご希望: ${incidents} インシデント` + (startsOn ? ` · 開始日 ${startsOn}` : ""),
      ...(note ? [`備考: ${md(note)}`] : []), `送信: <@${user}>`].join("\n"),
  "request.triage.registered": ({ user, id }: { user: string; id: number }) => `:white_check_mark: <@${user}> が登録しました（契約 #${id}）。`,
  "request.triage.declined": ({ user, reason }: { user: string; reason: string }) => `:no_entry_sign: <@${user}> がお断り／保留としました: ${md(reason)}`,
  "request.button.register": "登録する",
  "request.button.decline": "お断り／保留",
  "request.decline.title": "お断り／保留",
  "request.decline.intro": ({ number, customer }: { number: string; customer: string }) => `${number}（${md(customer)}）をお断り／保留とします。理由はお客様のチャンネルでお伝えします。`,
  "request.decline.reason": "お客様へお伝えする理由",
  "request.decline.submit": "送信する",
  "request.settled": "このお申し込みはすでに処理済みです。",
  "request.unknown": "このお申し込みは見つかりませんでした。",
  "request.done.declined": ({ number }: { number: string }) => `${number} をお断り／保留とし、お客様へお伝えしました。`,
  "contracts.detail.renewal": ({ answer: a, user, date }: { answer: string; user: string; date: string }) =>
    a ? `継続のご意向: *${answer(a)}*（<@${user}>、${date}）` : "継続のご意向: ご案内済み・ご回答なし",
  "contracts.detail.requests": "お申し込み",
  "contracts.detail.request": ({ number, kind, incidents, state, at }: { number: string; kind: string; incidents: number; state: string; at: string }) =>
    `${number} · ${KIND[kind] ?? kind} ${incidents} · ${state === "pending" ? "未処理" : state === "registered" ? "登録済み" : "お断り／保留"} · ${at}`,
  "contracts.detail.events": "経緯",
  "contracts.history.renewal_answered": ({ at, user, id, answer: a }: { at: string; user: string; id: number | string; answer: string }) =>
    `${at} · ${user} · 契約 #${id} の継続のご意向: *${answer(a)}*`,
  "contracts.history.renewal_changed": ({ at, user, id, answer: a, previous }: { at: string; user: string; id: number | string; answer: string; previous: string }) =>
    `${at} · ${user} · 契約 #${id} のご回答を変更: ${answer(previous)} → *${answer(a)}*`,
  "contracts.history.request_created": ({ at, user, number, kind, incidents }: { at: string; user: string; number: string; kind: string; incidents: number }) =>
    `${at} · ${user} · ${number} お申し込み（${KIND[kind] ?? md(kind)}、${incidents} インシデント）`,
  "contracts.history.request_registered": ({ at, user, number, id }: { at: string; user: string; number: string; id: number | string }) =>
    `${at} · ${user} · ${number} を契約 #${id} として登録`,
  "contracts.history.request_declined": ({ at, user, number, reason }: { at: string; user: string; number: string; reason: string }) =>
    `${at} · ${user} · ${number} をお断り／保留: ${md(reason)}`,
  "balance.renewal.unanswered": ":grey_question: 更新のご回答待ち",
  "balance.renewal.answered": ({ answer: a }: { answer: string }) => `更新のご回答: ${answer(a)}`,
};
