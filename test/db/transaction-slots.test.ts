// A burst of transactions larger than the connection pool waits its turn in memory instead of failing inside the
// driver's pool; DATABASE_URL's pool parameters set how many connections one process opens and how long a
// transaction may wait, and a wrong one is refused naming itself.
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { driverUrl, poolSettings, transactionSlots } from "../../src/db/pool-settings.ts";
import { TransactionSlots, TransactionWaitTimeout } from "../../src/db/transaction-slots.ts";
import { createTestDatabase, POSTGRES_URL, TEST_PROVIDER, type TestDatabase } from "../support/database.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("pool settings in DATABASE_URL", () => {
  it("default to ten connections, a minute's wait for a turn and five seconds to connect", () => {
    expect(poolSettings("postgresql://app@db:5432/desk")).toEqual({ connections: 10, waitMs: 60_000, connectMs: 5_000, namedStatements: true });
  });

  it("are read from connection_limit, pool_timeout and connect_timeout, in seconds", () => {
    expect(poolSettings("postgresql://app@db/desk?connection_limit=4&pool_timeout=90&connect_timeout=2"))
      .toEqual({ connections: 4, waitMs: 90_000, connectMs: 2_000, namedStatements: true });
  });

  it.each([
    ["connection_limit=0", "connection_limit"], ["connection_limit=ten", "connection_limit"],
    ["pool_timeout=-1", "pool_timeout"], ["connect_timeout=1.5", "connect_timeout"],
  ])("refuse %s, naming the parameter", (query, name) => {
    const result = poolSettings(`postgresql://app@db/desk?${query}`);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toContain(`DATABASE_URL's ${name}`);
  });

  it("are taken out of the URL the driver sees, with the schema; the driver's own parameters stay", () => {
    expect(driverUrl("postgresql://app@db/desk?schema=s1&connection_limit=4&sslmode=require&pool_timeout=9"))
      .toBe("postgresql://app@db/desk?sslmode=require");
  });

  it("leave a couple of connections to plain reads, and at least one to transactions", () => {
    expect([1, 2, 3, 4, 10, 20].map(transactionSlots)).toEqual([1, 1, 2, 2, 8, 18]);
  });
});

describe("transaction slots", () => {
  it("run at most their number at once, first come first served, and every one of a burst completes", async () => {
    const slots = new TransactionSlots(2, 5_000);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(Array.from({ length: 9 }, (_, i) => slots.run(async () => {
      running += 1;
      most = Math.max(most, running);
      await sleep(5);
      order.push(i);
      running -= 1;
    })));
    expect(most).toBe(2);
    expect(order).toHaveLength(9);
    // The first two started at once; the rest in the order they came.
    expect(order.slice(2)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it("give a slot back when the work fails", async () => {
    const slots = new TransactionSlots(1, 5_000);
    await expect(slots.run(() => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    await expect(slots.run(() => Promise.resolve("next"))).resolves.toBe("next");
  });

  it("fail a transaction that waited longer than its wait, saying so, and let the rest go on", async () => {
    const slots = new TransactionSlots(1, 50);
    const long = slots.run(() => sleep(200).then(() => "first"));
    const late = slots.run(() => Promise.resolve("never"));
    await expect(late).rejects.toBeInstanceOf(TransactionWaitTimeout);
    await expect(late).rejects.toThrow(/pool_timeout/);
    await expect(long).resolves.toBe("first");
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });
});

describe.skipIf(TEST_PROVIDER !== "postgresql")("transactions on PostgreSQL under a burst", () => {
  let database: TestDatabase | undefined;
  let small: Database | undefined;
  afterEach(async () => {
    await small?.close();
    await database?.drop();
    small = undefined;
    database = undefined;
  });

  it("all complete when they outlast the wait for a connection, and never run more at once than their slots", async () => {
    database = await createTestDatabase("postgresql");
    const schema = database.schema!;
    // Two connections, one second to get one: twelve transactions of 0.3 s each need 3.6 s of connection time.
    // Queued in the driver's pool, the later ones failed after a second with "timeout exceeded when trying to connect".
    small = await openDatabase(`${POSTGRES_URL}?connection_limit=2&connect_timeout=1`, { schema });
    let done = false;
    const burst = Promise.allSettled(Array.from({ length: 12 }, (_, i) => small!.transaction(async (tx) => {
      await tx.$executeRawUnsafe("SELECT pg_sleep(0.3)");
      return i;
    }))).finally(() => { done = true; });
    // The server's view of the burst: how many of its transactions are in their statement at once.
    const sleeping: number[] = [];
    while (!done) {
      const rows = await database.db.client.$queryRawUnsafe<Array<{ n: bigint }>>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'incident-desk ${schema}' AND query LIKE 'SELECT pg_sleep(0.3)%' AND state = 'active'`,
      );
      sleeping.push(Number(rows[0]!.n));
      await sleep(50);
    }
    const results = await burst;
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(results.map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([...Array(12).keys()]);
    // One slot of the two connections: the other stays free for reads.
    expect(Math.max(...sleeping)).toBe(1);
  }, 20_000);

  it("leave a connection to plain reads while every slot is held", async () => {
    database = await createTestDatabase("postgresql");
    small = await openDatabase(`${POSTGRES_URL}?connection_limit=3&connect_timeout=1`, { schema: database.schema! });
    // Two slots of the three connections, both held by transactions waiting on the server; then a third transaction
    // waits for a slot. A plain read meanwhile gets the third connection before any of them ends.
    let ended = 0;
    const held = Promise.all([0, 1, 2].map(() => small!.transaction((tx) => tx.$executeRawUnsafe("SELECT pg_sleep(1)")).then(() => { ended += 1; })));
    await sleep(200);
    await small.client.$queryRawUnsafe("SELECT 1");
    expect(ended).toBe(0);
    await held;
    expect(ended).toBe(3);
  }, 20_000);
});
