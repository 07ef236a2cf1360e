// /case <words> looks at the newest cases first, in widening windows, and stops once it has the page; what a
// person is shown must be exactly what the plain search over every case shows: the newest cases that have every
// word somewhere (title, description or a message not deleted), with "more" when there are more. Checked on a world
// whose matches sit in every window — common words, rare ones, words only in old cases, in titles only, in
// descriptions only, in deleted messages, in no text — with message ids out of step with their cases, and against
// a reading of every text in the test itself.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchCases, type SearchWindows } from "../../src/db/cases/search.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";

let database: TestDatabase;
const CASES = 320;
const CHANNELS = ["C0WINDOWA", "C0WINDOWB", "C0WINDOWC"];

interface WorldCase { id: number; channelId: string; title: string; description: string; messages: Array<{ text: string; deleted: boolean }> }
const world: WorldCase[] = [];

/** A fixed sequence of numbers in [0, 1): the same world every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function buildWorld(): void {
  const random = sequence(20261201);
  for (let id = 1; id <= CASES; id++) {
    // Channel B has few cases, and only old ones past the first hundred: a customer's search must reach back.
    const channelId = id % 17 === 0 ? CHANNELS[1]! : id % 5 === 0 ? CHANNELS[2]! : CHANNELS[0]!;
    const title = [
      id % 9 === 0 ? "題名だけの語について" : "問い合わせ",
      id % 11 === 0 ? "DBの件" : "",
      id === 7 ? "めったにない語" : "",
    ].join("");
    const description = [
      "詳細は以下のとおりです。",
      id % 13 === 0 ? "説明にだけある語句を含みます。" : "",
      id % 4 === 0 ? "帳票の出力で" : "",
    ].join("");
    const messages: WorldCase["messages"] = [];
    const count = 1 + Math.floor(random() * 5);
    for (let n = 0; n < count; n++) {
      const parts = ["お世話になっております。"];
      // Every seventh case has the common word in its first message only, the one recorded out of order below.
      if (id % 7 === 0 ? n === 0 : random() < 0.3) parts.push("ありふれた語が出ます。");
      if (id <= 40 && random() < 0.5) parts.push("古い案件だけの語です。");
      if ((id === 3 || id === 151 || id === 301) && n === 0) parts.push("めったにない語");
      if (random() < 0.1) parts.push(random() < 0.5 ? "TIMEOUT が発生" : "timeout が発生");
      if (id % 10 === 0 && n === 0) parts.push("消された語");
      messages.push({ text: parts.join(""), deleted: id % 10 === 0 && n === 0 });
    }
    world.push({ id, channelId, title, description, messages });
  }
}

beforeAll(async () => {
  buildWorld();
  database = await createTestDatabase();
  const db = database.db.client;
  const at = new Date("2026-11-24T01:00:00Z");
  await db.customer.createMany({ data: CHANNELS.map((_, i) => ({ id: i + 1, name: `窓株式会社 ${i + 1}`, createdAt: at })) });
  await db.customerChannel.createMany({ data: CHANNELS.map((channelId, i) => ({ id: i + 1, channelId, customerId: i + 1, createdAt: at })) });
  await db.contract.createMany({
    data: CHANNELS.map((_, i) => ({ id: i + 1, customerId: i + 1, startsOn: "2026-04-01", endsOn: "2027-03-31", purchased: 1000, available: 1000, createdBy: "U0MGR1", createdAt: at })),
  });
  const customerOf = (channelId: string) => CHANNELS.indexOf(channelId) + 1;
  await db.case.createMany({
    data: world.map((c) => ({
      id: c.id, customerId: customerOf(c.channelId), contractId: customerOf(c.channelId), channelId: c.channelId, requestKey: `window-${c.id}`,
      title: c.title, description: c.description, level: "normal" as const, incidents: 1, state: "resolved" as const, openedBy: "U0CUST1",
      rootTs: `1764000000.${String(c.id).padStart(6, "0")}`, createdAt: at, updatedAt: at,
    })),
  });
  // Message ids mostly follow their cases, as they do when written as they come; every seventh case's first
  // message has an id far older than its case's neighbours' (a message recorded late, an import), which a window
  // must not miss.
  const messages = world.flatMap((c) => c.messages.map((m, n) => ({ c, m, n })));
  const early = messages.filter(({ c, n }) => c.id % 7 === 0 && n === 0);
  const rest = messages.filter(({ c, n }) => !(c.id % 7 === 0 && n === 0));
  const ordered = [...rest.slice(0, 50), ...early, ...rest.slice(50)];
  await db.caseMessage.createMany({
    data: ordered.map(({ c, m, n }, i) => ({
      id: i + 1, caseId: c.id, channelId: c.channelId, ts: `1764000001.${String(c.id).padStart(6, "0")}${n}`, userId: "U0CUST1", authorRole: "customer",
      text: m.text, postedAt: at, ...(m.deleted ? { deletedAt: at } : {}),
    })),
  });
}, 60_000);

afterAll(async () => {
  await database?.drop();
});

/** What a person must be shown: read every text of every case in scope. */
function expected(terms: string[], channelId: string | undefined, limit: number): { ids: number[]; more: boolean } {
  const has = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());
  const indexed = terms.some((t) => Array.from(t).length >= 3);
  const matching = world
    .filter((c) => channelId === undefined || c.channelId === channelId)
    .filter((c) => terms.every((t) => has(c.title, t) || has(c.description, t)
      || (indexed && c.messages.some((m) => !m.deleted && has(m.text, t)))))
    .map((c) => c.id)
    .sort((a, b) => b - a);
  return { ids: matching.slice(0, limit), more: matching.length > limit };
}

const QUERIES: Array<[string, string[]]> = [
  ["a common word", ["ありふれた語"]],
  ["a rare word, in messages of old and new cases and one title", ["めったにない語"]],
  ["a word only in the oldest cases", ["古い案件だけの語"]],
  ["a word only in titles", ["題名だけの語"]],
  ["a word only in descriptions", ["説明にだけある語句"]],
  ["a word only in deleted messages", ["消された語"]],
  ["a word in no text", ["どこにもない語"]],
  ["a word written in other cases (ILIKE, not LIKE)", ["TimeOut"]],
  ["two common words", ["ありふれた語", "timeout"]],
  ["a common word and a title word", ["ありふれた語", "題名だけの語"]],
  ["a rare word and a common word", ["めったにない語", "ありふれた語"]],
  ["an old word and a common word", ["古い案件だけの語", "ありふれた語"]],
  ["a common word narrowed by a two-character word", ["ありふれた語", "帳票"]],
  ["a two-character word alone (titles and descriptions)", ["DB"]],
  ["a two-letter word typed in the other case", ["db"]],
];

const WINDOWS: Array<[string, SearchWindows]> = [
  ["small windows, no word counted rare", { first: 10, growth: 2, rare: 0 }],
  ["small windows, words under 40 texts rare", { first: 10, growth: 3, rare: 40 }],
  ["one case at a time at first", { first: 1, growth: 2, rare: 0 }],
  ["one window wider than every case", { first: 1000, growth: 8, rare: 1000 }],
  ["small windows, every word rare", { first: 10, growth: 2, rare: 100_000 }],
];

describe("the windowed search finds exactly what the plain search finds", () => {
  for (const [what, terms] of QUERIES) {
    it(`${what}: ${terms.join(" ")}`, async () => {
      for (const channelId of [undefined, ...CHANNELS]) {
        for (const limit of [10, 3]) {
          const scope = { limit, ...(channelId !== undefined ? { channelId } : {}) };
          const plain = await searchCases(database.db, terms, scope, null);
          const want = expected(terms, channelId, limit);
          expect({ ids: plain.hits.map((h) => h.caseId), more: plain.more }, `plain, ${channelId ?? "staff"}, ${limit}`).toEqual(want);
          for (const [how, windows] of WINDOWS) {
            const windowed = await searchCases(database.db, terms, scope, windows);
            expect(windowed, `${how}, ${channelId ?? "staff"}, ${limit}`).toEqual(plain);
          }
        }
      }
    });
  }

  it("the world has what the cases above need: matches in many windows, and scopes that differ", () => {
    expect(expected(["ありふれた語"], undefined, 10).ids).toContain(315);
    const common = expected(["ありふれた語"], undefined, 1000).ids;
    expect(common.length).toBeGreaterThan(60);
    expect(Math.min(...common)).toBeLessThan(20);
    expect(expected(["古い案件だけの語"], undefined, 1000).ids.every((id) => id <= 40)).toBe(true);
    expect(expected(["めったにない語"], undefined, 1000).ids).toEqual([301, 151, 7, 3]);
    expect(expected(["消された語"], undefined, 1000).ids).toEqual([]);
    expect(expected(["ありふれた語"], CHANNELS[1], 1000).ids.length).toBeGreaterThan(3);
    expect(expected(["db"], undefined, 1000).ids.length).toBeGreaterThan(20);
  });
});

describe("a search of words too short for the index", () => {
  // DB is in the titles of every eleventh case; the newest 100 cases are 221–320.
  const reach: SearchWindows = { first: 10, growth: 2, rare: 0, shortReach: 100 };

  it("looks at the titles and descriptions of the newest cases only, and says how many", async () => {
    const found = await searchCases(database.db, ["DB"], { limit: 50 }, reach);
    const want = expected(["DB"], undefined, 1000).ids.filter((id) => id > CASES - 100);
    expect(found.hits.map((h) => h.caseId)).toEqual(want);
    expect(found.hits.every((h) => h.caseId > CASES - 100)).toBe(true);
    expect(found).toMatchObject({ titlesOnly: true, reach: 100, more: false });
  });

  it("covers every case, and says nothing of a reach, where the scope has no more cases than that", async () => {
    const found = await searchCases(database.db, ["DB"], { limit: 50, channelId: CHANNELS[1] }, reach);
    expect(found.hits.map((h) => h.caseId)).toEqual(expected(["DB"], CHANNELS[1], 50).ids);
    expect(found.reach).toBeNull();
  });

  it("reaches every case again once a word is long enough for the index", async () => {
    const found = await searchCases(database.db, ["ありふれた語", "DB"], { limit: 50 }, reach);
    expect(found.hits.map((h) => h.caseId)).toEqual(expected(["ありふれた語", "DB"], undefined, 50).ids);
    expect(found.reach).toBeNull();
  });
});
