// The demo's own words: the narrator's lines between the app's messages, and what the scripted people write.
// Kept apart from the app's catalogues (src/slack/i18n), which hold only what the app says in Slack. The
// narration follows the language of the customer's channel, like the app's messages it introduces.
import type { Locale } from "../config.ts";

const WEEKDAYS_JA = ["日", "月", "火", "水", "木", "金", "土"];
const WEEKDAYS_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

const ja = {
  intro: "incident-desk デモ: 本物のアプリを Slack の代役（手元のスタンドイン）につなぎ、一日を再生します。",
  intro2: "Slack アプリは不要です。データは一時ファイルの SQLite に入り、終了時に削除されます。",
  when: (date: string, weekday: number, time: string) => `${date}（${WEEKDAYS_JA[weekday]}）${time}`,
  manager: (id: string) => `管理者 (${id})`,
  engineer: (id: string) => `エンジニア (${id})`,
  customer: (id: string) => `お客様 (${id})`,
  /** How people are mentioned in the app's messages (Slack would show their display names). */
  mention: { manager: "管理者", engineer: "エンジニア", customer: "お客様" },
  customerChannelName: "sample-support",
  customerChannel: "#sample-support（お客様と共有の Slack コネクトチャンネル）",
  triageChannel: "#t4u-triage（T4U 社内）",
  managersChannel: "#t4u-managers（T4U 社内）",
  modal: (title: string, who: string) => `モーダル「${title}」— ${who} の画面`,
  inputs: (labels: string) => `入力欄: ${labels}`,
  onlyFor: (who: string) => `（${who} にだけ表示）`,
  updated: "（更新）",
  balance: (available: number, reserved: number, consumed: number) => `残高: 利用可能 ${available} / 予約 ${reserved} / 消費 ${consumed}`,
  register: (who: string, customer: string, n: number) => `${who} が /balance register で登録: ${customer}（${n} インシデント）`,
  open: (who: string, button: string, title: string) => `${who} が「${button}」ボタンから案件を作成: ${title}`,
  answer: (who: string) => `${who} がスレッドで回答`,
  followUp: (who: string) => `${who} がスレッドで追加の質問`,
  propose: (who: string, option: string) => `${who} が案件メニューの「${option}」から、理由を添えて提案`,
  approve: (who: string, button: string) => `${who} が提案の「${button}」をクリック（確認ダイアログでも承認）`,
  resolve: (who: string, button: string) => `${who} が「${button}」をクリック`,
  silence: (who: string) => `${who} がスレッドで回答 — この後、お客様からの返信はありません`,
  remind: (days: number, before: number) => `時計を進めます: 最後の回答から ${days} 営業日（自動クローズの ${before} 営業日前）。スケジューラーの定期処理が動きます`,
  autoClose: (days: number) => `時計を進めます: 最後の回答から ${days} 営業日、ご返信なし。スケジューラーの定期処理が動きます（R-LIFE-2）`,
  forecast: (who: string, command: string) => `${who} が ${command} で契約の残高と利用見込み（使い切る時期・更新の目安）を確認`,
  statement: (who: string, button: string) => `${who} が受付メッセージの「${button}」ボタンで利用明細を確認（自社の契約のみ）`,
  renewalNotice: (days: number) => `時計を進めます: 契約終了の ${days} 日前。スケジューラーがお客様のチャンネルに更新のご案内を送ります（R-CON-4）`,
  renewalAnswer: (who: string, button: string) => `${who} が更新のご案内の「${button}」をクリック — ご意向が記録され、お申し込みフォームが開きます`,
  apply: (who: string) => `${who} がお申し込みフォーム（登録用紙）を送信 — 契約ではなく、お申し込みとして管理者に届きます（R-CON-5）`,
  registerRequest: (who: string, button: string) => `${who} がトリアージのお申し込みの「${button}」から、記入済みの更新フォームで登録`,
  end: "デモ終了。",
  script: {
    customerName: "株式会社サンプル",
    case1Title: "ライセンス認証でエラーが表示される",
    case1Description: "本日の更新後、ライセンス認証の画面でエラー E-1024 が表示され、ログインできません。",
    answer1: "お問い合わせありがとうございます。E-1024 は認証サーバーとの時刻のずれで発生します。サーバーの時刻同期をご確認いただけますでしょうか。",
    followUp: "時刻同期は正常でした。検証環境でも同じエラーが出ます。ほかに原因は考えられますか？",
    proposalReason: "お客様の検証環境と同じ構成を弊社で再現し、原因を特定する必要があります。",
    answer2: "再現環境で原因を特定しました。証明書の中間 CA が更新されていないためです。手順書を添付しますので、更新をお願いいたします。",
    case2Title: "帳票の印刷レイアウトが崩れる",
    case2Description: "請求書を PDF に出力すると、2 ページ目以降の罫線がずれます。",
    answer3: "プリンタードライバーの余白設定が原因と思われます。設定画面で「余白を自動調整」を外して、お試しいただけますでしょうか。",
    contactName: "山田 太郎",
    contactEmail: "yamada@example.co.jp",
  },
};

type Narration = typeof ja;

const en: Narration = {
  intro: "incident-desk demo: the real app, connected to a local stand-in for Slack's Web API, plays through one day.",
  intro2: "No Slack app needed. The data goes to a temporary SQLite file, deleted at the end.",
  when: (date: string, weekday: number, time: string) => `${WEEKDAYS_EN[weekday]} ${date} ${time}`,
  manager: (id: string) => `Manager (${id})`,
  engineer: (id: string) => `Engineer (${id})`,
  customer: (id: string) => `Customer (${id})`,
  mention: { manager: "manager", engineer: "engineer", customer: "customer" },
  customerChannelName: "sample-support",
  customerChannel: "#sample-support (Slack Connect channel shared with the customer)",
  triageChannel: "#t4u-triage (T4U internal)",
  managersChannel: "#t4u-managers (T4U internal)",
  modal: (title: string, who: string) => `Modal "${title}" — on ${who}'s screen`,
  inputs: (labels: string) => `Fields: ${labels}`,
  onlyFor: (who: string) => `(only ${who} sees this)`,
  updated: " (updated)",
  balance: (available: number, reserved: number, consumed: number) => `Balance: available ${available} / reserved ${reserved} / consumed ${consumed}`,
  register: (who: string, customer: string, n: number) => `${who} registers a contract with /balance register: ${customer}, ${n} incidents`,
  open: (who: string, button: string, title: string) => `${who} opens a case with the "${button}" button: ${title}`,
  answer: (who: string) => `${who} answers in the thread`,
  followUp: (who: string) => `${who} asks a follow-up question in the thread`,
  propose: (who: string, option: string) => `${who} proposes "${option}" from the case menu, with a reason`,
  approve: (who: string, button: string) => `${who} clicks "${button}" on the proposal (and confirms)`,
  resolve: (who: string, button: string) => `${who} clicks "${button}"`,
  silence: (who: string) => `${who} answers in the thread — the customer does not reply after this`,
  remind: (days: number, before: number) => `Moving the clock: ${days} business days after the last answer (${before} before the automatic close). The scheduler runs its pass`,
  autoClose: (days: number) => `Moving the clock: ${days} business days after the last answer, no reply. The scheduler runs its pass (R-LIFE-2)`,
  forecast: (who: string, command: string) => `${who} checks the contract's balance and usage forecast (when it runs out, how big a renewal) with ${command}`,
  statement: (who: string, button: string) => `${who} looks at the usage statement with the "${button}" button on the entry message (their own contract only)`,
  renewalNotice: (days: number) => `Moving the clock: ${days} days before the contract ends. The scheduler posts the renewal notice in the customer's channel (R-CON-4)`,
  renewalAnswer: (who: string, button: string) => `${who} clicks "${button}" on the renewal notice — the answer is recorded and the application form opens`,
  apply: (who: string) => `${who} sends the application form (the registration form) — it reaches managers as a request, not a contract (R-CON-5)`,
  registerRequest: (who: string, button: string) => `${who} registers it with "${button}" on the request in the triage channel, the renewal form filled in from it`,
  end: "End of the demo.",
  script: {
    customerName: "Sample Corporation",
    case1Title: "License activation shows an error",
    case1Description: "Since today's update, the license activation screen shows error E-1024 and we cannot log in.",
    answer1: "Thank you for contacting us. E-1024 appears when the server's clock drifts from the license server's. Could you check the server's time synchronisation?",
    followUp: "Time synchronisation is fine. Our test environment shows the same error. What else could cause it?",
    proposalReason: "We need to rebuild your test environment's configuration on our side to find the cause.",
    answer2: "We found the cause in the reproduced environment: the intermediate CA certificate was not updated. The attached procedure explains how to update it.",
    case2Title: "Printed report layout is broken",
    case2Description: "When invoices are exported to PDF, the ruled lines shift from page 2 onwards.",
    answer3: "The printer driver's margin setting is the likely cause. Could you untick \"Adjust margins automatically\" in its settings and try again?",
    contactName: "Taro Yamada",
    contactEmail: "yamada@example.co.jp",
  },
};

export function narration(locale: Locale): Narration {
  return locale === "en" ? en : ja;
}

export type { Narration };
