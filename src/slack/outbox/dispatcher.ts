// Delivers the outbox to Slack: in order per channel, at most about one message per second per channel (Slack's
// limit for chat.postMessage), retrying what fails with back-off and honouring Retry-After.
import type { Logger } from "../../logger.ts";
import { claimHeads, markDelivered, markFailed, markRetry } from "../../db/outbox.ts";
import { deliver, NotYet, type DeliverDeps } from "./deliver.ts";
import { postingOnce } from "./post-once.ts";

/** Slack errors that no retry will fix; the message is set aside so the channel's queue moves on. */
const PERMANENT = new Set([
  "channel_not_found", "not_in_channel", "is_archived", "invalid_blocks", "invalid_arguments", "msg_too_long",
  "no_text", "cant_update_message", "message_not_found", "restricted_action", "account_inactive", "invalid_auth",
]);

/**
 * A reply waits for its thread's root (NotYet). The root lives in the same channel and was written earlier, so by
 * the time the reply heads the channel's queue the root was posted or set aside; after this many tries the reply is
 * set aside too, rather than holding up every later message of the channel for good.
 */
const NOT_YET_ATTEMPTS = 20;

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
  logger: Logger;
}

export class OutboxDispatcher {
  private readonly lastSent = new Map<string, number>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  readonly channelIntervalMs: number;

  constructor(private readonly deps: DeliverDeps, private readonly options: DispatcherOptions) {
    this.channelIntervalMs = options.channelIntervalMs ?? 1000;
  }

  /** Something was written: deliver soon. Concurrent kicks coalesce into one more pass. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
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

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.pass(false);
    } while (this.again && !this.stopped);
  }

  /** One or more rounds: each round sends at most one message per channel. */
  private async pass(untilEmpty: boolean): Promise<void> {
    for (;;) {
      const now = this.deps.clock.now();
      const paced = new Set<string>();
      for (const [channel, at] of this.lastSent) if (performance.now() - at < this.channelIntervalMs) paced.add(channel);
      const rows = await claimHeads(this.deps.db, now, 50, paced, this.options.leaseMs);
      if (rows.length === 0) {
        if (!untilEmpty || paced.size === 0) return;
        await sleep(this.channelIntervalMs / 4);
        continue;
      }
      await Promise.all(rows.map((row) => this.send(row.id, row.channelId, row.payload, row.attempts)));
      if (this.stopped && !untilEmpty) return;
    }
  }

  private async send(id: number, channelId: string, payload: Parameters<typeof deliver>[2], attempts: number): Promise<void> {
    const log = this.options.logger;
    try {
      // A first attempt posts; a later one may follow an attempt that reached Slack unanswered, so it checks first.
      await deliver({ ...this.deps, client: postingOnce(this.deps.client, { outboxId: id, inDoubt: attempts > 1 }) }, channelId, payload);
      this.lastSent.set(channelId, performance.now());
      await markDelivered(this.deps.db, id, this.deps.clock.now());
      log.debug("outbox delivered", { outboxId: id, kind: payload.kind, caseId: "caseId" in payload ? payload.caseId : undefined });
    } catch (error) {
      const now = this.deps.clock.now().getTime();
      const code = slackErrorCode(error);
      if (code && PERMANENT.has(code)) {
        log.error("outbox message rejected by Slack", { outboxId: id, kind: payload.kind, error: code });
        await markFailed(this.deps.db, id, code, new Date(now));
        return;
      }
      if (error instanceof NotYet && attempts >= NOT_YET_ATTEMPTS) {
        log.error("outbox message set aside: what it replies to was never posted", { outboxId: id, kind: payload.kind });
        await markFailed(this.deps.db, id, `not_yet: ${error.message}`, new Date(now));
        return;
      }
      const retryAfterMs = retryAfter(error) ?? (error instanceof NotYet ? 500 : Math.min(300_000, 1000 * 2 ** Math.min(attempts, 8)));
      log.warn("outbox delivery failed; will retry", { outboxId: id, kind: payload.kind, error: code ?? errorMessage(error), retryInMs: retryAfterMs });
      await markRetry(this.deps.db, id, code ?? errorMessage(error), new Date(now + retryAfterMs));
    }
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

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
