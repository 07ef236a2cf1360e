import type { Database } from "../db/client.ts";
import type { BusinessCalendar } from "../domain/calendar.ts";
import type { ChannelConnections } from "../domain/tenancy.ts";
import type { DigestSettings } from "./send-digest.ts";

export interface Clock { now(): Date }

/** What Slack says about a channel's Slack Connect connections (the adapter lives in src/slack). */
export interface WorkspaceDirectory {
  /** The outside workspaces connected to a channel; null when Slack could not be asked (token, network). */
  connections(channelId: string): Promise<ChannelConnections | null>;
  /** The workspace a person belongs to (null: no such person); ok false when Slack could not be asked. */
  workspaceOf?(userId: string): Promise<{ ok: true; teamId: string | null } | { ok: false }>;
}

export interface ServiceDeps {
  db: Database;
  clock: Clock;
  calendar: BusinessCalendar;
  /** Internal channel where new cases are announced; null when not configured. */
  triageChannel: string | null;
  /**
   * Called after a commit that wrote to the outbox (so delivery starts at once rather than at the next poll) or
   * moved a balance (so the views showing it are refreshed).
   */
  onOutbox?: () => void;
  /** Reads channels' connections from Slack; absent where no Slack token is configured (then managers name the workspace). */
  workspaces?: WorkspaceDirectory;
  /** Days of the trailing window the usage forecast takes its rate over (FORECAST_WINDOW_DAYS; 90 when absent). */
  forecastWindowDays?: number;
  /** The managers' weekly digest: who gets it and when (DIGEST_*); absent, nobody does. */
  digest?: DigestSettings;
}
