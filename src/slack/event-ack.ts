// Slack's events that record what people wrote are acknowledged only once it is recorded. Bolt acknowledges every
// event before its listener runs, so a listener that failed (the database down, its write lock held elsewhere, the
// disk full) left Slack sure of a delivery the app never recorded: a customer's question missing from its case. Here
// the acknowledgement of those events waits for the listener; if it failed, the request is answered 500 and Slack
// delivers the event again (at once, after about a minute, after about five). Recording is keyed on the message's
// channel and ts, so a delivery that did get through and is delivered again changes nothing.
import { AsyncLocalStorage } from "node:async_hooks";
import type { App } from "@slack/bolt";

type ReceiverEvent = Parameters<App["processEvent"]>[0];

/** Events acknowledged after their listeners: messages (recorded in cases) and the app joining a channel. */
const ACK_AFTER = new Set(["message", "member_joined_channel"]);

const failures = new AsyncLocalStorage<{ failed: boolean }>();

/** Bolt's error handler calls this: a listener failed while handling the event of this async context. */
export function noteListenerFailure(): void {
  const store = failures.getStore();
  if (store) store.failed = true;
}

export class EventNotHandled extends Error {}

export function ackEventsAfterHandling(app: App): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    const inner = (event.body as { type?: unknown; event?: { type?: unknown } }).event;
    if ((event.body as { type?: unknown }).type !== "event_callback" || typeof inner?.type !== "string" || !ACK_AFTER.has(inner.type)) {
      return processEvent(event);
    }
    const store = { failed: false };
    let acknowledged = false;
    await failures.run(store, () => processEvent({ ...event, ack: () => { acknowledged = true; return Promise.resolve(); } }));
    // Thrown before any answer was sent: the receiver answers 500, which Slack retries.
    if (store.failed) throw new EventNotHandled(`the ${inner.type} event was not handled; Slack will deliver it again`);
    if (!acknowledged) return;
    try {
      await event.ack();
    } catch {
      // Handling took longer than Bolt's 3 s and it already answered 404: Slack delivers the event again.
    }
  };
}
