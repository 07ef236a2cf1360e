import type { Database } from "../db/client.ts";
import type { BusinessCalendar } from "../domain/calendar.ts";

export interface Clock { now(): Date }

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
}
