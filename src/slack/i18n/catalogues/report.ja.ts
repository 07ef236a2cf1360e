// What the app says about the formal report of a level A case (正式の報告書): the words printed in the PDF, the
// draft modal, the review in the triage channel and the delivery to the customer. Every key here must exist in
// report.en.ts too.
import { md } from "../../views/mrkdwn.ts";

export const reportJa = {
  "case.menu.report": "報告書を作成",

  "report.pdf.title": "調査報告書",
  "report.pdf.addressee": ({ customer }: { customer: string }) => `${customer} 御中`,
  "report.pdf.edition": ({ edition }: { edition: number }) => `第${edition}版`,
  "report.pdf.draft": ({ version }: { version: number }) => `草稿（v${version}・未送付）`,
  "report.pdf.issued_on": ({ date }: { date: string }) => `発行日: ${date}`,
  "report.pdf.changes": ({ edition }: { edition: number }) => `第${edition}版での変更点`,
  "report.pdf.none": "該当なし",
  "report.pdf.page": ({ page, total }: { page: number; total: number }) => `${page} / ${total}`,
  "report.section.subject": "件名",
  "report.section.summary": "概要",
  "report.section.events": "発生事象",
  "report.section.investigation": "調査・検証の内容",
  "report.section.cause": "原因",
  "report.section.measures": "対策・回避策",
  "report.section.nextSteps": "今後の対応",
  "report.field.case": "案件番号",
  "report.field.product": "製品・バージョン",
  "report.field.received": "受付日",
  "report.field.answered": "回答日",
  "report.field.engineer": "担当",

  "report.modal.title": "報告書の作成",
  "report.modal.submit": "保存",
  "report.modal.summary": ({ number, title, customer }: { number: string; title: string; customer: string }) =>
    `*${number} ${md(title)}*\n${md(customer)} · サービスレベルA（正式の報告書）`,
  "report.modal.new": "保存すると v1 になります。保存するたびに新しい版として残ります。",
  "report.modal.next": ({ version, previous, state }: { version: number; previous: number; state: string }) =>
    `前回の v${previous}（${state}）の内容を表示しています。保存すると v${version} になります。`,
  "report.modal.delivered": ({ editions }: { editions: string }) => `お客様へ送付済み: ${editions}`,
  "report.modal.product": "製品・バージョン",
  "report.modal.answered": "回答日",
  "report.modal.engineer": "担当（報告書に記載する氏名）",
  "report.modal.review": "レビュー",
  "report.modal.request_review": "保存してレビューを依頼する（トリアージチャンネル）",
  "report.modal.change_note": ({ edition }: { edition: number }) => `第${edition}版での変更点（報告書とお客様へのお知らせに記載します）`,
  "report.modal.required": "この項目は必須です。",
  "report.state.draft": "下書き",
  "report.state.in_review": "レビュー待ち",
  "report.state.changes_requested": "修正依頼あり",
  "report.state.approved": "承認済み",
  "report.state.superseded": "新しい版あり",

  "report.saved": ({ number, version }: { number: string; version: number }) => `${number} の報告書 v${version} を保存しました。`,
  "report.saved_review": ({ number, version }: { number: string; version: number }) =>
    `${number} の報告書 v${version} を保存し、トリアージチャンネルでレビューを依頼しました。`,
  "report.review.text": ({ number, version, author }: { number: string; version: number; author: string }) =>
    `${number} 報告書 v${version} のレビュー依頼（作成: <@${author}>）`,
  "report.review.header": ({ number, version, title }: { number: string; version: number; title: string }) =>
    `*${number} 調査報告書 v${version}* — ${md(title)}`,
  "report.review.author": ({ author, version }: { author: string; version: number }) =>
    `<@${author}> が v${version} を保存しました。作成者以外のエンジニア、または管理者が承認してください。`,
  "report.review.approve": "承認",
  "report.review.changes": "修正を依頼",
  "report.review.approved": ({ reviewer }: { reviewer: string }) => `✅ <@${reviewer}> が承認しました。`,
  "report.review.changes_requested": ({ reviewer, comment }: { reviewer: string; comment: string }) =>
    `✏️ <@${reviewer}> が修正を依頼しました: ${md(comment)}`,
  "report.review.superseded": "この版より新しい版が保存されています。",
  "report.review.delivered": ({ edition, by }: { edition: number; by: string }) => `📄 第${edition}版として <@${by}> がお客様へ送付しました。`,
  "report.review.deliver": "お客様へ送付",
  "report.review.reissue": "改訂版を作成",
  "report.changes.title": "修正の依頼",
  "report.changes.comment": "作成者へのコメント",

  "report.refused.not_level_a": ({ number }: { number: string }) => `${number} はサービスレベルAの案件ではないため、報告書は作成できません。`,
  "report.refused.role": "報告書の作成と送付はT4Uのエンジニア、レビューはエンジニアまたは管理者のみ行えます。",
  "report.refused.own_version": "ご自身が保存した版は承認できません。作成者以外のエンジニア、または管理者の承認が必要です。",
  "report.refused.not_in_review": ({ state }: { state: string }) => `この版はレビュー待ちではありません（${state}）。`,
  "report.refused.not_deliverable": "お送りできるのは、承認済みでまだ送付していない最新の版だけです。",
  "report.refused.unknown": "この報告書は見つかりませんでした。",
  "report.deliver_failed": "報告書をお客様のチャンネルにアップロードできませんでした。送付は記録していません。もう一度お試しください。",
  "report.delivered.comment": ({ number, edition }: { number: string; edition: number }) =>
    `案件 ${number} の調査報告書（第${edition}版）をお送りいたします。ご査収くださいますようお願い申し上げます。`,
  "report.delivered.reissue": ({ number, edition, note }: { number: string; edition: number; note: string }) =>
    `案件 ${number} の調査報告書を改訂し、第${edition}版をお送りいたします。\n変更点: ${md(note)}\nお手数をおかけいたしますが、以前の版に代えてこちらをご参照くださいますようお願い申し上げます。`,
  "report.delivered.ack": ({ number, edition }: { number: string; edition: number }) => `${number} の報告書を第${edition}版としてお客様へ送付しました。`,

  "report.resolve.title": "解決の確認",
  "report.resolve.body": ({ number }: { number: string }) =>
    `${number} は正式の報告書のためのサービスレベルAの案件ですが、報告書をまだお客様へ送付していません。このまま解決しますか？`,
  "report.resolve.submit": "解決する",
};
