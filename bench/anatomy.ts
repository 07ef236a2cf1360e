// Where the time goes: how many ORM operations each kind of request costs the app (the request itself and the
// Slack messages it leads to), and what one operation costs in the process compared with the same SQL sent raw.
// This is what explains the latency and throughput figures; it has no goal of its own.
import { loadConfig } from "../src/config.ts";
import { startApp } from "../src/app.ts";
import { silentLogger } from "../src/logger.ts";
import { registerContract } from "../src/services/register-contract.ts";
import { Commands } from "../src/slack/ids.ts";
import { createTestDatabase } from "../test/support/database.ts";
import { startSlackStandIn } from "../tools/slack-sim/index.ts";
import { openCases, rootMessage } from "./cases.ts";
import { countingDatabase, countSqliteStatements } from "./counting-db.ts";
import { Endpoint } from "./load.ts";
import { SlackRequests } from "./payloads.ts";
import { table, type SectionResult } from "./report.ts";
import { ms, sleep, summarize } from "./stats.ts";
import { engineer, type World } from "./world.ts";

const N = 30;

export async function anatomy(options: { log: (line: string) => void }): Promise<SectionResult> {
  const slack = await startSlackStandIn({ token: "xoxb-anatomy", teamId: "T0HOME" });
  const database = await createTestDatabase("sqlite");
  const counting = countingDatabase(database.db);
  const sql = countSqliteStatements();
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-anatomy", SLACK_SIGNING_SECRET: "anatomy-secret", SLACK_API_URL: slack.url, PORT: "0",
    DATABASE_URL: database.url, SUPPORT_ENGINEERS: engineer.userId, SUPPORT_MANAGERS: "U0MGR1", TRIAGE_CHANNEL: "C0TRIAGE",
    SCHEDULER_ENABLED: "false", LOG_LEVEL: "error",
  });
  const running = await startApp({ config, logger: silentLogger, database: counting.db, channelIntervalMs: 0, outboxPollMs: 60_000, homeRefreshMs: 3_600_000 });
  const endpoint = new Endpoint(running.port!);
  const requests = new SlackRequests(slack, "anatomy-secret", "T0HOME");
  try {
    const today = running.deps.calendar.localDate(new Date());
    // The channel is shared with the customer's workspace, which registration reads from Slack (the stand-in).
    slack.setChannel({ id: "C0ANATOMY", is_ext_shared: true, connected_team_ids: ["T0HOME", "T0CUSTA"] });
    slack.setTeam({ id: "T0CUSTA", name: "構成株式会社" });
    const registered = await registerContract(running.deps, { customerName: "構成株式会社", channelIds: ["C0ANATOMY"], incidents: 1000, confirmedOn: today, actorId: "U0MGR1" });
    if (!registered.ok) throw new Error("registration failed");
    await running.dispatcher.drain();
    const customer = { userId: "U0CUSTA", teamId: "T0CUSTA" };
    // Each kind is sent N times one at a time; what it sets off (modal, outbox) is finished before counting stops.
    const measure = async (send: (i: number) => Promise<unknown>) => {
      await sleep(50);
      counting.reset();
      sql.reset();
      for (let i = 0; i < N; i++) await send(i);
      await sleep(200);
      await running.dispatcher.drain();
      return { total: (counting.counts.calls + counting.counts.raw) / N, orm: counting.counts.calls / N, statements: sql.count / N, byOperation: new Map(counting.counts.byOperation) };
    };
    const world = { database, slack } as unknown as World;
    const perRequest: Array<[string, { total: number; orm: number; statements: number; byOperation: Map<string, number> }]> = [];
    perRequest.push(["Slash command `/support`", await measure(() => endpoint.post(requests.slashCommand(Commands.support, engineer, "C0ANATOMY")))]);
    perRequest.push(["View submission (opens a case)", await measure(async (i) => {
      const submission = await requests.openCaseSubmission(customer, "C0ANATOMY", `構成 ${i}`, 1000);
      submission.answered?.(await endpoint.post(submission));
    })]);
    const cases = await openCases(world, N);
    perRequest.push(["Message event (engineer's answer)", await measure((i) => endpoint.post(requests.threadReply(engineer, "C0ANATOMY", cases[i]!.rootTs, "回答です。")))]);
    perRequest.push(["Button (resolves a case)", await measure((i) => endpoint.post(requests.resolveClick(engineer, "C0ANATOMY", rootMessage(world, cases[i]!), cases[i]!.id)))]);

    // One ORM read by primary key against the same statement sent as raw SQL, both through the same client.
    const id = cases[0]!.id;
    const time = async (op: () => Promise<unknown>) => {
      for (let i = 0; i < 200; i++) await op();
      const samples: number[] = [];
      for (let i = 0; i < 1000; i++) {
        const t0 = performance.now();
        await op();
        samples.push(performance.now() - t0);
      }
      return summarize(samples).p50;
    };
    const orm = await time(() => database.db.client.case.findUnique({ where: { id } }));
    const raw = await time(() => database.db.client.$queryRawUnsafe(`SELECT * FROM "Case" WHERE "id" = ${id}`));
    // A whole case: opened, answered, resolved, with every message each of them sends.
    const steps = perRequest.slice(1);
    const lifecycle = steps.reduce((sum, [, v]) => sum + v.total, 0);
    const lifecycleOrm = steps.reduce((sum, [, v]) => sum + v.orm, 0);
    const lifecycleStatements = steps.reduce((sum, [, v]) => sum + v.statements, 0);
    options.log(`anatomy: ${perRequest.map(([k, v]) => `${k} ${v.total.toFixed(1)} (${v.statements.toFixed(1)} statements)`).join(", ")}; whole case ${lifecycle.toFixed(1)} (ORM ${lifecycleOrm.toFixed(1)}, statements ${lifecycleStatements.toFixed(1)}); findUnique ${ms(orm)} ms vs raw ${ms(raw)} ms`);
    const operations = [...new Set(steps.flatMap(([, v]) => [...v.byOperation.keys()]))]
      .map((op) => ({ op, perStep: steps.map(([, v]) => (v.byOperation.get(op) ?? 0) / N) }))
      .map((r) => ({ ...r, whole: r.perStep.reduce((a, b) => a + b, 0) }))
      .sort((a, b) => b.whole - a.whole || a.op.localeCompare(b.op));
    const per = (x: number) => (x === 0 ? "" : x.toFixed(1));
    return {
      id: "anatomy", title: "Where the time goes",
      method: [
        `The app started in the benchmark's process on SQLite, its database client wrapped to count ORM operations and ` +
          `raw SQL statements, and every statement SQLite itself runs counted below the ORM (BEGIN and COMMIT included: ` +
          `an ORM operation with nested relations runs several); each kind of request is sent ${N} times, one at a time, ` +
          "and the counts include what the request sets off (the modal, every outbox delivery). Then one case is read by " +
          "primary key 1,000 times through the ORM and 1,000 times as the same SELECT in raw SQL through the same client " +
          "(median per call, after 200 warm-up calls).",
      ],
      body: [
        ...table(["Request", "Database operations per request (ORM operations and raw statements, incl. its Slack messages)", "Of them, ORM operations", "Statements SQLite ran"], [
          ...perRequest.map(([k, v]) => [k, v.total.toFixed(1), v.orm.toFixed(1), v.statements.toFixed(1)]),
          ["**Whole case** (open, answer, resolve, every delivery)", `**${lifecycle.toFixed(1)}**`, `**${lifecycleOrm.toFixed(1)}**`, `**${lifecycleStatements.toFixed(1)}**`],
        ]),
        "",
        "Which operations a whole case costs, per request (model and operation as the ORM names them; raw SQL statements as `$queryRaw` / `$executeRaw`):",
        "",
        ...table(["Operation", "Opens a case", "Engineer's answer", "Resolves it", "Whole case"], [
          ...operations.map((r) => [`\`${r.op}\``, ...r.perStep.map(per), per(r.whole)]),
        ]),
        "",
        ...table(["One read by primary key", "Median time per call (ms)"], [["`prisma.case.findUnique`", ms(orm)], ["The same SELECT as raw SQL", ms(raw)], ["Ratio", `${(orm / raw).toFixed(1)}×`]]),
      ],
      goals: [{
        what: "ORM operations per whole case (open, answer, resolve, every delivery)", target: "≤ 30",
        measured: `${lifecycleOrm.toFixed(1)} (with the raw statements ${lifecycle.toFixed(1)}; ${lifecycleStatements.toFixed(1)} statements SQLite ran)`,
        met: lifecycleOrm <= 30,
      }],
      findings: [
        "Prisma 7 plans every ORM operation with a WebAssembly compiler (cached per query shape since 7.4, except " +
          "`createMany`, whose plan it never keeps) and interprets the plan in JavaScript; that work, not the database, " +
          `is ${Math.round((1 - raw / orm) * 100)}% of the ${ms(orm)} ms above, and an operation with nested relations ` +
          "pays it again for each statement it runs. So the reads and writes on the path of every case are raw SQL " +
          "behind their repositories (the channel a request comes from, the case it acts on, the case's creation, " +
          "change, event and settlement, the ledger entry, the outbox rows and their marking, the reads the outbox renders " +
          "from, the thread message), each one statement where the ORM ran several; test/db/raw-reads.test.ts compares each raw " +
          "read with the ORM query it replaced, on both databases. What is left of the ORM on this path is the count of " +
          "held messages the dispatcher looks at now and then. The ORM stays for everything else, where a statement's " +
          "CPU is not on the path of every case.",
      ],
    };
  } finally {
    endpoint.close();
    await running.stop();
    await slack.close();
    await database.drop();
  }
}
