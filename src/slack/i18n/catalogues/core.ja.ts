// Japanese is the default language of everything the app says. Keep the tone of a polite support desk (です・ます).
// Every key here must exist in core.en.ts too (the type checker enforces it).
import { md } from "../../views/mrkdwn.ts";
import { jaDate } from "../dates.ts";

export const coreJa = {
  "state.open": "受付",
  "state.in_progress": "対応中",
  "state.answered": "回答済み・ご確認待ち",
  "state.resolved": "解決",
  "state.closed": "クローズ",
  "state.cancelled": "キャンセル",
  "state.declined": "対象外",
  "level.normal": "通常サービス",
  "level.A": "サービスレベルA",
  "reason.reproduction": "環境の再現による検証",
  "reason.report": "正式な報告書の作成",

  "entry.text": "らかん™ サポート窓口です。ご質問やトラブルのご相談は、下のボタンから案件を作成してください。",
  "entry.intro": "*らかん™ サポート窓口*\nご質問やトラブルのご相談は「案件を作成」からお送りください。担当エンジニアがこのチャンネルのスレッドでご回答いたします。",
  "entry.open": "案件を作成",
  "entry.balance": "残りインシデントを確認",

  "modal.open.title": "案件の作成",
  "modal.open.submit": "送信",
  "modal.cancel": "キャンセル",
  "modal.open.channel": "お客様チャンネル",
  "modal.open.title_label": "件名",
  "modal.open.title_hint": "例: ライセンス認証でエラーが表示される",
  "modal.open.description": "内容",
  "modal.open.description_hint": "発生している事象、操作手順、エラーメッセージなどをご記入ください。",
  "modal.open.product": "製品名・バージョン",
  "modal.open.level": "サービスレベル",
  "modal.open.level_normal": "通常サービス（1 インシデント・1 営業日以内にご回答）",
  "modal.open.level_a_reproduction": "サービスレベルA: 環境の再現による検証が必要（3 インシデント）",
  "modal.open.level_a_report": "サービスレベルA: 正式な報告書が必要（3 インシデント）",
  "modal.open.cost": ({ normal, levelA, available }: { normal: number; levelA: number; available: number }) =>
    `この案件で *${normal} インシデント*（サービスレベルAの場合は *${levelA} インシデント*）を予約いたします。現在ご利用いただけるインシデントは *${available} インシデント* です。`,
  "modal.open.previous": ({ number }: { number: string }) => `クローズ済みの案件 ${number} の続きとして作成いたします。`,

  "error.required": "ご入力ください。",
  "error.too_long": ({ max }: { max: number }) => `${max} 文字以内でご入力ください。`,
  "error.channel_not_registered": "恐れ入りますが、このチャンネルはサポート契約に登録されていないため、案件を作成いたしかねます。",
  "error.no_contract": ({ contact }: { contact: string }) =>
    `恐れ入りますが、有効なサポート契約が見つかりませんでした。ご契約・更新については ${contact} までお問い合わせください。`,
  "error.expired": ({ contact }: { contact: string }) =>
    `恐れ入りますが、サポート契約の有効期限が過ぎております。ご契約の更新については ${contact} までお問い合わせください。`,
  "error.insufficient": ({ needed, available, contact }: { needed: number; available: number; contact: string }) =>
    `恐れ入りますが、インシデントが不足しております（必要: ${needed} インシデント、ご利用可能: ${available} インシデント）。追加購入については ${contact} までお問い合わせください。`,
  "error.invalid_date": "日付を 2026-12-03 のような形式でご入力ください。",

  "case.header": ({ number, title }: { number: string; title: string }) => `${number} ${title}`,
  "case.level_with_reason": ({ level, reason }: { level: string; reason: string }) => `${level}（${md(reason)}）`,
  "case.status": "ステータス",
  "case.level": "サービスレベル",
  "case.incidents": "インシデント",
  "case.incidents_reserved": ({ n }: { n: number }) => `${n} インシデント（予約中）`,
  "case.incidents_consumed": ({ n }: { n: number }) => `${n} インシデント（消費済み）`,
  "case.incidents_released": ({ n }: { n: number }) => `${n} インシデント（消費なし）`,
  "case.assignee": "担当",
  "case.unassigned": "未割り当て",
  "case.opened_by": ({ user }: { user: string }) => `作成: <@${user}>`,
  "case.auto_close": ({ date }: { date: string }) => `${jaDate(date)}までにご返信がない場合は、解決済みとして自動でクローズいたします。`,
  "case.expected": ({ date }: { date: string }) => `回答予定日: ${jaDate(date)}`,
  "case.remaining": ({ available }: { available: number }) => `ご利用可能なインシデント: ${available} インシデント`,
  "case.thread_hint": "ご質問の続きはこのスレッドにご返信ください（追加のインシデントは消費いたしません）。",
  "case.next.open": "担当エンジニアが内容を確認し、このスレッドでご回答いたします。",
  "case.next.in_progress": "担当エンジニアが対応しております。ご回答まで今しばらくお待ちください。",
  "case.next.answered": "このスレッドの回答をご確認ください。ご不明な点がございましたら、このスレッドにご返信ください。",
  "case.next.closed": "本案件は完了いたしました。引き続きのご質問は「新しい案件を作成」からお送りください。",
  "case.next.cancelled": "原因が弊社製品の不具合であったため、本案件はキャンセルとなりました。インシデントは消費しておりません。",
  "case.next.declined": "本案件はサポートサービスの対象外のため、お受けいたしかねました。インシデントは消費しておりません。",
  "case.resolve": "解決",
  "case.take": "担当する",
  "case.more": "その他の操作",
  "case.menu.level_a": "サービスレベルAを提案",
  "case.menu.split": "分割を提案",
  "case.menu.expected": "回答予定日を設定",
  "case.menu.assign": "担当者を割り当て",
  "case.menu.cancel_defect": "製品不具合としてキャンセル",
  "case.menu.decline": "対象外としてお断り",
  "case.fallback": ({ number, title, state }: { number: string; title: string; state: string }) => `${number} ${md(title)}（${state}）`,

  "notice.opened": ({ number, incidents }: { number: string; incidents: number }) =>
    `案件 ${number} を受け付けました。${incidents} インシデントを予約いたしました。担当エンジニアより、このスレッドでご回答いたします。`,
  "notice.resolved": ({ user, incidents, available }: { user: string; incidents: number; available: number }) =>
    `本案件は <@${user}> にて解決とさせていただきました。${incidents} インシデントを消費いたしました（ご利用可能: ${available} インシデント）。ご利用いただき、誠にありがとうございました。`,
  "notice.auto_closed": ({ incidents, available }: { incidents: number; available: number }) =>
    `最後のご回答から 7 営業日ご返信がなかったため、解決済みとしてクローズいたしました。${incidents} インシデントを消費いたしました（ご利用可能: ${available} インシデント）。`,
  "notice.cancelled": ({ incidents }: { incidents: number }) =>
    `このたびは弊社製品の不具合によりご迷惑をおかけし、誠に申し訳ございません。原因が弊社製品の不具合と判明したため、本案件はキャンセルとさせていただきました。予約していた ${incidents} インシデントは消費されません。`,
  "notice.declined": ({ reason }: { reason: string }) =>
    `誠に恐れ入りますが、本件はサポートサービスの対象外と判断いたしましたため、お受けいたしかねます。インシデントは消費されません。\n理由: ${md(reason)}`,
  "notice.taken": ({ user }: { user: string }) => `<@${user}> が担当いたします。`,
  "notice.closed_reply": ({ number }: { number: string }) =>
    `恐れ入りますが、案件 ${number} はクローズ済みのため、再開や継続はいたしかねます。引き続きご質問がございましたら、新しい案件を作成してください。`,
  "notice.new_case": "新しい案件を作成",

  "triage.first_response_due": "初回回答期限",
  "balance.title": "インシデント残高",
  "balance.empty": "登録されているお客様はまだありません。",
  "balance.more": ({ n }: { n: number }) => `ほか ${n} 社（すべての行は CSV エクスポートでご覧いただけます）`,
  "balance.valid_until": ({ date, days }: { date: string; days: number }) => `有効期限 ${date}（あと${days}日）`,
  "balance.no_valid_contract": "有効な契約なし",
  "balance.figures": ({ available, purchased, consumed, reserved, open }: { available: number; purchased: number; consumed: number; reserved: number; open: number }) =>
    `残り *${available}* / 購入 ${purchased} · 消費 ${consumed} · 予約 ${reserved} · 対応中の案件 ${open}`,
  "balance.attention.expired": ":red_circle: 期限切れ",
  "balance.attention.exhausted": ":red_circle: 残りなし",
  "balance.attention.expiring": ":warning: 期限間近",
  "balance.attention.low": ":warning: 残りわずか",
  "balance.not_found": ({ name }: { name: string }) => `「${md(name)}」に一致するお客様が見つかりません。`,
  "balance.own": ({ available, reserved, open, until, contact }: { available: number; reserved: number; open: number; until: string; contact: string }) =>
    `*インシデント残高*\nご利用可能: *${available} インシデント*（対応中の案件で予約中: ${reserved} インシデント）\n対応中の案件: ${open} 件\n有効期限: ${jaDate(until)}\n追加購入・更新のご相談は ${contact} までお問い合わせください。`,
  "home.register": "契約を登録",
  "home.export": "台帳を CSV で出力",
  "refused.role": "恐れ入りますが、この操作は T4U のサポート担当のみ行えます。",
  "refused.manager": "この操作はT4Uの管理者のみ行えます。",
  "refused.customer": "恐れ入りますが、この操作はこの案件のお客様のみ行えます。",
  "refused.closed": ({ number }: { number: string }) => `恐れ入りますが、案件 ${number} は既にクローズしているため、この操作はいたしかねます。`,
  "refused.unknown_case": "恐れ入りますが、案件が見つかりませんでした。",
  "refused.not_registered": "恐れ入りますが、このチャンネルはサポート契約に登録されていないため、この操作はいたしかねます。",
  "error.generic": "処理中に問題が発生しました。お手数ですが、しばらくしてからもう一度お試しください。",
};
