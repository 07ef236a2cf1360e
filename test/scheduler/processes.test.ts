// The scheduler as operators and replicas run it, in separate processes: the CLI's one-pass and dry-run output,
// a pass killed halfway and run again, and (on PostgreSQL) several replicas racing over the same due duties.
// However the runs overlap or stop, every notice exists once and every case is closed once with one consume
// entry. Rules: R-LIFE-2, R-LIFE-6, R-LIFE-7, R-CON-2, R-CON-4.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import type { JobOutcome } from "../../src/services/scheduled-job.ts";
import { TEST_PROVIDER } from "../support/database.ts";
import { createWorld, customerOpensCase, engineerAnswers, outbox, registerCustomer, tokyo, TRIAGE, type World } from "./world.ts";

let w: World | undefined;
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await w?.close();
  w = undefined;
});

// tsx as a loader inside one node process: its CLI would run the script in a child process that a kill of the
// parent leaves running.
const TSX = ["--import", "tsx"];

function start(args: string[], url: string) {
  const child = spawn(process.execPath, [...TSX, ...args], {
    env: { ...process.env, DATABASE_URL: url, TRIAGE_CHANNEL: TRIAGE, LOG_LEVEL: "error" }, stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  const lines: string[] = [];
  const listeners: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    lines.push(line);
    for (const listener of listeners) listener(line);
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const lineMatching = (test: (line: string) => boolean) => new Promise<string>((resolve) => {
    const found = lines.find(test);
    if (found) resolve(found);
    else listeners.push((line) => test(line) && resolve(line));
  });
  return { child, lines, exited, lineMatching, stderr: () => stderr };
}

async function cli(url: string, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: url, TRIAGE_CHANNEL: TRIAGE, LOG_LEVEL: "error" }, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err: err.join("\n") };
}

/** Customers whose cases and contracts all have duties due by `asOf` (2027-02-01 11:00 Tokyo). */
async function manyDue(world: World, customers: number, answered: number, unanswered: number) {
  world.clock.set(tokyo("2027-01-12 10:00"));
  const all: { answered: number[]; unanswered: number[] } = { answered: [], unanswered: [] };
  for (let i = 0; i < customers; i++) {
    // The first customer has exactly enough incidents for its answered cases: closing them exhausts the contract.
    const { channelId } = await registerCustomer(world, { confirmedOn: "2026-04-01", incidents: i === 0 ? answered : answered + unanswered });
    for (let j = 0; j < answered; j++) all.answered.push(await customerOpensCase(world, channelId));
    if (i > 0) for (let j = 0; j < unanswered; j++) all.unanswered.push(await customerOpensCase(world, channelId));
  }
  world.clock.set(tokyo("2027-01-12 11:00"));
  for (const id of all.answered) await engineerAnswers(world, id);
  return all;
}

async function assertEachOnce(world: World, cases: { answered: number[]; unanswered: number[] }, customers: number) {
  const db = world.database.db.client;
  const rows = await outbox(world);
  const byNotice = (key: string) => rows.filter((r) => "notice" in r.payload && r.payload.notice === key);
  const sortedIds = (list: Array<{ caseId: number | null }>) => list.map((r) => r.caseId).sort((a, b) => (a ?? 0) - (b ?? 0));
  expect(sortedIds(byNotice("notice.auto_closed"))).toEqual(cases.answered);
  expect(sortedIds(byNotice("alert.first_response_overdue"))).toEqual(cases.unanswered);
  expect(sortedIds(byNotice("notice.unanswered_delay"))).toEqual(cases.unanswered);
  expect(sortedIds(byNotice("alert.unanswered_delay"))).toEqual(cases.unanswered);
  expect(byNotice("notice.renewal_due").length).toBe(customers);
  expect(byNotice("alert.renewal_due").length).toBe(customers);
  expect(byNotice("notice.contract_exhausted").length).toBe(1);
  expect(byNotice("alert.contract_exhausted").length).toBe(1);
  expect(byNotice("notice.auto_close_soon").length + byNotice("alert.first_response_soon").length).toBe(0);
  const consumes = await db.ledgerEntry.groupBy({ by: ["caseId"], where: { kind: "consume" }, _count: { _all: true } });
  expect(consumes.map((c) => [c.caseId, c._count._all]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual(cases.answered.map((id) => [id, 1]));
  expect(await db.case.count({ where: { state: "closed" } })).toBe(cases.answered.length);
  expect(await db.caseEvent.count({ where: { kind: "auto_close" } })).toBe(cases.answered.length);
}

const AS_OF = "2027-02-01T11:00:00+09:00";

describe("the scheduler in separate processes", { timeout: 240_000 }, () => {
  it("prints what a dry run would do, writes nothing, and refuses a real run in the future without --allow-future", async () => {
    w = await createWorld();
    const cases = await manyDue(w, 2, 1, 1);
    const before = (await outbox(w)).length;
    const dry = await cli(w.database.url, "scheduler", "run", "--as-of", "2027-02-01T11:00", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.out[0]).toBe("scheduler pass as of 2027-02-01 11:00 Asia/Tokyo (2027-02-01T02:00:00.000Z), dry run: nothing is written");
    expect(dry.out).toContainEqual(expect.stringMatching(new RegExp(`^auto-close +#${String(cases.answered[0]).padStart(4, "0")} .* would +close as resolved, consuming 1 incident`)));
    expect(dry.out.at(-1)).toBe("summary: 6 would be done, 3 would be skipped");
    expect((await outbox(w)).length).toBe(before);

    const refused = await cli(w.database.url, "scheduler", "run", "--as-of", AS_OF);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("--as-of is in the future");
    expect((await cli(w.database.url, "scheduler", "run", "--as-of", "next tuesday", "--dry-run")).code).toBe(2);
    expect((await outbox(w)).length).toBe(before);
  });

  it("a pass killed halfway and run again does every duty exactly once", async () => {
    w = await createWorld();
    const cases = await manyDue(w, 3, 10, 5);
    const first = start(["src/cli/main.ts", "scheduler", "run", "--as-of", AS_OF, "--allow-future"], w.database.url);
    await first.lineMatching((line) => / done /.test(line));
    first.child.kill("SIGKILL");
    await first.exited;
    const again = await cli(w.database.url, "scheduler", "run", "--as-of", AS_OF, "--allow-future");
    expect(again.err, again.out.filter((l) => / FAILED /.test(l)).slice(0, 3).join("\n")).toBe("");
    expect(again.code).toBe(0);
    expect(again.out.filter((l) => / FAILED /.test(l))).toEqual([]);
    await assertEachOnce(w, cases, 3);
    // The second run did only what the first had not finished: 30 closes, 10 + 10 alerts and notices, 3 renewals, 1 exhausted.
    const doneBy = (lines: string[]) => lines.filter((l) => / done /.test(l)).length;
    expect(doneBy(first.lines)).toBeGreaterThanOrEqual(1);
    expect(doneBy(first.lines) + doneBy(again.out)).toBeLessThanOrEqual(54);
    expect(doneBy(again.out)).toBeLessThan(54);
    // Nothing is left for a third run.
    expect((await cli(w.database.url, "scheduler", "run", "--as-of", AS_OF, "--allow-future")).out.at(-1)).toBe("summary: nothing due");
  });

  it.skipIf(TEST_PROVIDER !== "postgresql")("three replicas racing over the same due duties on PostgreSQL produce each notice once", async () => {
    w = await createWorld();
    const cases = await manyDue(w, 6, 12, 8);
    const replicas = [0, 1, 2].map(() => start(["test/scheduler/replica-process.ts", w!.database.url, AS_OF, "25"], w!.database.url));
    await Promise.all(replicas.map((r) => r.lineMatching((line) => line === "ready")));
    for (const r of replicas) r.child.stdin.write("go\n");
    const codes = await Promise.all(replicas.map((r) => r.exited));
    expect(codes, replicas.map((r) => r.stderr()).join("\n")).toEqual([0, 0, 0]);

    const outcomes = replicas.map((r) => r.lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as JobOutcome));
    const all = outcomes.flat();
    expect(all.filter((o) => o.result === "failed")).toEqual([]);
    // 72 closes, 40 overdue alerts, 40 delay notices, 6 renewals, 1 exhausted contract: each done by exactly one replica.
    const done = all.filter((o) => o.result === "done").map((o) => `${o.job} ${o.subject}`);
    expect(done.length).toBe(72 + 40 + 40 + 6 + 1);
    expect(new Set(done).size).toBe(done.length);
    // They really raced: more than one replica did work, and some found a duty already taken.
    expect(outcomes.filter((list) => list.some((o) => o.result === "done")).length).toBeGreaterThan(1);
    expect(all.some((o) => o.result === "taken")).toBe(true);
    await assertEachOnce(w, cases, 6);
  });
});
