// Personal notifications: what an engineer is told in a direct message about their own cases. Each event is one
// kind; kinds are grouped into the switches an engineer turns on or off in App Home (soon and overdue are one
// switch, approved and declined another), so the settings stay few. Pure.

export type NotificationKind =
  | "assigned"
  | "customer_message"
  | "first_response_soon"
  | "first_response_overdue"
  | "proposal_approved"
  | "proposal_declined"
  | "auto_close_tomorrow"
  | "rated";

/** The switches in App Home. No stored preference: the switch is on. */
export type NotificationTopic = "assigned" | "customer_message" | "first_response" | "proposal" | "auto_close" | "rated";

export const NOTIFICATION_TOPICS: readonly NotificationTopic[] = ["assigned", "customer_message", "first_response", "proposal", "auto_close", "rated"];

export function topicOf(kind: NotificationKind): NotificationTopic {
  switch (kind) {
    case "first_response_soon":
    case "first_response_overdue":
      return "first_response";
    case "proposal_approved":
    case "proposal_declined":
      return "proposal";
    case "auto_close_tomorrow":
      return "auto_close";
    default:
      return kind;
  }
}

export function parseTopic(value: string): NotificationTopic | null {
  return NOTIFICATION_TOPICS.find((topic) => topic === value) ?? null;
}


/**
 * Notifications of one person that arrive within this long of the first still waiting go out in one message:
 * a burst (a customer writing three times, a colleague assigning several cases) is one direct message, not many.
 */
export const BATCH_WINDOW_MS = 60_000;

/** When the waiting notifications of a person are to be sent: a minute after the oldest of them arrived. */
export function batchSendAt(oldestWaiting: Date): Date {
  return new Date(oldestWaiting.getTime() + BATCH_WINDOW_MS);
}
