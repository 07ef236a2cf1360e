// The case state machine on its own (R-LIFE-1/2/3, R-INC-4/6/7/8): which action leads where, what it does to the
// case's reserved incidents, and that an ended case never moves again.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIVE_STATES, caseNumber, FINAL_STATES, isActive, RefusedTransition, transition, waitingOn,
  type CaseAction, type CaseState, type Transition,
} from "../../src/domain/case.ts";

const ACTIONS: readonly CaseAction[] = [
  "customer_message", "engineer_message", "take", "resolve", "auto_close", "cancel_defect", "decline_scope",
];
const anyState = fc.constantFrom<CaseState>(...ACTIVE_STATES, ...FINAL_STATES);
const anyAction = fc.constantFrom<CaseAction>(...ACTIONS);

function moved(from: CaseState, action: CaseAction): Transition {
  const result = transition(from, action);
  if (result instanceof RefusedTransition) throw new Error(`${action} from ${from} was refused: ${result.reason}`);
  return result;
}

describe("transition", () => {
  it("moves an open case along the conversation without touching its incidents (R-INC-4)", () => {
    expect(moved("open", "take")).toEqual({ to: "in_progress" });
    expect(moved("open", "engineer_message")).toEqual({ to: "answered" });
    expect(moved("in_progress", "engineer_message")).toEqual({ to: "answered" });
    // A customer's follow-up puts an answered case back in T4U's hands; before an answer it changes nothing.
    expect(moved("answered", "customer_message")).toEqual({ to: "in_progress" });
    expect(moved("open", "customer_message")).toEqual({ to: "open" });
    expect(moved("in_progress", "customer_message")).toEqual({ to: "in_progress" });
    // Taking a case someone already works on keeps its state.
    expect(moved("in_progress", "take")).toEqual({ to: "in_progress" });
    expect(moved("answered", "take")).toEqual({ to: "answered" });
  });

  it("consumes the incidents when T4U resolves the case, from any active state (R-LIFE-1, R-INC-6)", () => {
    for (const from of ACTIVE_STATES) expect(moved(from, "resolve")).toEqual({ to: "resolved", settle: "consume" });
  });

  it("closes by itself only a case waiting on the customer, and consumes its incidents (R-LIFE-2)", () => {
    expect(moved("answered", "auto_close")).toEqual({ to: "closed", settle: "consume" });
    for (const from of ["open", "in_progress"] as const) {
      expect(transition(from, "auto_close")).toEqual(new RefusedTransition(from, "auto_close", "not_waiting"));
    }
  });

  it("releases the incidents of a case cancelled as a product defect or declined as out of scope (R-INC-7, R-INC-8)", () => {
    for (const from of ACTIVE_STATES) {
      expect(moved(from, "cancel_defect")).toEqual({ to: "cancelled", settle: "release" });
      expect(moved(from, "decline_scope")).toEqual({ to: "declined", settle: "release" });
    }
  });

  it("refuses every action on an ended case, which never reopens (R-LIFE-3)", () => {
    fc.assert(fc.property(fc.constantFrom(...FINAL_STATES), anyAction, (from, action) => {
      expect(transition(from, action)).toEqual(new RefusedTransition(from, action, "closed"));
    }));
  });

  it("settles the incidents exactly when a case ends, and only then", () => {
    fc.assert(fc.property(anyState, anyAction, (from, action) => {
      const result = transition(from, action);
      if (result instanceof RefusedTransition) return;
      expect(isActive(from)).toBe(true);
      expect(result.settle !== undefined).toBe(FINAL_STATES.includes(result.to));
      // Consumed when T4U answered the matter; released when nothing is owed.
      if (result.settle === "consume") expect(["resolved", "closed"]).toContain(result.to);
      if (result.settle === "release") expect(["cancelled", "declined"]).toContain(result.to);
    }));
  });

  it("settles a case's incidents at most once however its conversation goes (R-INC-6)", () => {
    fc.assert(fc.property(fc.array(anyAction, { maxLength: 40 }), (actions) => {
      let state: CaseState = "open";
      let settlements = 0;
      for (const action of actions) {
        const result = transition(state, action);
        if (result instanceof RefusedTransition) continue;
        if (result.settle !== undefined) settlements += 1;
        state = result.to;
      }
      expect(settlements).toBe(isActive(state) ? 0 : 1);
      // A case never goes back to "open" once someone has worked on it.
      if (actions.some((a) => a === "take" || a === "engineer_message")) expect(state).not.toBe("open");
    }));
  });
});

describe("the case's states", () => {
  it("are active or ended, never both", () => {
    for (const state of ACTIVE_STATES) expect(isActive(state)).toBe(true);
    for (const state of FINAL_STATES) expect(isActive(state)).toBe(false);
    expect(ACTIVE_STATES.filter((s) => FINAL_STATES.includes(s))).toEqual([]);
    expect(isActive("anwsered")).toBe(false);
  });

  it("say who the case waits on: T4U until an engineer answers, then the customer (R-LIFE-5)", () => {
    expect(waitingOn("open")).toBe("t4u");
    expect(waitingOn("in_progress")).toBe("t4u");
    expect(waitingOn("answered")).toBe("customer");
    for (const state of FINAL_STATES) expect(waitingOn(state)).toBeNull();
  });
});

describe("caseNumber", () => {
  it("is the number people quote, four digits at least", () => {
    expect(caseNumber(42)).toBe("#0042");
    expect(caseNumber(12345)).toBe("#12345");
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000 }), (id) => {
      expect(Number(caseNumber(id).slice(1))).toBe(id);
    }));
  });
});
