// Balances: the managers' /balance overview over 1,000 customers and a million ledger entries, through the real
// receiver, and the service alone in this process to show how much of it is the database. The data is the one
// bench/balance-overview.ts seeds.
import { Commands } from "../src/slack/ids.ts";
import { seedBalanceCustomers, seedBalanceLedger, timeOverview } from "./balance-overview.ts";
import { runWaves } from "./load.ts";
import { table, type Goal, type SectionResult } from "./report.ts";
import { int, ms, summarize, type Summary } from "./stats.ts";
import { manager, startWorld } from "./world.ts";

const CUSTOMERS = 1000;

interface Result { label: string; ledger: number; cases: number; seedSeconds: number; receiver: Summary; service: Summary; failures: number; rows: number }

export async function balances(options: { quick: boolean; log: (line: string) => void }): Promise<SectionResult> {
  const ledger = options.quick ? 200_000 : 1_000_000;
  const cases = CUSTOMERS * 50;
  const requests = options.quick ? 30 : 100;
  const results: Result[] = [];
  for (const kind of ["sqlite", "postgresql"] as const) {
    const world = await startWorld(kind);
    try {
      const db = world.database!.db;
      const deps = world.deps!;
      // The app under measurement runs on the real clock, so the data is laid out around today.
      const at = new Date();
      const t0 = performance.now();
      await seedBalanceCustomers(db, { customers: CUSTOMERS, cases, at, today: deps.calendar.localDate(at) });
      await seedBalanceLedger(db, { ledgerEntries: ledger, at });
      const seedSeconds = (performance.now() - t0) / 1000;
      const service = await timeOverview(deps, Math.max(10, requests / 2));
      const rows = service.rows;
      const build = () => world.requests.slashCommand(Commands.balance, manager, "C0MANAGERS");
      const check = (answer: { text: string }) => (answer.text.includes("ベンチ株式会社") ? null : `no overview in the answer: ${answer.text.slice(0, 120)}`);
      await runWaves(world.endpoint, { total: 5, concurrency: 1, build, check });
      const measured = await runWaves(world.endpoint, { total: requests, concurrency: 1, build, check });
      results.push({ label: kind === "sqlite" ? "SQLite" : "PostgreSQL", ledger, cases, seedSeconds, receiver: summarize(measured.latencies), service: service.summary, failures: measured.failures, rows });
      options.log(`balances ${kind}: p50 ${ms(summarize(measured.latencies).p50)} ms through the receiver`);
    } finally {
      await world.close();
    }
  }
  const goals: Goal[] = results.map((r) => ({
    what: `/balance, ${r.label}`, target: "< 100 ms (p99 through the receiver)", measured: `${ms(r.receiver.p99)} ms`, met: r.receiver.p99 < 100 && r.failures === 0,
  }));
  return {
    id: "balances", title: "Balances",
    method: [
      `A fresh database per engine holds ${int(CUSTOMERS)} customers, each with a channel and a contract (a quarter ` +
        `with a renewal bought ahead, some ended, some nearly used up), ${int(ledger)} ledger entries (a purchase per ` +
        `contract, then reserve/consume pairs, with the contract counters agreeing with them) and ${int(cases)} cases ` +
        "(2% open), written with set-based SQL by bench/balance-overview.ts. A manager's signed `/balance` " +
        `(no argument: every customer, those needing attention first) is sent ${requests} times, one at a time, to the ` +
        "real receiver in a child process; the answer is the overview itself, in the acknowledgement. The same overview " +
        "is also computed by calling the service directly in the benchmark's process, to separate the database and " +
        "service work from Bolt and HTTP. Five untimed requests (and one service call) warm up first.",
    ],
    body: table(
      ["Database", "Customers listed", "Through the receiver p50 / p95 / p99 (ms)", "Service alone p50 / p95 / p99 (ms)", "Failures", "Seeding (s)"],
      results.map((r) => [r.label, int(r.rows), `${ms(r.receiver.p50)} / ${ms(r.receiver.p95)} / ${ms(r.receiver.p99)}`, `${ms(r.service.p50)} / ${ms(r.service.p95)} / ${ms(r.service.p99)}`, String(r.failures), r.seedSeconds.toFixed(0)]),
    ),
    goals,
    findings: [],
  };
}
