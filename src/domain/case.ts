// The case state machine (R-LIFE, R-INC-6/7/8). Pure: callers pass the current state and get the next one or
// a refusal value, and the ledger movement the change implies.

export type CaseState = "open" | "in_progress" | "answered" | "resolved" | "closed" | "cancelled" | "declined";
export type CaseLevel = "normal" | "A";

export const ACTIVE_STATES: readonly CaseState[] = ["open", "in_progress", "answered"];
export const FINAL_STATES: readonly CaseState[] = ["resolved", "closed", "cancelled", "declined"];

export function isActive(state: string): state is "open" | "in_progress" | "answered" {
  return (ACTIVE_STATES as readonly string[]).includes(state);
}

/** Who the case is waiting on: T4U until an engineer answers, then the customer until they reply. */
export function waitingOn(state: CaseState): "t4u" | "customer" | null {
  if (state === "answered") return "customer";
  return isActive(state) ? "t4u" : null;
}

export type CaseAction =
  | "customer_message" | "engineer_message" | "take"
  | "resolve" | "auto_close" | "cancel_defect" | "decline_scope";

/** What ending a case does to its reserved incidents. */
export type Settlement = "consume" | "release";

export interface Transition { to: CaseState; settle?: Settlement }

export class RefusedTransition {
  constructor(readonly from: CaseState, readonly action: CaseAction, readonly reason: "closed" | "not_waiting") {}
}

export function transition(from: CaseState, action: CaseAction): Transition | RefusedTransition {
  // A closed case never reopens or continues (R-LIFE-3).
  if (!isActive(from)) return new RefusedTransition(from, action, "closed");
  switch (action) {
    case "customer_message":
      return { to: from === "answered" ? "in_progress" : from };
    case "engineer_message":
      return { to: "answered" };
    case "take":
      return { to: from === "open" ? "in_progress" : from };
    case "resolve":
      return { to: "resolved", settle: "consume" };
    case "auto_close":
      // Only a case waiting on the customer closes by itself (R-LIFE-2).
      if (from !== "answered") return new RefusedTransition(from, action, "not_waiting");
      return { to: "closed", settle: "consume" };
    case "cancel_defect":
      return { to: "cancelled", settle: "release" };
    case "decline_scope":
      return { to: "declined", settle: "release" };
  }
}

/** The number people quote: "#0042". */
export function caseNumber(id: number): string {
  return `#${String(id).padStart(4, "0")}`;
}

export const TITLE_MAX = 150;
export const DESCRIPTION_MAX = 3000;
export const PRODUCT_MAX = 100;
