// The customer's side of the desk: the offer on a customer's own message, the modal's warnings, notices that
// tie a message to its case, and the controls T4U uses to look after a channel's entry message.
// Every key here must exist in customer.en.ts too (the type checker enforces it).

export const customerJa = {
  "offer.text": "お問い合わせいただき、ありがとうございます。この内容をサポート案件としてお送りになる場合は、下のボタンから内容をご確認のうえ送信してください。" +
    "送信いただいた時点で 1 インシデント（サービスレベルAは 3 インシデント）を予約いたします。送信されるまでインシデントは使われません（このご案内はご本人にのみ表示されています）。",
  "offer.button": "この内容で案件を作成",
  "offer.already": ({ number }: { number: string }) =>
    `このメッセージは既に案件 ${number} として受け付けています。続きは案件のスレッドにご返信ください。`,
  "linked.text": ({ number, link }: { number: string; link: string }) =>
    `このメッセージを案件 ${number} として受け付けました。以降のやり取りは <${link}|案件 ${number} のスレッド> でお願いいたします。`,

  "refused.other_customer": "恐れ入りますが、このチャンネルで案件の作成や残高の確認ができるのは、ご契約のお客様と T4U の担当者のみです。",
  "modal.open.blocked": "現在、新しい案件を作成できません。",
  "error.exhausted": ({ contact }: { contact: string }) =>
    `恐れ入りますが、ご契約のインシデントをすべてご利用いただいたため、現在のご契約は終了しております。引き続きのご依頼には契約の更新が必要です。お手続きについては ${contact} までお問い合わせください。`,
  "error.duplicate_source": ({ number }: { number: string }) =>
    `このメッセージは既に案件 ${number} として受け付けています。案件のスレッドからご確認ください。`,

  "support.entry_posted": ({ channel }: { channel: string }) =>
    `<#${channel}> に案件作成メッセージを投稿し直し、ピン留めします。`,
  "support.entry_where": "案件作成メッセージは、登録済みのお客様チャンネルで `/support entry` を実行すると投稿し直せます。",
  "shortcut.refused": "メッセージから案件を作成できるのは、T4U のサポート担当と管理者のみです。",
  "shortcut.not_registered": "このチャンネルはサポート契約に登録されていないため、ここのメッセージから案件は作成できません。登録は管理者が `npm run cli -- contract add` で行います。",
  // The case modal while it works: opened at once on the click, answered at once on submission.
  "modal.open.loading": ":hourglass_flowing_sand: 入力フォームを準備しております。少々お待ちください。",
  "modal.open.retry": "ただいま混み合っており、入力フォームを開けませんでした。恐れ入りますが、もう一度ボタンを押してください。",
  "modal.open.retry_command": "ただいま混み合っており、入力フォームを開けませんでした。恐れ入りますが、もう一度 `/support` を実行してください。",
  "modal.open.retry_shortcut": "ただいま混み合っており、入力フォームを開けませんでした。恐れ入りますが、もう一度メッセージのショートカット「メッセージから案件を作成」を選択してください。",
  "modal.open.submitting": ":hourglass_flowing_sand: *受付中…*\n送信いただいた内容を確認し、案件を作成しております。このまま少々お待ちください。",
  "modal.open.opened": ({ number, incidents, channel }: { number: string; incidents: number; channel: string }) =>
    `:white_check_mark: *案件 ${number} を受け付けました。*\n${incidents} インシデントを予約いたしました（案件の終了時に消費され、キャンセルとなった場合は返却いたします）。` +
    `以降のやり取りは、<#${channel}> に投稿される案件 ${number} のスレッドでお願いいたします。`,
  "modal.open.refused": "案件を作成できませんでした。",
  "modal.open.unavailable": "恐れ入りますが、ただいま処理を完了できませんでした。しばらくしてから、もう一度お試しください。",
  "modal.close": "閉じる",
};
