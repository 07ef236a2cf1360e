// What the app says when someone looks a case up (/case, the customers' search), on the case card, about a case's
// files and transcript, and in engineers' personal notifications. Every key here must exist in casework.en.ts too.
import { md } from "../../views/mrkdwn.ts";

export const caseworkJa = {
  "find.refused": "恐れ入りますが、/case は T4U のサポート担当と管理者のみご利用いただけます。",
  "find.help": "*/case の使い方*\n• `/case 12` または `/case #0012`: 案件の詳細\n• `/case ライセンス認証`: 件名・内容・スレッドのメッセージから検索（複数の語はすべてを含む案件）",
  "find.not_found": ({ number }: { number: string }) => `案件 ${number} は見つかりませんでした。`,
  "find.none": ({ query }: { query: string }) => `「${md(query)}」を含む案件は見つかりませんでした。`,
  "find.results": ({ query, n, more }: { query: string; n: number; more: boolean }) =>
    `「${md(query)}」を含む案件: ${n} 件${more ? "以上（新しい順に表示しています。語を増やすと絞り込めます）" : ""}`,
  "find.titles_only": "3 文字未満の語は件名と内容から探しました（スレッドのメッセージも探すには 3 文字以上の語を含めてください）。",
  "find.fallback": ({ n }: { n: number }) => `案件の検索結果 ${n} 件`,
  "find.link": "スレッドを開く",
  "find.opened": ({ date }: { date: string }) => `受付 ${date}`,

  "card.fallback": ({ number, title }: { number: string; title: string }) => `案件 ${number} ${md(title)}`,
  "card.customer": ({ customer, channel }: { customer: string; channel: string }) => `${md(customer)} · <#${channel}>`,
  "card.facts": ({ state, level, incidents }: { state: string; level: string; incidents: number }) =>
    `ステータス: ${state} · サービスレベル: ${level} · インシデント: ${incidents}`,
  "card.assignee": ({ user }: { user: string }) => `担当: <@${user}>`,
  "card.unassigned": "担当: 未割り当て",
  "card.opened": ({ user, date }: { user: string; date: string }) => `起票: <@${user}>（${date}）`,
  "card.first_response": ({ date }: { date: string }) => `初回回答: ${date}`,
  "card.closed": ({ date }: { date: string }) => `終了: ${date}`,
  "card.messages": ({ n }: { n: number }) => `スレッドのメッセージ: ${n} 件`,
  "card.next.first_response": ({ date }: { date: string }) => `次の期限: 初回回答 ${date}`,
  "card.next.expected_answer": ({ date }: { date: string }) => `次の期限: 回答予定日 ${date}`,
  "card.next.auto_close": ({ date }: { date: string }) => `次の期限: 自動クローズ ${date}`,
  "card.next.none": "次の期限: なし",
  "card.files": ({ n }: { n: number }) => `*添付ファイル（${n}）*`,
  "card.file": ({ name, user, date }: { name: string; user: string; date: string }) => `• ${md(name)} — <@${user}>（${date}）`,
  "card.files_more": ({ n }: { n: number }) => `ほか ${n} 件（履歴の出力にすべて含まれます）`,
  "card.thread": "スレッドを開く",
  "card.triage": "トリアージの投稿を開く",
  "card.export": "履歴を出力",
  "search.button": "過去の案件を検索",
  "search.title": "過去の案件を検索",
  "search.label": "番号またはキーワード",
  "search.hint": "例: 12、#0012、ライセンス認証。複数の語はすべてを含む案件を探します。",
  "search.placeholder": "ライセンス認証",
  "search.scope": "このチャンネルでご相談いただいた案件の件名・内容・スレッドのメッセージから探します。",
  "search.submit": "検索",
  "search.close": "閉じる",
};
