// Case search at scale: /case <words> over 100k cases and 1M thread messages, on both databases, through the
// service the command calls (the trigram index lookup, the rows of the hits and each hit's excerpt; Slack's
// permalinks are not included). Goal from the request: p99 < 100 ms.
import type { Database } from "../src/db/client.ts";
import { findCase } from "../src/services/find-case.ts";
import { BusinessCalendar, DEFAULT_CLOSED_DAYS } from "../src/domain/calendar.ts";
import { createTestDatabase } from "../test/support/database.ts";
import { table, type Goal, type SectionResult } from "./report.ts";
import { int, ms, summarize } from "./stats.ts";

const CUSTOMERS = 1000;
/** Words the seeded texts are made of: 60 common ones, each in about one text in 20. */
const WORDS = [
  "ライセンス認証", "インストール", "アップデート", "バックアップ", "データベース", "ネットワーク", "プロキシ", "証明書",
  "ログイン", "パスワード", "タイムアウト", "メモリ不足", "ディスク容量", "印刷", "帳票", "月次処理", "日次バッチ",
  "エクスポート", "インポート", "文字化け", "画面が固まる", "応答なし", "接続できない", "権限", "監査ログ", "設定ファイル",
  "サービス起動", "再起動後", "クラスタ", "フェイルオーバー", "移行", "バージョンアップ", "互換性", "性能劣化",
  "検索が遅い", "索引", "同期", "スケジュール", "通知メール", "添付ファイル", "サーバー証明書", "仮想環境", "クラウド環境",
  "ファイアウォール", "シングルサインオン", "多要素認証", "利用者登録", "組織変更", "年度切替", "締め処理", "集計結果",
  "差異", "再現手順", "操作ログ", "エラーダイアログ", "警告", "ライセンス数", "保守期限", "更新手続き", "請求書",
];

const QUERIES: Array<{ label: string; query: string }> = [
  { label: "a rare code (about 200 messages)", query: "E-4711" },
  { label: "a common word (1 text in 20)", query: "タイムアウト" },
  { label: "a word inside longer text", query: "イムアウ" },
  { label: "two common words, both in the case", query: "プロキシ 証明書" },
  { label: "a rare code and a common word", query: "E-4711 タイムアウト" },
  { label: "a word in no text", query: "存在しない語句" },
  { label: "a two-character word (titles and descriptions only)", query: "帳票" },
  { label: "a two-letter word in no title or description", query: "zz" },
];

/** Runs of the baseline, the plain search over every case at once (slow for common words, so fewer). */
const BASELINE_RUNS = 10;

const calendar = new BusinessCalendar({ timezone: "Asia/Tokyo", closedDays: DEFAULT_CLOSED_DAYS });

interface Row { provider: string; label: string; query: string; scope: string; hits: number; p50: number; p99: number; max: number; plainP50: number }

export async function caseSearch(options: { quick: boolean; log: (line: string) => void }): Promise<SectionResult> {
  const cases = options.quick ? 10_000 : 100_000;
  const messages = cases * 10;
  const runs = options.quick ? 10 : 50;
  const rows: Row[] = [];
  const seeded: string[] = [];
  for (const provider of ["sqlite", "postgresql"] as const) {
    const database = await createTestDatabase(provider);
    try {
      const started = performance.now();
      await seed(database.db, cases, messages);
      const seconds = (performance.now() - started) / 1000;
      seeded.push(`${provider === "sqlite" ? "SQLite" : "PostgreSQL"}: ${int(cases)} cases and ${int(messages)} messages written with their indexes in ${seconds.toFixed(0)} s`);
      options.log(`case search ${provider}: seeded in ${seconds.toFixed(0)} s`);
      const deps = { db: database.db, calendar, clock: { now: () => new Date("2026-11-25T03:00:00Z") } };
      for (const { label, query } of QUERIES) {
        for (const scope of ["staff", "customer"] as const) {
          const channel = scope === "customer" ? { channelId: "C0SEARCH0042" } : {};
          for (let i = 0; i < 3; i++) await findCase(deps, query, channel);
          const times: number[] = [];
          let hits = 0;
          for (let i = 0; i < runs; i++) {
            const t0 = performance.now();
            const result = await findCase(deps, query, channel);
            times.push(performance.now() - t0);
            hits = result.kind === "results" ? result.cases.length : 0;
          }
          const s = summarize(times);
          const plain: number[] = [];
          await findCase(deps, query, { ...channel, windows: null });
          for (let i = 0; i < (options.quick ? 3 : BASELINE_RUNS); i++) {
            const t0 = performance.now();
            await findCase(deps, query, { ...channel, windows: null });
            plain.push(performance.now() - t0);
          }
          const plainP50 = summarize(plain).p50;
          rows.push({ provider, label, query, scope, hits, p50: s.p50, p99: s.p99, max: s.max, plainP50 });
          options.log(`case search ${provider} ${scope} "${query}": p50 ${ms(s.p50)} p99 ${ms(s.p99)} ms, ${hits} shown; every case at once p50 ${ms(plainP50)} ms`);
        }
      }
    } finally {
      await database.drop();
    }
  }
  return report(rows, seeded, cases, messages, runs);
}

/** Customers, cases and messages written with set-based SQL; the search indexes are kept by the database as it writes. */
export async function seed(db: Database, cases: number, messages: number): Promise<void> {
  const pg = db.provider === "postgresql";
  const series = (to: number) => (pg ? { prefix: "", source: `generate_series(1, ${to}) AS s(n)` }
    : { prefix: `WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${to})`, source: "s" });
  const pad = (e: string) => (pg ? `lpad((${e})::text, 4, '0')` : `printf('%04d', ${e})`);
  const now = pg ? "TIMESTAMP '2026-11-25 03:00:00'" : "'2026-11-25T03:00:00.000+00:00'";
  const words = `(VALUES ${WORDS.map((w, i) => `(${i}, '${w}')`).join(", ")})`;
  const w = (alias: string) => `(SELECT w FROM ${words} AS v(i, w) WHERE v.i = ${alias})`;
  const wSqlite = (alias: string) => `(SELECT column2 FROM ${words} WHERE column1 = ${alias})`;
  const word = pg ? w : wSqlite;
  const run = (sql: string) => db.client.$executeRawUnsafe(sql);
  let s = series(CUSTOMERS);
  await run(`${s.prefix} INSERT INTO "Customer" ("id", "name", "createdAt") SELECT n, '検索株式会社 ' || ${pad("n")}, ${now} FROM ${s.source}`);
  await run(`${s.prefix} INSERT INTO "CustomerChannel" ("id", "channelId", "customerId", "locale", "createdAt") SELECT n, 'C0SEARCH' || ${pad("n")}, n, 'ja', ${now} FROM ${s.source}`);
  await run(`${s.prefix} INSERT INTO "Contract" ("id", "customerId", "kind", "startsOn", "endsOn", "purchased", "available", "reserved", "consumed", "createdBy", "createdAt")
    SELECT n, n, 'initial', '2026-04-01', '2027-03-31', 1000, 1000, 0, 0, 'U0MGR1', ${now} FROM ${s.source}`);
  const customer = `(1 + n % ${CUSTOMERS})`;
  s = series(cases);
  // A title of two words, a description of three, out of the 60: each word in about one title or description in 20.
  await run(`${s.prefix} INSERT INTO "Case" ("id", "customerId", "contractId", "channelId", "requestKey", "title", "description", "level", "incidents", "state", "openedBy", "rootTs", "createdAt", "updatedAt")
    SELECT n, ${customer}, ${customer}, 'C0SEARCH' || ${pad(customer)}, 'search-' || n,
      ${word("n % 60")} || 'で' || ${word("(n / 60) % 60")} || 'が発生する',
      ${word("(n / 7) % 60")} || 'の後、' || ${word("(n / 11) % 60")} || 'について' || ${word("(n / 13) % 60")} || 'を確認しています。',
      'normal', 1, 'resolved', 'U0CUST1', '1764000000.' || n, ${now}, ${now} FROM ${s.source}`);
  // Ten messages a case, each of two words and an error code out of 5,000 (each code in about 200 messages).
  for (let from = 1; from <= messages; from += 250_000) {
    const to = Math.min(messages, from + 250_000 - 1);
    const m = pg ? { prefix: "", source: `generate_series(${from}, ${to}) AS s(n)` }
      : { prefix: `WITH RECURSIVE s(n) AS (SELECT ${from} UNION ALL SELECT n + 1 FROM s WHERE n < ${to})`, source: "s" };
    await run(`${m.prefix} INSERT INTO "CaseMessage" ("id", "caseId", "channelId", "ts", "userId", "authorRole", "text", "postedAt")
      SELECT n, 1 + (n - 1) / 10, 'C0SEARCH' || ${pad(`1 + ((1 + (n - 1) / 10) % ${CUSTOMERS})`)}, '1764000001.' || n, 'U0CUST1', 'customer',
        'お世話になっております。' || ${word("(n * 7) % 60")} || 'の件で、' || ${word("(n / 3) % 60")} || 'の際にエラー E-' || ((n * 13) % 5000) || ' が表示されました。ご確認をお願いいたします。',
        ${now} FROM ${m.source}`);
  }
  if (pg) {
    for (const t of ["Case", "CaseMessage", "Customer"]) await run(`ANALYZE "${t}"`);
    await run(`SELECT setval(pg_get_serial_sequence('"Case"', 'id'), ${cases})`);
  } else {
    await run("ANALYZE");
  }
}

function report(rows: Row[], seeded: string[], cases: number, messages: number, runs: number): SectionResult {
  const goals: Goal[] = [];
  for (const provider of ["sqlite", "postgresql"]) {
    const mine = rows.filter((r) => r.provider === provider);
    if (mine.length === 0) continue;
    const worstOf = (list: Row[]) => list.reduce((a, b) => (b.p99 > a.p99 ? b : a));
    const worst = worstOf(mine);
    // Words of one or two letters alone have no trigram to look up: named apart, as what is still missed.
    const indexed = mine.filter((r) => r.query.split(/\s+/).some((w) => Array.from(w).length >= 3));
    const worstIndexed = indexed.length > 0 ? worstOf(indexed) : worst;
    goals.push({
      what: `${provider === "sqlite" ? "SQLite" : "PostgreSQL"}, /case <words> at ${int(cases)} cases / ${int(messages)} messages`,
      target: "p99 < 100 ms",
      measured: `worst query p99 ${ms(worst.p99)} ms (\`${worst.query}\`, ${worst.scope}); with a word of three characters or more ${ms(worstIndexed.p99)} ms (\`${worstIndexed.query}\`, ${worstIndexed.scope})`,
      met: cases >= 100_000 ? worst.p99 < 100 : null,
    });
  }
  return {
    id: "case-search", title: "Case search",
    method: [
      `A fresh database per engine with ${int(CUSTOMERS)} customers, ${int(cases)} cases (a title of two and a description of three words ` +
        `out of 60 common Japanese support words) and ${int(messages)} thread messages (ten a case, two of the words and an error code out of 5,000), ` +
        "written with set-based SQL while the search indexes (SQLite FTS5 trigram tables kept by triggers; PostgreSQL pg_trgm GIN indexes) " +
        "are maintained as the app maintains them.",
      `Each query runs through \`findCase\` (what /case and the customers' search call: the index lookup, every word somewhere in the case, ` +
        `the ten newest hits' rows and excerpts) ${runs} times after three warm-up runs, for staff (every customer) and for one customer's channel ` +
        "(customer 42: 100 cases). The search looks at the newest 500 cases in scope first, then eight times as many, and so on; " +
        `the baseline, measured in the same run (${BASELINE_RUNS} runs after one warm-up), is the same \`findCase\` searching every case at once ` +
        "(what each widening look must agree with); the ratio is its p50 over the search's p50.",
    ],
    body: [...table(["Database", "Query", "Scope", "Shown", "p50 (ms)", "p99 (ms)", "max (ms)", "every case at once, p50 (ms)", "ratio"],
      rows.map((r) => [r.provider === "sqlite" ? "SQLite" : "PostgreSQL", `${r.label}: \`${r.query}\``, r.scope, r.hits, ms(r.p50), ms(r.p99), ms(r.max),
        ms(r.plainP50), `${(r.plainP50 / r.p50).toFixed(1)}×`])),
    "", ...seeded.map((s) => `- ${s}`)],
    goals,
    findings: [
      "How the search keeps to the page shown: each look covers the newest cases in scope, and of the messages only those from the first message of " +
        "the window's oldest cases on (SQLite: a rowid range of the FTS5 table; PostgreSQL: the trigram bitmap and the id index combined), and its answer " +
        "is kept once it has eleven cases and no case newer than the eleventh has an older message that could hold a word (checked through the case index). " +
        "In the first look, and for a customer with few cases, a kana or kanji word is tested on each text (instr; LIKE on PostgreSQL, where it equals " +
        "ILIKE for caseless words and does not lower every text); when the first look is short (or at once, for a word with case such as an error code), " +
        "the words are counted in the index up to 1,000 texts: a rarer word's cases are read in full once, and the other words are then tested only on them. `test/services/case-search-windows.test.ts` checks every path " +
        "against the search over every case and against reading every text.",
      "Before this, a common word read every text that has it: `タイムアウト` is in about 50,000 of the million messages, and p99 was 827 ms (SQLite) and " +
        "2,461 ms (PostgreSQL) in the committed run. A search of several words also listed cases with only one of them (each word's UNION was joined with " +
        "INTERSECT, which SQLite reads left to right and PostgreSQL binds first): `プロキシ 証明書` now shows the one case of customer 42 that has both.",
      "Slowest: a word of one or two letters in no title or description (`zz`) is tested on every case's title and description, as no trigram index " +
        "answers for it (on PostgreSQL its first letter is looked for before ILIKE lowers a text, a third of the time ILIKE alone takes). " +
        "A word common in old cases only is read in every look up to the search over every case (not measured here). " +
        "The PostgreSQL trigram indexes are read with their GIN pending lists (up to 4 MB each after the bulk load, as between two vacuums); every trigram " +
        "lookup scans them. The machine's load average was high during this run (other test suites on the same two cores), which lengthens the tails most.",
    ],
  };
}
