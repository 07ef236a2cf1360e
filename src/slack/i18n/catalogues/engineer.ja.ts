// What the app says around engineers' work on cases: their modals, the proposals customers answer, the notices
// those actions post in the case's thread, and the queue. Every key here must exist in engineer.en.ts too.
import { md } from "../../views/mrkdwn.ts";
import { jaDate } from "../dates.ts";

/** A case in a personal notification: number and title, linked to its thread when the link is known, and the customer. */
export interface CaseRef { number: string; title: string; customer: string; link: string }

export function caseRef(p: CaseRef): string {
  const label = `${p.number} ${md(p.title)}`;
  return `${p.link ? `*<${p.link}|${label}>*` : `*${label}*`} · ${md(p.customer)}`;
}

/** ★★★★☆ for 4; anything but a score from 1 to 5 shows no stars. */
export function stars(score: number): string {
  const n = Number.isInteger(score) && score >= 1 && score <= 5 ? score : 0;
  return n ? `${"★".repeat(n)}${"☆".repeat(5 - n)}` : "";
}

export const engineerJa = {
  "case.menu.lower_level": "通常サービスに変更",

  "modal.eng.submit": "確定",
  "confirm.back": "戻る",
  "confirm.resolve.title": "案件を解決にしますか？",
  "confirm.resolve.text": ({ number, incidents }: { number: string; incidents: number }) =>
    `案件 ${number} を解決とし、予約中の ${incidents} インシデントを消費します。解決した案件は再開できません。`,
  "confirm.resolve.ok": "解決を確定",
  "staff.title": "案件を操作",
  "staff.close": "閉じる",
  "staff.ended": ({ number }: { number: string }) => `案件 ${number} は既に終了しているため、操作はありません。`,
  "staff.refused": "恐れ入りますが、「案件を操作」は T4U のサポート担当のみご利用いただけます。",
  "staff.not_a_case": "このメッセージは案件のメッセージではありません。「案件を操作」は、案件のメッセージ（#0001 などの番号が付いたもの）でお使いください。",
  "modal.eng.summary": ({ number, title, customer, incidents }: { number: string; title: string; customer: string; incidents: number }) =>
    `*${number} ${md(title)}*\n${md(customer)} · インシデント ${incidents}`,
  "modal.assign.title": "担当者の割り当て",
  "modal.assign.label": "担当エンジニア",
  "modal.level_a.title": "サービスレベルAの提案",
  "modal.level_a.kind": "サービスレベルAが必要な理由",
  "modal.level_a.reason": "お客様へのご説明",
  "modal.level_a.reason_hint": "例: ご利用環境を弊社で再現して検証する必要があるため",
  "modal.level_a.cost": ({ before, after, available }: { before: number; after: number; available: number }) =>
    `お客様が承認されると、この案件のインシデントは ${before} インシデントから ${after} インシデントになります（現在ご利用可能: ${available} インシデント）。承認されるまで追加の予約はしません。`,
  "modal.split.title": "分割の提案",
  "modal.split.parts": "分割後の件名（1行に1件）",
  "modal.split.parts_hint": "1行目がこの案件の件名になり、2行目以降はそれぞれ新しい案件（各1インシデント）になります。",
  "modal.split.reason": "お客様へのご説明（分割の理由）",
  "modal.split.cost": ({ before, available }: { before: number; available: number }) =>
    `お客様が承認されると、2件目以降の案件ごとに1インシデントを予約します（この案件の ${before} インシデントはそのままです）。現在ご利用可能: ${available} インシデント`,
  "modal.expected.title": "回答予定日の設定",
  "modal.expected.label": "回答予定日",
  "modal.expected.hint": "ご質問の受付から2営業日以上先の日付の場合は、お客様にすぐお知らせします。",
  "modal.cancel_defect.title": "製品不具合でキャンセル",
  "modal.cancel_defect.body": ({ incidents }: { incidents: number }) =>
    `原因が弊社製品の不具合であるため、この案件をキャンセルします。予約中の ${incidents} インシデントは返却され、消費されません。お客様にはお詫びとともにその旨をお知らせします。キャンセルした案件は再開できません。`,
  "modal.cancel_defect.note": "社内メモ（お客様には表示されません）",
  "modal.cancel_defect.submit": "キャンセルを確定",
  "modal.decline.title": "対象外としてお断り",
  "modal.decline.body": ({ incidents }: { incidents: number }) =>
    `この案件をサポートの対象外としてお断りします。予約中の ${incidents} インシデントは返却され、消費されません。お断りした案件は再開できません。`,
  "modal.decline.reason": "お客様にお伝えする理由",
  "modal.decline.submit": "お断りを確定",
  "modal.lower.title": "通常サービスに変更",
  "modal.lower.body": ({ before, after }: { before: number; after: number }) =>
    `この案件を通常サービスに変更し、インシデントを ${before} から ${after} に減らします。差分の ${before - after} インシデントはすぐに返却されます（お客様の承認は不要です）。サービスレベルAに戻すには、改めてお客様のご承認が必要です。`,
  "modal.lower.note": "社内メモ（お客様には表示されません）",
  "modal.lower.submit": "変更を確定",

  "error.not_engineer": "T4Uのサポート担当を選んでください。",
  "error.past_date": "今日以降の日付を選んでください。",
  "error.split_too_few": ({ min }: { min: number }) => `${min}件以上の件名を、1行に1件ずつ入力してください。`,
  "error.split_too_many": ({ max }: { max: number }) => `分割できるのは${max}件までです。`,
  "error.title_each_too_long": ({ max }: { max: number }) => `各件名は${max}文字以内で入力してください。`,
  "error.proposal_insufficient": ({ needed, available }: { needed: number; available: number }) =>
    `お客様のご利用可能なインシデントが不足しているため提案できません（追加で必要: ${needed}、ご利用可能: ${available}）。追加購入についてお客様・管理者とご相談ください。`,
  "refused.already_level_a": ({ number }: { number: string }) => `案件 ${number} は既にサービスレベルAです。`,
  "refused.not_level_a": ({ number }: { number: string }) => `案件 ${number} はサービスレベルAではないため、変更できません。`,
  "refused.changed": "案件が同時に変更されました。最新の内容を確認して、もう一度お試しください。",
  "refused.queue": "対応待ちの案件一覧は、T4Uのサポート担当のみご覧いただけます。",

  "proposal.level_a": ({ user, reason }: { user: string; reason: string }) =>
    `<@${user}> より、本案件をサービスレベルA（${md(reason)}）として対応するご提案です。`,
  "proposal.split": ({ user, n }: { user: string; n: number }) => `<@${user}> より、本案件を ${n} 件の案件に分けて対応するご提案です。`,
  "proposal.reason": ({ reason }: { reason: string }) => `*理由:* ${md(reason)}`,
  "proposal.parts": "*分割後の案件:*",
  "proposal.part_this": "（この案件）",
  "proposal.cost": ({ before, after, extra, available }: { before: number; after: number; extra: number; available: number }) =>
    `*インシデント:* ${before} インシデント → ${after} インシデント（ご承認いただいた時点で ${extra} インシデントを追加で予約いたします。現在ご利用可能: ${available} インシデント）`,
  "proposal.ask": "よろしければ「承認する」を押してください。ご承認いただくまで、インシデントは追加で予約されません。",
  "proposal.ask_named": ({ users }: { users: string }) =>
    `ご承認は ${users}にお願いしております。よろしければ「承認する」を押してください。ご承認いただくまで、インシデントは追加で予約されません。`,
  "proposal.refused.not_approver": ({ users }: { users: string }) => `この提案にお答えいただけるのは、ご契約上の承認者（${users}）のみです。承認者の方へご確認をお願いいたします。`,
  "proposal.approve": "承認する",
  "proposal.decline": "承認しない",
  "proposal.confirm_title": "ご承認の確認",
  "proposal.confirm_text": ({ extra }: { extra: number }) => `追加で ${extra} インシデントを予約いたします。よろしいですか？`,
  "proposal.confirm_back": "戻る",
  "proposal.state.approved": ({ user }: { user: string }) => `:white_check_mark: <@${user}> がご承認くださいました。`,
  "proposal.state.declined": ({ user }: { user: string }) => `<@${user}> より承認しないとのご回答をいただきました。現在の内容のまま対応いたします。`,
  "proposal.state.withdrawn": "このご提案は取り下げられました。",
  "proposal.fallback": ({ number }: { number: string }) => `案件 ${number} についてのご提案（ご承認のお願い）`,
  "proposal.refused.decided": "このご提案には既にご回答いただいています。",
  "proposal.refused.withdrawn": "このご提案は取り下げられました。スレッド内の新しいご提案をご確認ください。",
  "proposal.refused.closed": "この案件は既にクローズしているため、このご提案にはお答えいただけません。",
  "proposal.refused.insufficient": ({ needed, available, contact }: { needed: number; available: number; contact: string }) =>
    `インシデントが不足しているため、ご承認を反映できませんでした（追加で必要: ${needed}、ご利用可能: ${available}）。何も変更されていません。追加購入については ${contact} までお問い合わせください。`,
  "proposal.refused.not_applicable": "案件の内容が変わったため、このご提案は反映できませんでした。何も変更されていません。担当エンジニアからのご連絡をお待ちください。",
  "proposal.refused.unknown": "ご提案が見つかりませんでした。",

  "notice.level_a_approved": ({ number, user, before, after, available }: { number: string; user: string; before: number; after: number; available: number }) =>
    `<@${user}> にご承認いただき、案件 ${number} をサービスレベルAとしました。インシデントを ${before} から ${after} に変更しました（残り ${available}）。`,
  "notice.proposal_declined": ({ user, incidents }: { user: string; incidents: number }) =>
    `<@${user}> より、ご提案を承認しないとのご回答をいただきました。インシデント（${incidents}）は変わらず、現在の内容のまま対応いたします。`,
  "notice.split_done": ({ number, user, parts, before, after, available }: { number: string; user: string; parts: string; before: number; after: number; available: number }) =>
    `<@${user}> にご承認いただき、案件 ${number} を分割しました。新しい案件: ${parts}（それぞれのスレッドで回答いたします）。インシデントの合計: ${before} → ${after}（残り ${available}）。`,
  "notice.split_part": ({ number, parent, reason, incidents }: { number: string; parent: string; reason: string; incidents: number }) =>
    `案件 ${number} は、案件 ${parent} を分割して作成しました（${incidents} インシデントを予約しました）。\n分割の理由: ${md(reason)}`,
  "notice.expected_late": ({ number, date }: { number: string; date: string }) =>
    `お待たせしており申し訳ございません。案件 ${number} の回答は ${jaDate(date)} ごろになる見込みです。今しばらくお待ちください。`,
  "notice.level_lowered": ({ number, user, before, after, available }: { number: string; user: string; before: number; after: number; available: number }) =>
    `<@${user}> にて案件 ${number} を通常サービスに変更いたしました。インシデントを ${before} から ${after} に変更し、差分の ${before - after} インシデントをご返却いたしました（ご利用可能: ${available} インシデント）。`,
  "triage.proposal_approved": ({ number, user, before, after }: { number: string; user: string; before: number; after: number }) =>
    `${number}: お客様（<@${user}>）が提案を承認しました（インシデント ${before} → ${after}）。`,
  "triage.proposal_declined": ({ number, user }: { number: string; user: string }) =>
    `${number}: お客様（<@${user}>）が提案を承認しませんでした。現在の内容のまま対応してください。`,
  "triage.expected": "回答予定日",
  "triage.expected_on": ({ date }: { date: string }) => jaDate(date),

  "queue.title": "対応待ちの案件",
  "queue.summary": ({ t4u, customer }: { t4u: number; customer: number }) =>
    `T4Uの対応待ち ${t4u} 件（古いご質問順） · お客様の返信待ち ${customer} 件`,
  "queue.empty": "対応中の案件はありません。",
  "queue.more": ({ n }: { n: number }) => `ほか ${n} 件`,
  "queue.waiting.t4u": ":large_orange_circle: T4Uの対応待ち",
  "queue.waiting.customer": ":white_circle: お客様の返信待ち",
  "queue.age_days": ({ n }: { n: number }) => `${n}営業日経過`,
  "queue.age_hours": ({ n }: { n: number }) => `${n}時間経過`,
  "queue.overdue": ":red_circle: 初回回答期限超過",
  "queue.due_soon": ":warning: 初回回答期限間近",
  "queue.due": ({ date }: { date: string }) => `初回回答期限 ${date}`,
  "queue.expected": ({ date }: { date: string }) => `回答予定日 ${jaDate(date)}`,
  "queue.awaiting_approval": "提案への回答待ち",
  "queue.assignee": ({ user }: { user: string }) => `担当 <@${user}>`,
  "queue.unassigned": "担当なし",
  "queue.fallback": ({ n }: { n: number }) => `対応待ちの案件 ${n} 件`,
  "home.refresh": "最新の情報に更新",
  "home.staff_only": "このアプリのホームは、T4Uのサポート担当と管理者のための画面です。\nご質問やトラブルのご相談は、貴社専用の Slack コネクトチャンネルにある「案件を作成」ボタンからお送りください。",
  // Personal notifications, by direct message to the engineer whose case it is; each names its case (caseRef).
  "notify.assigned": (p: CaseRef & { by: string }) => `:bust_in_silhouette: ${caseRef(p)} の担当になりました（割り当て: <@${p.by}>）。`,
  "notify.customer_message": (p: CaseRef & { excerpt: string }) =>
    `:speech_balloon: ${caseRef(p)} にお客様から新しいメッセージがあります。${p.excerpt ? `\n>${md(p.excerpt)}` : ""}`,
  "notify.first_response_soon": (p: CaseRef & { date: string; time: string }) =>
    `:hourglass_flowing_sand: ${caseRef(p)} の初回回答期限が近づいています（期限: ${jaDate(p.date)} ${p.time}）。`,
  "notify.first_response_overdue": (p: CaseRef & { date: string; time: string }) =>
    `:rotating_light: ${caseRef(p)} の初回回答期限（${jaDate(p.date)} ${p.time}）を過ぎました。至急対応してください。`,
  "notify.proposal_approved": (p: CaseRef & { proposal: string }) =>
    `:white_check_mark: ${caseRef(p)} で、お客様があなたの提案（${md(p.proposal)}）を承認しました。`,
  "notify.proposal_declined": (p: CaseRef & { proposal: string }) =>
    `:x: ${caseRef(p)} で、お客様があなたの提案（${md(p.proposal)}）を承認しませんでした。現在の内容のまま対応してください。`,
  "notify.auto_close_tomorrow": (p: CaseRef & { date: string; time: string }) =>
    `:alarm_clock: ${caseRef(p)} は、お客様から返信がなければ ${jaDate(p.date)} ${p.time} に自動でクローズします。`,
  "notify.rated": (p: CaseRef & { score: number }) => `:star: ${caseRef(p)} にお客様から評価をいただきました: ${stars(p.score)}（${md(p.score)}）`,
  "notify.proposal.level_a": "サービスレベルAへの変更",
  "notify.proposal.split": "案件の分割",
  "notify.batch": ({ n }: { n: number }) => `担当の案件について、お知らせが ${n} 件あります。`,
  "notify.settings_hint": "通知の種類ごとのオン・オフは、このアプリのホームで変更できます。",
  // In the triage channel, when the case has nobody yet.
  "alert.customer_wrote": ({ number, customer }: { number: string; customer: string }) =>
    `:speech_balloon: ${number}（${md(customer)}）にお客様から新しいメッセージがあります。担当者はまだいません。`,
  "alert.case_rated": ({ number, customer, score }: { number: string; customer: string; score: number }) =>
    `:star: ${number}（${md(customer)}）にお客様から評価をいただきました（${md(score)}/5）。担当者のいない案件です。`,

  "home.mine.title": "自分の案件",
  "home.mine.empty": "担当している対応中の案件はありません。",
  "home.mine.more": ({ n }: { n: number }) => `ほか ${n} 件（/case で検索できます）`,
  "home.closed.title": "最近クローズした案件",
  "home.closed.empty": "最近クローズした案件はありません。",
  "home.closed.line": ({ state, date }: { state: string; date: string }) => `${state} · ${jaDate(date)}`,
  "home.open": "開く",
  "home.take": "担当する",
  "home.prefs.title": "通知の設定",
  "home.prefs.hint": "担当の案件についてダイレクトメッセージでお知らせします。チェックを外した種類は届きません（担当者のいない案件はトリアージチャンネルでお知らせします）。",
  "home.prefs.topic.assigned": "担当への割り当て",
  "home.prefs.topic.customer_message": "お客様からのメッセージ",
  "home.prefs.topic.first_response": "初回回答期限（間近・超過）",
  "home.prefs.topic.proposal": "提案への回答（承認・非承認）",
  "home.prefs.topic.auto_close": "翌日の自動クローズ",
  "home.prefs.topic.rated": "お客様の評価",

  "triage.description": "内容",
  "triage.thread": "スレッドを開く",
  "triage.next": "次の期限",
  "triage.next.first_response": ({ date }: { date: string }) => `初回回答 ${date}`,
  "triage.next.expected_answer": ({ date }: { date: string }) => `回答予定日 ${jaDate(date)}`,
  "triage.next.auto_close": ({ date }: { date: string }) => `自動クローズ ${jaDate(date)}`,
  "triage.next.none": "なし",
  // The open-case modal's attachments (the rest of the modal is in core.ja.ts): read by customers.
  "modal.open.files": "添付ファイル",
  "modal.open.files_hint": "スクリーンショットやログファイルなど、状況の確認に役立つファイルがございましたら添付してください（10件まで）。",
};
