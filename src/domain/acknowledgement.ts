// Which of a customer's top-level messages deserve the offer to make them a case. A short thanks or acknowledgement
// (「ありがとうございました」, 「承知しました」, "thanks!", a lone emoji) is not a question: offering a case under it is
// noise in a channel both organisations read. The rule, kept deliberately narrow so a real question is never
// missed: a message with a question mark is always a question; otherwise, a message of at most 40 characters that is
// courtesy phrases with punctuation, emoji and mentions (at most 4 other characters left), or only emoji and
// mentions, is an acknowledgement.
const MAX_LENGTH = 40;
const MAX_LEFT = 4;

// Longest first, so that 「ありがとうございました」 is taken whole before 「ありがとう」.
const PHRASES = [
  "ありがとうございました", "ありがとうございます", "有難うございました", "有難うございます", "有り難うございます", "ありがとう",
  "よろしくお願いいたします", "よろしくお願い致します", "宜しくお願い致します", "宜しくお願いいたします", "よろしくお願いします", "よろしくです",
  "承知いたしました", "承知しました", "かしこまりました", "了解いたしました", "了解しました", "了解です", "了解", "承知",
  "確認いたしました", "確認しました", "拝見しました", "わかりました", "分かりました", "解決しました", "助かりました",
  "お疲れ様です", "お疲れさまです", "おつかれさまです", "お手数をおかけしました", "早速の", "ご対応", "ご回答", "ご連絡", "ご確認",
  "いただき", "頂き", "くださり", "下さり", "本当に", "誠に", "大変", "どうも", "様", "さま",
  "thank you very much", "thank you", "thanks", "thx", "got it", "noted", "okay", "ok", "great", "perfect", "cheers", "many", "much",
].sort((a, b) => b.length - a.length);

/** Mentions, links, Slack emoji codes, pictographs, punctuation and spaces: none of them asks anything. */
const NOISE = /<[^<>]*>|:[a-z0-9_+'-]+:|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u200d|\ufe0f|[\p{P}\p{S}\s]/gu;

export function isAcknowledgement(text: string): boolean {
  if (/[?？]/.test(text)) return false;
  const trimmed = text.trim();
  if (Array.from(trimmed).length > MAX_LENGTH) return false;
  const words = trimmed.toLowerCase().replace(NOISE, "");
  let left = words;
  for (const phrase of PHRASES) left = left.split(phrase.replace(/\s/g, "")).join("");
  // Nothing but emoji and mentions; or courtesy phrases with at most a few characters besides ("エラー" alone is a problem).
  return words === "" || (left !== words && Array.from(left).length <= MAX_LEFT);
}
