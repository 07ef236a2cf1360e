// Who may use the one SQLite connection next. better-sqlite3 never waits on I/O: every statement runs to its end
// on the event loop, and a chain of them (an ORM operation's statements, a transaction's) never lets the loop read
// the requests that arrived meanwhile. Each statement here first waits for its turn of the loop (loop-turns.ts), so
// that a request received during a transaction is answered after at most one statement of it, not after the whole
// of it and of every transaction queued behind it.
//
// That turn is also the moment another caller could reach the connection in the middle of a transaction, and a
// statement run then would become part of it (committed or rolled back with work not its own). So a statement
// outside any transaction waits for the transaction holding the connection to end, and goes before the next
// transaction waiting: a single statement (an event kept before its answer) never waits for a queue of them.
import type { LoopTurns } from "./loop-turns.ts";

export class ConnectionGate {
  constructor(private readonly turns: LoopTurns) {}

  private holding = false;
  private readonly statements: Array<() => void> = [];
  private readonly transactions: Array<() => void> = [];

  /**
   * Runs a statement outside any transaction: after the loop's turn, once the connection is free. `run` is called
   * in the same step that found it free, so nothing can take the connection in between (better-sqlite3 runs the
   * statement as soon as it is called).
   */
  async statement<T>(run: () => Promise<T>): Promise<T> {
    await this.turns.take();
    while (this.holding) await new Promise<void>((resolve) => this.statements.push(resolve));
    return run();
  }

  /** Runs a statement of the transaction holding the connection, after the loop's turn (taken ahead of the rest). */
  async inTransaction<T>(run: () => Promise<T>): Promise<T> {
    await this.turns.take(true);
    return run();
  }

  /** Waits until the connection is free and holds it; resolves to the function that lets it go (once). */
  async transaction(): Promise<() => void> {
    while (this.holding || this.statements.length > 0) await new Promise<void>((resolve) => this.transactions.push(resolve));
    this.holding = true;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holding = false;
      this.wake();
    };
  }

  // The waiting statements resume first (each runs its statement as soon as it resumes), then one waiting
  // transaction; a transaction that finds the connection taken again waits once more.
  private wake(): void {
    const statements = this.statements.splice(0);
    for (const resume of statements) resume();
    const next = this.transactions.shift();
    if (next) queueMicrotask(next);
  }
}
