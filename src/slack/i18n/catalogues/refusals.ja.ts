// What every refusal a customer can meet ends with: where to turn next (SUPPORT_CONTACT).
// Every key here must exist in refusals.en.ts too (the type checker enforces it).

export const refusalsJa = {
  "refusal.next_step": ({ contact }: { contact: string }) => `ご不明な点がございましたら、${contact} までお問い合わせください。`,
  "refused.unknown_case_customer": "恐れ入りますが、該当する案件が見つかりませんでした。お手数ですが、案件のスレッドから最新の内容をご確認ください。",
};
