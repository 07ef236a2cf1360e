// Database work in steps of one statement per turn of the event loop. better-sqlite3 never waits on I/O, so a burst
// of statements run back to back (several listeners' work after their answers, a transaction, the outbox) would
// keep every request received meanwhile waiting for all of them, and every connection not yet accepted too: the
// server was seen to take new connections one per turn of the loop. Taking a turn before each statement lets the
// loop poll between any two, so a request waits for at most one statement's worth of work.
//
// A statement an answer waits for (an event kept before Slack is answered) goes before the others waiting: the
// answer is due within 3 seconds, and under a flood the queue of background steps can be long.
import { AsyncLocalStorage } from "node:async_hooks";
import { setImmediate as nextTurn } from "node:timers/promises";

const answering = new AsyncLocalStorage<true>();

/** Runs `work` with its statements ahead of the background's (the work an answer to Slack waits for). */
export function beforeTheAnswer<T>(work: () => Promise<T>): Promise<T> {
  return answering.run(true, work);
}

export class LoopTurns {
  /** Steps waiting for their turn, first come first served; one is let go per turn of the loop. */
  private readonly waiting: Array<() => void> = [];
  private pumping = false;

  /** Resolves in a later turn of the loop than the one it was called in, after the steps that asked before it. */
  take(): Promise<void> {
    return new Promise<void>((resolve) => {
      if (answering.getStore()) this.waiting.unshift(resolve);
      else this.waiting.push(resolve);
      if (!this.pumping) this.pump();
    });
  }

  private pump(): void {
    this.pumping = true;
    void nextTurn().then(() => {
      this.waiting.shift()?.();
      if (this.waiting.length > 0) this.pump();
      else this.pumping = false;
    });
  }
}
