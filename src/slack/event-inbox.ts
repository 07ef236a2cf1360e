// Slack's events that record what people wrote (messages; the app joining a channel) are answered once they are
// kept, not once they are handled: the event is stored (one insert, src/services/inbound-events.ts), Slack gets its
// 200, and the event is handled right after from the same process. Bolt acknowledges every event before its
// listener runs, which would leave Slack sure of a delivery that a failing database never recorded; handling first
// made every message wait for its whole recording. If the insert fails, the request is answered 500 and Slack
// delivers the event again (at once, after about a minute, after about five). If the handling fails after the
// insert, the stored event is handled again later by whichever replica's pass takes it first. Recording is keyed
// on the message's channel and ts, so an event handled twice (a handler killed after its work) changes nothing.
// Split in two roles (src/roles/), a web process only keeps and answers, and a worker claims each kept event from
// the database and handles it, so that the receiving event loop never runs the handling.
import { AsyncLocalStorage } from "node:async_hooks";
import type { App } from "@slack/bolt";
import { faultSummary } from "../db/health.ts";
import type { Logger } from "../logger.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { claimDueEvents, eventFailed, eventHandled, forgetHandledEvents, receiveEvent, resumeInterruptedEvents, type KeptKind } from "../services/inbound-events.ts";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

/** Events kept before they are acknowledged: messages (recorded in cases) and the app joining a channel. */
const KEPT: ReadonlySet<string> = new Set<KeptKind>(["message", "member_joined_channel"]);
const isKept = (kind: unknown): kind is KeptKind => typeof kind === "string" && KEPT.has(kind);

const failures = new AsyncLocalStorage<{ failed: boolean; error?: string }>();

/** Bolt's error handler calls this: a listener failed while handling the event of this async context. */
export function noteListenerFailure(error?: unknown): void {
  const store = failures.getStore();
  if (!store) return;
  store.failed = true;
  store.error ??= error === undefined ? "listener failed" : faultSummary(error);
}

export class EventNotHandled extends Error {}

/**
 * `handle` (the role `all`): keeps, answers, handles at once; looks for events due again; resumes the last run's.
 * `keep` (a web process): keeps and answers only, then calls `onKept` so that a worker hears of it.
 * `claim` (a worker): receives nothing itself; handles every kept event, claimed from the database at each pass.
 */
export type InboxMode = "handle" | "keep" | "claim";

export interface EventInboxOptions {
  logger: Logger;
  /** How often stored events due (again) are looked for (ms). */
  pollMs?: number;
  mode?: InboxMode;
  /** A web process's new event was kept (mode `keep`). */
  onKept?: () => void;
}

const noAck = () => Promise.resolve();
/** Kept events one claim takes at most; a pass claims again while they come full. */
const CLAIM_BATCH = 20;

export class EventInbox {
  private readonly inFlight = new Set<Promise<void>>();
  private processEvent: App["processEvent"] | null = null;
  private timer: NodeJS.Timeout | null = null;
  private passing: Promise<void> | null = null;
  /** A wake-up came during a pass, which may have read the events before the one it announces. */
  private again = false;
  private lastPurge = 0;
  private stopped = false;

  constructor(private readonly deps: Pick<ServiceDeps, "db" | "clock">, private readonly options: EventInboxOptions) {}

  private get mode(): InboxMode {
    return this.options.mode ?? "handle";
  }

  /** Puts the inbox in front of the app's event handling (a worker's app receives nothing: only its handling). */
  install(app: App): void {
    const processEvent = app.processEvent.bind(app);
    this.processEvent = processEvent;
    if (this.mode === "claim") return;
    app.processEvent = async (event: ReceiverEvent) => {
      const body = event.body as { type?: unknown; event_id?: unknown; event?: { type?: unknown } };
      const kind = body.event?.type;
      if (body.type !== "event_callback" || !isKept(kind)) return processEvent(event);
      // Slack names every event; one without an id cannot be kept once, so it is handled before it is answered.
      if (typeof body.event_id !== "string" || body.event_id === "") return this.handleThenAck(event, kind);
      let taken;
      try {
        taken = await receiveEvent(this.deps, { eventId: body.event_id, kind, body: JSON.stringify(event.body), handledHere: this.mode === "handle" });
      } catch (error) {
        // Thrown before any answer was sent: the receiver answers 500, which Slack retries.
        throw new EventNotHandled(`the ${kind} event could not be kept (${faultSummary(error)}); Slack will deliver it again`);
      }
      await answer(event);
      // A redelivery of an event already kept: handled, or being handled (or to be tried again) from the copy.
      if (taken.kind === "seen") return;
      if (this.mode === "keep") {
        this.options.onKept?.();
        return;
      }
      // Not awaited: Slack has its answer, and the attempt records its own end (it never rejects).
      void this.track(this.attempt(taken.id, 1, event.body, event.retryNum, event.retryReason));
    };
  }

  /**
   * Looks for stored events due again every `pollMs`; every replica may: each event is claimed in the database.
   * Awaited before the receiver listens, so that resuming the last run's events cannot touch this run's. A web
   * process neither looks nor resumes: its events are the workers'.
   */
  async start(): Promise<void> {
    this.stopped = false;
    if (this.mode === "keep") return;
    const poll = (delayMs: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(() => { void this.pass().finally(() => poll(this.options.pollMs ?? 5_000)); }, delayMs);
      this.timer.unref();
    };
    // What a stopped process left kept but unhandled is looked at first (see resumeInterruptedEvents for who may).
    if (this.mode === "handle") {
      await resumeInterruptedEvents(this.deps)
        .catch((error: unknown) => this.options.logger.warn("kept events of the last run could not be resumed", { error: faultSummary(error) }));
    }
    poll(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.passing;
    await this.settled();
  }

  /** Resolves once every event taken so far has been handled (or its attempt has failed and been recorded). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
  }

  /**
   * One look for stored events due (again); never rejects (a failing database is tried at the next pass). One asked
   * for during a pass makes that pass look once more when it ends.
   */
  pass(): Promise<void> {
    if (this.passing) {
      this.again = true;
      return this.passing;
    }
    const passing = (async () => {
      do {
        this.again = false;
        await this.runPass();
      } while (this.again && !this.stopped);
    })().finally(() => { this.passing = null; });
    this.passing = passing;
    return passing;
  }

  private async runPass(): Promise<void> {
    try {
      // Handled one after the other, oldest first, so that a thread's replies are recorded in the order they came.
      for (let full = true; full && !this.stopped;) {
        const claimed = await claimDueEvents(this.deps, CLAIM_BATCH);
        full = claimed.length === CLAIM_BATCH;
        await this.handleClaimed(claimed);
      }
      const now = this.deps.clock.now().getTime();
      if (now - this.lastPurge > 60 * 60 * 1000) {
        this.lastPurge = now;
        await forgetHandledEvents(this.deps);
      }
    } catch (error) {
      this.options.logger.warn("stored events could not be looked at", { error: faultSummary(error) });
    }
  }

  private async handleClaimed(claimed: Awaited<ReturnType<typeof claimDueEvents>>): Promise<void> {
    for (const event of claimed) {
      let body: unknown;
      try {
        body = JSON.parse(event.body);
      } catch {
        await eventFailed(this.deps, event.id, Number.MAX_SAFE_INTEGER, "stored body is not JSON");
        continue;
      }
      // A worker's first attempt is the event's first handling, not a retry.
      const retry = event.attempts > 1 ? { num: event.attempts - 1, reason: "stored_event_retry" } : null;
      await this.track(this.attempt(event.id, event.attempts, body as ReceiverEvent["body"], retry?.num, retry?.reason));
    }
  }

  private track(work: Promise<void>): Promise<void> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
    return work;
  }

  /** One attempt at handling a stored event; records how it ended, and never rejects. */
  private async attempt(id: number, attempts: number, body: ReceiverEvent["body"], retryNum?: number, retryReason?: string): Promise<void> {
    const store: { failed: boolean; error?: string } = { failed: false };
    try {
      await failures.run(store, () => this.processEvent!({ body, ack: noAck, retryNum, retryReason, customProperties: {} }));
    } catch (error) {
      store.failed = true;
      store.error = faultSummary(error);
    }
    try {
      if (!store.failed) {
        await eventHandled(this.deps, id);
        return;
      }
      const again = await eventFailed(this.deps, id, attempts, store.error ?? "listener failed");
      if (again) this.options.logger.warn("a kept event could not be handled; it will be tried again", { id, attempts, error: store.error });
      else this.options.logger.error("a kept event could not be handled and is set aside", { id, attempts, error: store.error });
    } catch (error) {
      // Its lease runs out and a later pass tries it again; handling it twice changes nothing.
      this.options.logger.warn("how a kept event ended could not be recorded", { id, error: faultSummary(error) });
    }
  }

  /** The old way, for an event without an id: handled, then acknowledged (500 when the handling failed). */
  private async handleThenAck(event: ReceiverEvent, kind: string): Promise<void> {
    const store: { failed: boolean; error?: string } = { failed: false };
    let acknowledged = false;
    await failures.run(store, () => this.processEvent!({ ...event, ack: () => { acknowledged = true; return Promise.resolve(); } }));
    if (store.failed) throw new EventNotHandled(`the ${kind} event was not handled; Slack will deliver it again`);
    if (acknowledged) await answer(event);
  }
}

async function answer(event: ReceiverEvent): Promise<void> {
  try {
    await event.ack();
  } catch {
    // Taking the event took longer than Bolt's 3 s and it already answered 404: Slack delivers the event again,
    // and the redelivery finds it kept.
  }
}
