// A worker hears a web process's NOTIFY on a LISTEN connection of its own, and keeps hearing them after that
// connection is cut (the server restarted, a proxy dropped it): it connects again, and looks for work once it has,
// since anything may have been written meanwhile. On SQLite there is nothing to hear: the worker polls.
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/logger.ts";
import { listenForWakeups, wakeupSender, type Wakeup, type WakeupListener } from "../../src/db/wakeups.ts";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database.ts";

let database: TestDatabase | undefined;
let listener: WakeupListener | undefined;
afterEach(async () => {
  await listener?.close();
  await database?.drop();
  listener = undefined;
  database = undefined;
});

describe.skipIf(TEST_PROVIDER !== "postgresql")("wake-ups on PostgreSQL", () => {
  it("reach the listener, which connects again after its connection is cut and looks for work at once", async () => {
    database = await createTestDatabase("postgresql");
    const heard: Wakeup[] = [];
    listener = listenForWakeups(database.db, database.url, (what) => heard.push(what), silentLogger);
    await expect.poll(() => listener!.listening).toBe(true);
    // Connected: it looks for both kinds of work once, then hears what is sent.
    expect(heard.sort()).toEqual(["events", "outbox"]);
    heard.length = 0;
    const sender = wakeupSender(database.db, silentLogger);
    sender.notify("events");
    await expect.poll(() => heard).toEqual(["events"]);
    heard.length = 0;

    await database.db.client.$executeRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'incident-desk wake-ups ${database.schema!}'`,
    );
    await expect.poll(() => listener!.listening, { timeout: 5_000 }).toBe(false);
    await expect.poll(() => listener!.listening, { timeout: 10_000 }).toBe(true);
    expect(heard.sort()).toEqual(["events", "outbox"]);
    heard.length = 0;
    sender.notify("outbox");
    await expect.poll(() => heard).toEqual(["outbox"]);
  });

  it("of one schema do not reach a worker of another", async () => {
    database = await createTestDatabase("postgresql");
    const other = await createTestDatabase("postgresql");
    try {
      const heard: Wakeup[] = [];
      listener = listenForWakeups(database.db, database.url, (what) => heard.push(what), silentLogger);
      await expect.poll(() => listener!.listening).toBe(true);
      heard.length = 0;
      wakeupSender(other.db, silentLogger).notify("events");
      wakeupSender(database.db, silentLogger).notify("outbox");
      await expect.poll(() => heard).toEqual(["outbox"]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toEqual(["outbox"]);
    } finally {
      await other.drop();
    }
  });
});

describe.skipIf(TEST_PROVIDER !== "sqlite")("wake-ups on SQLite", () => {
  it("are not sent and not listened for: the worker's polls find the work", async () => {
    database = await createTestDatabase("sqlite");
    const heard: Wakeup[] = [];
    listener = listenForWakeups(database.db, database.url, (what) => heard.push(what), silentLogger);
    wakeupSender(database.db, silentLogger).notify("events");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([listener.listening, heard]).toEqual([false, []]);
  });
});
