// Reads the Slack edge needs before it can decide anything: which channel a case lives in, which customer a
// channel serves, which case a message or a report version belongs to. Listeners call these instead of the
// database, so every query stays behind src/db.
import type { Locale } from "../config.ts";
import { caseIdAtMessage, channelIdOfCase, actionTermsOf } from "../db/cases/reads.ts";
import { channelWithCustomer, registeredChannels } from "../db/channels/teams.ts";
import { mutedTopics } from "../db/notifications.ts";
import { caseIdOfReportVersion, reportVersionNumbered, reportVersionWithCase } from "../db/cases/reports.ts";
import { findRequest, type RequestRow } from "../db/contracts/renewals.ts";
import { storedLocale } from "../domain/locale.ts";
import type { ServiceDeps } from "./deps.ts";

type Reads = Pick<ServiceDeps, "db">;

export type { RequestRow };

export interface ChannelContext {
  channelId: string;
  customerId: number;
  customerName: string;
  /** Workspaces whose people are this channel's customer (registered, or confirmed by a manager). */
  customerTeamIds: readonly string[];
  locale: Locale;
}

/** The registered channel with this id, or null when it is not a customer's channel. */
export async function channelContextOf(deps: Reads, channelId: string): Promise<ChannelContext | null> {
  const channel = await channelWithCustomer(deps.db.client, channelId);
  if (!channel) return null;
  return {
    channelId, customerId: channel.customerId, customerName: channel.customer.name,
    customerTeamIds: channel.teams.map((t) => t.teamId), locale: storedLocale(channel.locale),
  };
}

/** Registered channels to choose from when a case is opened outside any of them. */
export function channelChoices(deps: Reads, limit = 100): Promise<Array<{ channelId: string; customerName: string }>> {
  return registeredChannels(deps.db.client, limit);
}

export function caseChannelOf(deps: Reads, caseId: number): Promise<string | null> {
  return channelIdOfCase(deps.db.client, caseId);
}

export function caseAtMessage(deps: Reads, channelId: string, ts: string): Promise<number | null> {
  return caseIdAtMessage(deps.db.client, channelId, ts);
}

export function caseActionTerms(deps: Reads, caseId: number) {
  return actionTermsOf(deps.db.client, caseId);
}

export function reportVersionCase(deps: Reads, versionId: number): Promise<number | null> {
  return caseIdOfReportVersion(deps.db.client, versionId);
}

export function reportVersionForReview(deps: Reads, versionId: number) {
  return reportVersionWithCase(deps.db.client, versionId);
}

export function reportVersionOf(deps: Reads, caseId: number, number: number) {
  return reportVersionNumbered(deps.db.client, caseId, number);
}

export function purchaseRequestOf(deps: Reads, id: number): Promise<RequestRow | null> {
  return findRequest(deps.db.client, id);
}

/** The notification kinds a person has turned off in App Home. */
export function mutedTopicsOf(deps: Reads, userId: string) {
  return mutedTopics(deps.db.client, userId);
}
