// Work that an answer to Slack waits for, told apart from the rest. Slack gives up on an answer after 3 seconds;
// the database's queue of steps (src/db/loop-turns.ts) lets what an answer waits for go first. A request is in
// that scope from its arrival until its listener acknowledges it (src/slack/work-turns.ts), and the insert that
// keeps an event before its answer is in it too.
import { AsyncLocalStorage } from "node:async_hooks";

interface Scope { waiting: boolean }
const scopes = new AsyncLocalStorage<Scope>();

/** Runs `work` as work an answer waits for, wholly. */
export function beforeTheAnswer<T>(work: () => Promise<T>): Promise<T> {
  return scopes.run({ waiting: true }, work);
}

/** Runs `work` as work an answer waits for until `work` calls `answered`; what it does after is background. */
export function untilAnswered<T>(work: (answered: () => void) => Promise<T>): Promise<T> {
  const scope: Scope = { waiting: true };
  return scopes.run(scope, () => work(() => { scope.waiting = false; }));
}

/** Whether the work running now is awaited by an answer not yet sent. */
export function anAnswerWaits(): boolean {
  return scopes.getStore()?.waiting === true;
}
