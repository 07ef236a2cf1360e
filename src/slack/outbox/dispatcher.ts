// Delivers the outbox to Slack: in order per channel, at most about one message per second per channel (Slack's
// limit for chat.postMessage), retrying what fails with back-off and honouring Retry-After. Every channel goes at
// its own pace: one channel's failures, pacing or held messages never hold up another's. A pass that fails (the
// database down, locked or full) is logged and tried again with back-off; nothing it does is lost, since every
// message stays in the database until it is marked delivered.
import type { Logger } from "../../logger.ts";
import { faultSummary } from "../../db/health.ts";
import { claimRound, DEFAULT_LEASE_MS, heldCauses, markDelivered, markFailed, markRetry, releaseClaims, releaseHeld, waitingCaseRoots, type OutboxRow } from "../../db/outbox.ts";
import { deliver, Later, NotYet, type DeliverDeps } from "./deliver.ts";
import { ChannelPacing } from "./channel-pacing.ts";
import { announceAuthHold, announceBlockedCase, AUTH_CAUSES, classify, refuse } from "./holds.ts";
import { postingOnce } from "./post-once.ts";
import { DeliveryRound } from "./round.ts";

/**
 * A reply waits for its thread's root (NotYet). The root lives in the same channel and was written earlier, so by
 * the time the reply heads the channel's queue the root was posted or set aside; after this many tries the reply is
 * set aside too, rather than holding up every later message of the channel for good.
 */
const NOT_YET_ATTEMPTS = 20;
/** Longest wait between two passes after failed ones. */
const MAX_PASS_BACKOFF_MS = 30_000;

export interface DispatcherOptions {
  /** Minimum gap between two messages to one channel. */
  channelIntervalMs?: number;
  /** Poll interval when idle (messages written by other processes, retries coming due). */
  pollMs?: number;
  /**
   * How long a claimed message stays reserved for this process. Longer than the Slack client's timeout, so no
   * second sender takes a message still in flight; after a crash, the messages it held wait this long.
   */
  leaseMs?: number;
  /** While messages are held because Slack refused the token, how often auth.test checks whether it works again. */
  authProbeMs?: number;
  /** Where T4U is told of held messages and of cases the customer does not see. */
  triageChannel: string | null;
  logger: Logger;
  /** Messages went out: a worker refreshes staff's Home tabs then, since another process wrote what it delivered. */
  onDelivered?: () => void;
}

/** `untried`: claimed in a round but not attempted, since one ahead of it in its channel was not sent. */
type Outcome = { sent: true; heldForToken?: undefined; untried?: undefined } | { sent: false; heldForToken?: string; untried?: boolean };

/** Channels one round takes at most. */
const CHANNELS_PER_ROUND = 50;
/** Messages of one channel a round takes at most, when no gap is kept between two messages of a channel. */
const PER_CHANNEL = 8;

export class OutboxDispatcher {
  private readonly pacing: ChannelPacing;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Passes failed in a row, and when (performance.now()) the next may start. */
  private failures = 0;
  private resumeAt = 0;
  private lastProbeAt = Number.NEGATIVE_INFINITY;
  /** Whether held messages may exist that this process has not looked at (see pass). */
  private holdsUnknown = true;
  /** Cases announced as waiting behind a held message, while they wait: as many as the holds keep, not every one
   *  ever held up (the database keeps an announcement from repeating anyway). */
  private readonly announced = new Set<number>();
  readonly channelIntervalMs: number;

  constructor(private readonly deps: DeliverDeps, private readonly options: DispatcherOptions) {
    this.channelIntervalMs = options.channelIntervalMs ?? 1000;
    this.pacing = new ChannelPacing(this.channelIntervalMs);
  }

  /** Something was written: deliver soon. Concurrent kicks coalesce into one more pass. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (performance.now() < this.resumeAt) return;
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Delivers everything that is due now, waiting out channel pacing; resolves when nothing due is left. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
    await this.pass(true);
  }

  start(): void {
    this.stopped = false;
    const poll = () => {
      this.holdsUnknown = true;
      this.kick();
      this.timer = setTimeout(poll, this.options.pollMs ?? 2000);
      this.timer.unref();
    };
    poll();
  }

  /** Stops polling and finishes the pass under way (graceful shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.running) await this.running;
  }

  /** Never rejects: a failed pass is logged and the next one starts after a back-off (1 s, 2 s, … 30 s). */
  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pass(false);
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        const waitMs = Math.min(MAX_PASS_BACKOFF_MS, 1000 * 2 ** (this.failures - 1));
        this.resumeAt = performance.now() + waitMs;
        this.deps.db.health.failed(error);
        this.options.logger.error("outbox pass failed; will try again", { error: faultSummary(error), failures: this.failures, retryInMs: waitMs });
        setTimeout(() => this.kick(), waitMs).unref();
        return;
      }
    } while (this.again && !this.stopped);
  }

  /**
   * One or more rounds. A round claims the head of every channel (and, where no gap between two messages of a
   * channel is kept, the few right behind it), reads their cases once, sends each channel's messages in order —
   * channels side by side — and marks what Slack took in one write.
   */
  private async pass(untilEmpty: boolean): Promise<void> {
    if (untilEmpty) this.holdsUnknown = true;
    for (;;) {
      // Held messages are looked for when this process may not know them all: at start, at each poll (another
      // replica or the command line may have held or released some), and after this process held one.
      const held = this.holdsUnknown ? await heldCauses(this.deps.db) : [];
      this.holdsUnknown = held.length > 0;
      // While the token is refused nothing is sent anywhere; auth.test says when it works again.
      if (held.some((h) => AUTH_CAUSES.includes(h.cause)) && !(await this.tokenWorksAgain())) return;
      await this.announceBlockedCases(held);
      const now = this.deps.clock.now();
      const paced = this.pacing.paced(performance.now());
      const perChannel = this.channelIntervalMs > 0 ? 1 : PER_CHANNEL;
      const rows = await claimRound(this.deps.db, now, { channels: CHANNELS_PER_ROUND, perChannel, skipChannels: paced, leaseMs: this.options.leaseMs });
      if (rows.length === 0) {
        if (!untilEmpty || paced.size === 0) return;
        await sleep(this.channelIntervalMs / 4);
        continue;
      }
      const claimedAt = performance.now();
      const round = new DeliveryRound(this.deps, rows);
      const queues = new Map<string, OutboxRow[]>();
      for (const row of rows) queues.set(row.channelId, [...(queues.get(row.channelId) ?? []), row]);
      const outcomes = (await Promise.all([...queues.values()].map((queue) => this.sendInOrder(queue, round, claimedAt)))).flat();
      const sent = outcomes.flatMap((o) => (o.outcome.sent ? [o.id] : []));
      await markDelivered(this.deps.db, sent, this.deps.clock.now());
      if (sent.length) this.options.onDelivered?.();
      await releaseClaims(this.deps.db, outcomes.flatMap((o) => (o.outcome.untried ? [o.id] : [])));
      // Slack refused the token: every message of this round was refused alike, and none was held for it before
      // the round (nothing would have been sent), so a hold starts here; T4U hears of it once.
      const cause = outcomes.flatMap((o) => (!o.outcome.sent && o.outcome.heldForToken ? [o.outcome.heldForToken] : []))[0];
      if (cause) {
        await announceAuthHold(this.holdDeps(), cause, this.deps.clock.now());
        this.lastProbeAt = this.deps.clock.now().getTime();
      }
      if (this.stopped && !untilEmpty) return;
      // Everything due was in this round (no channel had more than it took, fewer channels than a round takes) and
      // nothing was written since, but by this round's own deliveries: nothing is left to claim, so the pass ends
      // without asking. Something written meanwhile kicked the dispatcher, which then looks again.
      const full = queues.size >= CHANNELS_PER_ROUND || [...queues.values()].some((q) => q.length >= perChannel);
      if (!untilEmpty && !full && !round.lookAgain && !this.holdsUnknown) return;
    }
  }

  /**
   * A channel's messages of one round, one after the other. Once one is not sent, the ones behind it are not tried
   * (they keep their order); nor is a later one once the round has run for a good part of the claim's lease.
   */
  private async sendInOrder(queue: OutboxRow[], round: DeliveryRound, claimedAt: number): Promise<Array<{ id: number; outcome: Outcome }>> {
    const results: Array<{ id: number; outcome: Outcome }> = [];
    let stop = false;
    for (const [i, row] of queue.entries()) {
      const lateInLease = i > 0 && performance.now() - claimedAt > (this.options.leaseMs ?? DEFAULT_LEASE_MS) / 8;
      if (stop || lateInLease || (this.stopped && i > 0)) {
        results.push({ id: row.id, outcome: { sent: false, untried: true } });
        round.done(row.payload);
        stop = true;
        continue;
      }
      // Done whatever happens, so that nothing of the round waits for it for ever (a triage announcement for its root).
      const outcome = await this.send(row, round).finally(() => round.done(row.payload));
      results.push({ id: row.id, outcome });
      if (!outcome.sent) stop = true;
    }
    return results;
  }

  private async send(row: OutboxRow, round: DeliveryRound): Promise<Outcome> {
    const { id, channelId, payload, attempts } = row;
    const log = this.options.logger;
    const context = { outboxId: id, kind: payload.kind, channelId, caseId: row.caseId ?? undefined };
    try {
      // A first attempt posts; a later one may follow an attempt that reached Slack unanswered, so it checks first.
      await deliver({ ...this.deps, round, client: postingOnce(this.deps.client, { outboxId: id, inDoubt: attempts > 1 }) }, channelId, payload);
      this.pacing.sent(channelId, performance.now());
      log.debug("outbox delivered", context);
      return { sent: true };
    } catch (error) {
      const now = this.deps.clock.now().getTime();
      const code = slackErrorCode(error);
      const refusal = classify(code);
      if (refusal?.kind === "held") {
        const forToken = refusal.scope === "auth";
        log.error(forToken ? "outbox message held: Slack refused the token" : "outbox message held: Slack refuses messages to its channel for now", { ...context, error: refusal.cause });
        // Only a channel's head is ever sent, so a channel hold starts with this message: T4U hears of it now. A
        // token hold is announced once for the whole round (see pass).
        await refuse(this.holdDeps(), row, refusal, new Date(now), !forToken);
        this.holdsUnknown = true;
        round.lookAgain = true;
        return forToken ? { sent: false, heldForToken: refusal.cause } : { sent: false };
      }
      if (refusal?.kind === "refused") {
        log.error("outbox message rejected by Slack", { ...context, error: refusal.cause });
        await refuse(this.holdDeps(), row, refusal, new Date(now), false);
        round.lookAgain = true;
        return { sent: false };
      }
      if (error instanceof Later) {
        // Not a failure: the message waits for its time, and its channel's later messages wait behind it.
        await markRetry(this.deps.db, id, error.message, error.at);
        return { sent: false };
      }
      if (error instanceof NotYet && attempts >= NOT_YET_ATTEMPTS) {
        log.error("outbox message set aside: what it replies to was never posted", context);
        await markFailed(this.deps.db, id, `not_yet: ${error.message}`, new Date(now));
        round.lookAgain = true;
        return { sent: false };
      }
      const retryAfterMs = retryAfter(error) ?? (error instanceof NotYet ? 500 : Math.min(300_000, 1000 * 2 ** Math.min(attempts, 8)));
      log.warn("outbox delivery failed; will retry", { ...context, error: code ?? faultSummary(error), retryInMs: retryAfterMs });
      await markRetry(this.deps.db, id, code ?? faultSummary(error), new Date(now + retryAfterMs));
      return { sent: false };
    }
  }

  /** While messages are held for the token, asks Slack at most every authProbeMs whether it works again. */
  private async tokenWorksAgain(): Promise<boolean> {
    const now = this.deps.clock.now();
    if (now.getTime() - this.lastProbeAt < (this.options.authProbeMs ?? 30_000)) return false;
    this.lastProbeAt = now.getTime();
    try {
      await this.deps.client.auth.test();
    } catch (error) {
      this.options.logger.warn("Slack still refuses the token; messages stay held", { error: slackErrorCode(error) ?? faultSummary(error) });
      return false;
    }
    const released = await releaseHeld(this.deps.db, { causes: AUTH_CAUSES });
    this.options.logger.info("Slack accepts the token again; held messages released", { released });
    return true;
  }

  /** A case opened in a channel whose messages are held: its message waits too, and T4U hears of it at once. */
  private async announceBlockedCases(held: Array<{ cause: string; channelId: string }>): Promise<void> {
    const channels = held.filter((h) => !AUTH_CAUSES.includes(h.cause));
    if (channels.length === 0) {
      this.announced.clear();
      return;
    }
    const waiting = await waitingCaseRoots(this.deps.db, channels.map((h) => h.channelId));
    const stillWaiting = new Set(waiting.flatMap((row) => (row.caseId === null ? [] : [row.caseId])));
    for (const caseId of this.announced) if (!stillWaiting.has(caseId)) this.announced.delete(caseId);
    for (const row of waiting) {
      if (row.caseId === null || this.announced.has(row.caseId)) continue;
      const cause = channels.find((h) => h.channelId === row.channelId)?.cause ?? "held";
      await announceBlockedCase(this.holdDeps(), row.caseId, row.channelId, cause, this.deps.clock.now());
      this.announced.add(row.caseId);
    }
  }

  private holdDeps() {
    return { db: this.deps.db, triageChannel: this.options.triageChannel };
  }
}

function slackErrorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const data = (error as { data?: { error?: unknown } }).data;
  return typeof data?.error === "string" ? data.error : null;
}

function retryAfter(error: unknown): number | null {
  if (typeof error !== "object" || error === null) return null;
  const seconds = (error as { retryAfter?: unknown }).retryAfter;
  return typeof seconds === "number" ? seconds * 1000 : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
