// Message catalogues: Japanese first (the default), English second. Each feature keeps its messages in its own
// pair of files under catalogues/ (<feature>.ja.ts, <feature>.en.ts), merged here.
import type { Locale } from "../../config.ts";
import type { CaseNotice, CaseNoticeKey, CaseNoticeParams, ChannelNotice, ChannelNoticeKey, ChannelNoticeParams } from "../../services/notices.ts";
import { coreEn } from "./catalogues/core.en.ts";
import { coreJa } from "./catalogues/core.ja.ts";
import { contractsEn } from "./catalogues/contracts.en.ts";
import { contractsJa } from "./catalogues/contracts.ja.ts";
import { customerEn } from "./catalogues/customer.en.ts";
import { customerJa } from "./catalogues/customer.ja.ts";
import { engineerEn } from "./catalogues/engineer.en.ts";
import { engineerJa } from "./catalogues/engineer.ja.ts";
import { insightsEn } from "./catalogues/insights.en.ts";
import { insightsJa } from "./catalogues/insights.ja.ts";
import { outboxEn } from "./catalogues/outbox.en.ts";
import { outboxJa } from "./catalogues/outbox.ja.ts";
import { reportEn } from "./catalogues/report.en.ts";
import { reportJa } from "./catalogues/report.ja.ts";
import { renewalEn } from "./catalogues/renewal.en.ts";
import { renewalJa } from "./catalogues/renewal.ja.ts";
import { caseworkEn } from "./catalogues/casework.en.ts";
import { caseworkJa } from "./catalogues/casework.ja.ts";
import { schedulerEn } from "./catalogues/scheduler.en.ts";
import { schedulerJa } from "./catalogues/scheduler.ja.ts";
import { refusalsEn } from "./catalogues/refusals.en.ts";
import { channelCasesEn } from "./catalogues/channel-cases.en.ts";
import { channelCasesJa } from "./catalogues/channel-cases.ja.ts";
import { refusalsJa } from "./catalogues/refusals.ja.ts";

const ja = { ...coreJa, ...contractsJa, ...customerJa, ...engineerJa, ...caseworkJa, ...schedulerJa, ...outboxJa, ...reportJa, ...insightsJa, ...renewalJa, ...refusalsJa, ...channelCasesJa };
const en: typeof ja = { ...coreEn, ...contractsEn, ...customerEn, ...engineerEn, ...caseworkEn, ...schedulerEn, ...outboxEn, ...reportEn, ...insightsEn, ...renewalEn, ...refusalsEn, ...channelCasesEn };

export type MessageKey = keyof typeof ja;
type Catalogue = typeof ja;
export type Params<K extends MessageKey> = Catalogue[K] extends (p: infer P) => string ? [P] : [];

const catalogues: Record<Locale, Catalogue> = { ja, en };

export function t<K extends MessageKey>(locale: Locale, key: K, ...params: Params<K>): string {
  const entry: unknown = catalogues[locale][key];
  if (typeof entry === "function") return (entry as (p: unknown) => string)(params[0]);
  return entry as string;
}

/**
 * The notices services write to the outbox (src/services/notices.ts), in both languages. These two assignments are
 * the check that keeps services and catalogues in step: every notice has a text, and no text asks for a parameter
 * its service does not give. A case's notices also get the case's number, which delivery knows.
 */
type CaseNoticeTexts = { [K in CaseNoticeKey]: (p: CaseNoticeParams[K] & { number: string }) => string };
type ChannelNoticeTexts = { [K in ChannelNoticeKey]: (p: ChannelNoticeParams[K]) => string };
const caseNoticeTexts: Record<Locale, CaseNoticeTexts> = catalogues;
const channelNoticeTexts: Record<Locale, ChannelNoticeTexts> = catalogues;

/** The text of a notice about a case, naming the case by its number. */
export function caseNoticeText<K extends CaseNoticeKey>(locale: Locale, notice: CaseNotice<K>, number: string): string {
  return caseNoticeTexts[locale][notice.notice]({ ...notice.params, number });
}

/** The text of a notice about a contract, a channel or the outbox. */
export function channelNoticeText<K extends ChannelNoticeKey>(locale: Locale, notice: ChannelNotice<K>): string {
  return channelNoticeTexts[locale][notice.notice](notice.params);
}

/** A translator bound to one locale, handed to view builders. */
export type Translate = <K extends MessageKey>(key: K, ...params: Params<K>) => string;

export function translator(locale: Locale): Translate {
  return (key, ...params) => t(locale, key, ...params);
}

/** Slack's user locale ("ja-JP", "en-US") to one of ours; Japanese unless clearly English. */
export function localeFrom(slackLocale: string | undefined, fallback: Locale): Locale {
  if (!slackLocale) return fallback;
  if (slackLocale.startsWith("en")) return "en";
  if (slackLocale.startsWith("ja")) return "ja";
  return fallback;
}
