// Timers run on Slack's message times (R-LIFE-2), while a case opened from the modal is stamped by our clock. A
// server clock running ahead of Slack's must not make an engineer's answer look older than the question.
import { afterAll, beforeAll, expect, it } from "vitest";
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../../src/domain/calendar.ts";
import { openCase } from "../../src/services/open-case.ts";
import { recordMessage } from "../../src/services/record-message.ts";
import { registerContract } from "../../src/services/register-contract.ts";
import type { ServiceDeps } from "../../src/services/deps.ts";
import { TestClock } from "../support/clock.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
let deps: ServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = {
    db: database.db, clock: new TestClock("2026-11-24T01:00:00Z"), triageChannel: null,
    calendar: new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS }),
  };
  await registerContract(deps, { customerName: "株式会社サンプル", channelIds: ["C0SKEW"], incidents: 5, confirmedOn: "2026-04-01", actorId: "U0MGR1" });
});
afterAll(async () => {
  await database?.drop();
});

it("counts an engineer's answer stamped 30 s before our clock's opening time as the answer", async () => {
  const opened = await openCase(deps, { requestKey: "skew-case-0001", channelId: "C0SKEW", openedBy: "U0CUST1", title: "t", description: "d", level: "normal" });
  if (!opened.ok) throw new Error("not opened");
  await database.db.client.case.update({ where: { id: opened.caseId }, data: { rootTs: "1763946000.000100" } });
  const answerTs = `${Math.floor(new Date("2026-11-24T00:59:30Z").getTime() / 1000)}.000200`;
  const result = await recordMessage(deps, { channelId: "C0SKEW", threadTs: "1763946000.000100", ts: answerTs, userId: "U0ENG1", role: "engineer", text: "回答です" });
  expect(result).toMatchObject({ kind: "recorded", state: "answered" });
  const after = await database.db.client.case.findUniqueOrThrow({ where: { id: opened.caseId } });
  expect(after.autoCloseAt).not.toBeNull();
  expect(after.oldestUnansweredAt).toBeNull();
});
