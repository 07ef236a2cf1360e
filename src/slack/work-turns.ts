// What a listener does after it has answered Slack (the case opened, the resolve settled, the modal updated) waits
// for one of a few turns. A burst of people acting at once then has every answer sent before most of the work: a
// request's way to its acknowledgement (body, signature, middleware, the listener's checks) is a chain of steps on
// the one event loop, and without turns it takes its steps round-robin with the work of every request answered
// before it, so the last answer of a burst of 32 waited for nearly all 32 requests' work. With a few turns it
// competes with only those few. Beside other work, a turn is granted only after one pass of the event loop, so
// requests already received reach their answer first (alone, it is granted at once: measured, the extra pass made a
// lone click's answer on SQLite wait about 3 ms), and after at most `maxWaitMs` whatever the others do: work that
// waits on Slack (a views.open whose trigger expires after 3 s) is never held back long by work ahead of it.
import type { App } from "@slack/bolt";
import { untilAnswered } from "../lib/answer-first.ts";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

export interface WorkTurnsOptions {
  /** How many listeners may work after their answer at the same time. */
  size: number;
  /** The longest a listener waits for a turn; then it works anyway. */
  maxWaitMs: number;
}

export class WorkTurns {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly options: WorkTurnsOptions) {}

  /** Waits for a turn; resolves to the function that gives it back (once). */
  async take(): Promise<() => void> {
    // Alone, it works at once; beside other work, it first lets requests already received reach their answer.
    if (this.running > 0 || this.waiting.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.running >= this.options.size) await this.wait();
    this.running += 1;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.running -= 1;
      this.waiting.shift()?.();
    };
  }

  /** Listeners working after their answer now, and those waiting for a turn (for tests and metrics). */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private wait(): Promise<void> {
    return new Promise<void>((resolve) => {
      const granted = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const at = this.waiting.indexOf(granted);
        if (at >= 0) this.waiting.splice(at, 1);
        resolve();
      }, this.options.maxWaitMs);
      timer.unref();
      this.waiting.push(granted);
    });
  }
}

/**
 * Puts the turns between every answer and what follows it: the listener's `ack` resolves once the answer is sent
 * and a turn is taken, and the turn is given back when Bolt has run the listener to its end.
 */
export function takeTurnsAfterAnswers(app: App, turns: WorkTurns): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    // Set by the listener's ack (once, however often it is called), read once Bolt has run the listener.
    const turn: { taking: Promise<() => void> | null } = { taking: null };
    // Until the answer, the request's database reads go before background work (src/lib/answer-first.ts).
    await untilAnswered(async (answered) => {
      const ack: ReceiverEvent["ack"] = async (response) => {
        answered();
        await event.ack(response);
        turn.taking ??= turns.take();
        await turn.taking;
      };
      try {
        await processEvent({ ...event, ack });
      } finally {
        if (turn.taking) (await turn.taking)();
      }
    });
  };
}
