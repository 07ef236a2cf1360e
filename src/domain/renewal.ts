// The customer's answer to the renewal notice (R-CON-4) and their application for a renewal or an additional
// purchase (the registration form, サポートサービス登録用紙, in Slack). Pure: dates and the calendar come in as arguments.
import { addDays, isIncidentCount } from "./contract.ts";
import { noticeTime, type NoticeCalendar } from "./contract-notices.ts";

export const RENEWAL_ANSWERS = ["continue", "considering", "decline"] as const;
export type RenewalAnswer = (typeof RENEWAL_ANSWERS)[number];

export function isRenewalAnswer(value: unknown): value is RenewalAnswer {
  return typeof value === "string" && (RENEWAL_ANSWERS as readonly string[]).includes(value);
}

/** Managers are reminded this many days before the end when the customer has not answered the notice. */
export const RENEWAL_REMINDER_DAYS = 30;

/** When the reminder about a contract ending on `endsOn` falls due: a business morning, like the notices. */
export function renewalReminderDue(endsOn: string, cal: NoticeCalendar): Date {
  return noticeTime(addDays(endsOn, -RENEWAL_REMINDER_DAYS), cal);
}

export type RequestKind = "renewal" | "addition";
export type RequestState = "pending" | "registered" | "declined";

export const COMPANY_MAX = 100;
export const PERSON_MAX = 60;
export const EMAIL_MAX = 254;
export const REQUEST_NOTE_MAX = 1000;
export const DECLINE_REASON_MAX = 500;

export interface ApplicationInput {
  companyName: string;
  contactName: string;
  contactEmail: string;
  incidents: number;
  startsOn: string | null;
}

export type ApplicationField = "companyName" | "contactName" | "contactEmail" | "incidents" | "startsOn" | "note";
export type ApplicationProblem = "required" | "too_long" | "email" | "range" | "past";
export type ApplicationErrors = Partial<Record<ApplicationField, ApplicationProblem>>;

// Deliberately loose: one @, something on both sides, a dot in the domain. The manager reads it before use.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const length = (text: string) => Array.from(text).length;

/** What the form must say before a request is made; each problem names its field, shown inline on the modal. */
export function validateApplication(input: ApplicationInput & { note: string | null }, today: string): ApplicationErrors {
  const errors: ApplicationErrors = {};
  const text = (field: ApplicationField, value: string, max: number) => {
    if (!value) errors[field] = "required";
    else if (length(value) > max) errors[field] = "too_long";
  };
  text("companyName", input.companyName, COMPANY_MAX);
  text("contactName", input.contactName, PERSON_MAX);
  text("contactEmail", input.contactEmail, EMAIL_MAX);
  if (!errors.contactEmail && !EMAIL.test(input.contactEmail)) errors.contactEmail = "email";
  if (!isIncidentCount(input.incidents)) errors.incidents = Number.isNaN(input.incidents) ? "required" : "range";
  if (input.startsOn && input.startsOn < today) errors.startsOn = "past";
  if (input.note && length(input.note) > REQUEST_NOTE_MAX) errors.note = "too_long";
  return errors;
}
