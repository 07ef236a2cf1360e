// Database work in steps of one statement per turn of the event loop. better-sqlite3 never waits on I/O, so a burst
// of statements run back to back (several listeners' work after their answers, a transaction, the outbox) would
// keep every request received meanwhile waiting for all of them, and every connection not yet accepted too: the
// server was seen to take new connections one per turn of the loop. Taking a turn before each statement lets the
// loop poll between any two, so a request waits for at most one statement's worth of work.
//
// A statement an answer waits for (a listener's read before it acknowledges, an event kept before Slack is
// answered; src/lib/answer-first.ts) goes before the others waiting: the answer is due within 3 seconds, and under
// a flood the queue of background steps can be long.
import { setImmediate as nextTurn } from "node:timers/promises";
import { anAnswerWaits } from "../lib/answer-first.ts";

export class LoopTurns {
  /** Steps waiting for their turn, first come first served; one is let go per turn of the loop, urgent ones first. */
  private readonly urgent: Array<() => void> = [];
  private readonly waiting: Array<() => void> = [];
  private pumping = false;

  /**
   * Resolves in a later turn of the loop than the one it was called in. `holding`: a statement of the transaction
   * that holds the connection, which goes first like the answer's (everything else on the connection, answers
   * included, waits for that transaction to end).
   */
  take(holding = false): Promise<void> {
    return new Promise<void>((resolve) => {
      if (holding || anAnswerWaits()) this.urgent.push(resolve);
      else this.waiting.push(resolve);
      if (!this.pumping) this.pump();
    });
  }

  private pump(): void {
    this.pumping = true;
    void nextTurn().then(() => {
      (this.urgent.shift() ?? this.waiting.shift())?.();
      if (this.urgent.length > 0 || this.waiting.length > 0) this.pump();
      else this.pumping = false;
    });
  }
}
