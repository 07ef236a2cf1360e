// The next thing due on a case, one of them, as engineers look for it: the first response while none was given,
// else the expected answer date promised to the customer, else the day it closes by itself; nothing once ended.
import { isActive, type CaseState } from "./case.ts";

export type NextDue =
  | { kind: "first_response"; at: Date }
  | { kind: "expected_answer"; on: string }
  | { kind: "auto_close"; on: string }
  | null;

export interface DueFacts {
  state: CaseState;
  firstResponseAt: Date | null;
  firstResponseDueAt: Date | null;
  expectedAnswerOn: string | null;
  /** Local date the case closes by itself (set only while it waits on the customer). */
  autoCloseOn: string | null;
}

export function nextDue(c: DueFacts): NextDue {
  if (!isActive(c.state)) return null;
  if (!c.firstResponseAt && c.firstResponseDueAt) return { kind: "first_response", at: c.firstResponseDueAt };
  if (c.state !== "answered" && c.expectedAnswerOn) return { kind: "expected_answer", on: c.expectedAnswerOn };
  if (c.state === "answered" && c.autoCloseOn) return { kind: "auto_close", on: c.autoCloseOn };
  return null;
}
