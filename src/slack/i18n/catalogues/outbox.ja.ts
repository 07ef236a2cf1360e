// What the outbox tells T4U in the triage channel when Slack refuses its messages. Internal, for engineers and
// managers; commands are shown as they are typed. Every key here must exist in outbox.en.ts too.

/** Why Slack refuses, and what brings the messages back, by Slack's error code. */
function channelCause(cause: string): string {
  switch (cause) {
    case "not_in_channel": return "アプリがチャンネルのメンバーではありません。アプリをチャンネルに追加すると、保留中のメッセージを自動で送信します。";
    case "channel_not_found": return "アプリからチャンネルが見えません（削除されたか、アプリが参加していない非公開チャンネルです）。アプリをチャンネルに追加すると、保留中のメッセージを自動で送信します。";
    case "is_archived": return "チャンネルがアーカイブされています。アーカイブを解除したうえで、下記のコマンドで再送してください。";
    default: return "チャンネルの設定で投稿が制限されています。設定を見直したうえで、下記のコマンドで再送してください。";
  }
}

export const outboxJa = {
  "triage.outbox_held_channel": ({ cause, channel }: { cause: string; channel: string }) =>
    `:warning: <#${channel}> へのメッセージを Slack が受け付けませんでした（${cause}）。このチャンネルへのメッセージは送信を保留しています。\n` +
    `${channelCause(cause)}\n再送: \`npm run cli -- outbox retry --channel ${channel}\` ／ 保留中の一覧: \`npm run cli -- outbox list --held\``,
  "triage.outbox_held_auth": ({ cause }: { cause: string; channel: string }) =>
    `:warning: Slack がアプリのトークンを受け付けませんでした（${cause}）。その間のメッセージはすべて送信を保留し、トークンが使えるかを定期的に確認していました。` +
    "トークンが再び使えるようになったため、保留していたメッセージを順に送信しています。" +
    "繰り返し発生する場合は、SLACK_BOT_TOKEN とアプリのインストール状態をご確認ください。",
  "triage.case_not_posted": ({ number, channel, cause }: { number: string; channel: string; cause: string }) =>
    `:rotating_light: 案件 ${number} をお客様のチャンネル <#${channel}> に投稿できていません（${cause}）。お客様にはまだ案件が表示されていません（インシデントは予約済みです）。` +
    "原因が解消されると自動で投稿します。",
  "triage.case_refused": ({ number, channel, cause }: { number: string; channel: string; cause: string }) =>
    `:rotating_light: 案件 ${number} をお客様のチャンネル <#${channel}> に投稿できませんでした（${cause}）。Slack がこのメッセージを受け付けないため、自動では再送しません。` +
    `お客様にはまだ案件が表示されていません（インシデントは予約済みです）。対応後の再送: \`npm run cli -- outbox list --failed --channel ${channel}\` で番号を確認し \`npm run cli -- outbox retry --id <番号>\``,
};
