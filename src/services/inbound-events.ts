// Slack's events that record what people wrote are kept in the database before they are acknowledged, and handled
// after. Acknowledging only once a message was recorded (as the app did before) made Slack wait for the whole of
// the recording, and a slow stretch of it for every message; acknowledging before anything was kept would lose a
// customer's question whenever the database failed right then. One insert is the cheapest write that is durable:
// once it is committed, the event is Slack's no longer but ours, and an attempt to handle it that fails (the
// database gone mid-way, the process killed) is made again from the stored copy until it succeeds.
import { claimEvent, dueEvents, markFailed, markHandled, purgeHandled, releaseLeases, takeEvent, type KeptKind, type StoredEvent, type Taken } from "../db/inbound-events.ts";
import { beforeTheAnswer } from "../lib/answer-first.ts";
import type { ServiceDeps } from "./deps.ts";

/** How long one attempt may take before another replica (or the next pass) may try the event again. */
export const EVENT_LEASE_MS = 15_000;
/** Attempts before an event is set aside (logged as an error, kept for an operator). */
export const EVENT_ATTEMPTS = 8;
/** Handled events are remembered this long, beyond Slack's last redelivery (about five minutes after the first). */
const REMEMBER_MS = 24 * 60 * 60 * 1000;

type Deps = Pick<ServiceDeps, "db" | "clock">;
export type { KeptKind };

/** The wait before attempt `attempts + 1`: 5 s, 10 s, 20 s … at most 10 minutes; null once there are no more. */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= EVENT_ATTEMPTS) return null;
  return Math.min(5_000 * 2 ** (attempts - 1), 600_000);
}

/**
 * Keeps an event before Slack is answered; throws when the database cannot take it (Slack then delivers it again).
 * `handledHere`: this process handles it right after, so it is leased to it; otherwise it is due at once for a
 * worker to claim.
 */
export async function receiveEvent(deps: Deps, input: { eventId: string; kind: KeptKind; body: string; handledHere: boolean }): Promise<Taken> {
  const at = deps.clock.now();
  const { handledHere, ...event } = input;
  try {
    // Slack's answer waits for this insert: its statement goes before the background's (loop-turns.ts).
    const taken = await beforeTheAnswer(() => takeEvent(deps.db, { ...event, at, leaseUntil: handledHere ? new Date(at.getTime() + EVENT_LEASE_MS) : null }));
    deps.db.health.ok();
    return taken;
  } catch (error) {
    // Readiness says so, as a failed transaction would.
    deps.db.health.failed(error);
    throw error;
  }
}

export async function eventHandled(deps: Deps, id: number): Promise<void> {
  await markHandled(deps.db, id, deps.clock.now());
}

/** Records a failed attempt; returns whether the event will be tried again. */
export async function eventFailed(deps: Deps, id: number, attempts: number, error: string): Promise<boolean> {
  const at = deps.clock.now();
  const delay = retryDelayMs(attempts);
  await markFailed(deps.db, id, { error, at, retryAt: delay === null ? null : new Date(at.getTime() + delay) });
  return delay !== null;
}

/** The events due again, each taken for one attempt by this caller (oldest first). */
export async function claimDueEvents(deps: Deps, limit: number): Promise<StoredEvent[]> {
  const now = deps.clock.now();
  const leaseUntil = new Date(now.getTime() + EVENT_LEASE_MS);
  const claimed: StoredEvent[] = [];
  for (const event of await dueEvents(deps.db, now, limit)) {
    if (await claimEvent(deps.db, event, leaseUntil)) claimed.push({ ...event, attempts: event.attempts + 1 });
  }
  return claimed;
}

export async function forgetHandledEvents(deps: Deps): Promise<number> {
  return purgeHandled(deps.db, new Date(deps.clock.now().getTime() - REMEMBER_MS));
}

/**
 * At the start of the one process that both receives and handles events on SQLite (the role `all`, which serves
 * an SQLite file alone): an event still leased was being handled by the process that stopped, so it is due at once
 * rather than when the lease would have run out. Nowhere else: on PostgreSQL another replica may be handling it
 * right now, and on SQLite a web process never handles events and a worker may share the file with another worker
 * that holds the lease (a lease names no holder); there the lease decides, after at most EVENT_LEASE_MS.
 */
export async function resumeInterruptedEvents(deps: Deps): Promise<number> {
  if (deps.db.provider !== "sqlite") return 0;
  return releaseLeases(deps.db, deps.clock.now());
}
