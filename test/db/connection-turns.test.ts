// The database work of one request never holds back another's answer, and never swallows another's write. On
// SQLite the app has one connection, which better-sqlite3 drives without ever waiting on I/O: a transaction used
// to run to its end before the event loop read anything, and a statement issued while one was open ran inside it.
import { createServer, request, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { takeEvent } from "../../src/db/inbound-events.ts";
import { createTestDatabase, TEST_PROVIDER, type TestDatabase } from "../support/database.ts";

let database: TestDatabase | undefined;
let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  await database?.drop();
  server = undefined;
  database = undefined;
});

const at = new Date("2026-12-01T01:00:00Z");

function post(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = request({ host: "127.0.0.1", port, method: "POST", path: "/slack/events" }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve(text));
    });
    r.on("error", reject);
    r.end("{}");
  });
}

describe(`the app's database connection (${TEST_PROVIDER})`, () => {
  it("lets a request received during a long transaction be answered before the transaction ends", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const order: string[] = [];
    server = createServer((_req, res) => {
      order.push("answered");
      res.end("ok");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;

    let begun!: () => void;
    const inTransaction = new Promise<void>((resolve) => (begun = resolve));
    const transaction = db.transaction(async (tx) => {
      begun();
      // Long enough that the request reaches the server, which the loop must accept and read, while it runs.
      for (let i = 0; i < 300; i += 1) await tx.customer.count();
    }).then(() => order.push("transaction ended"));
    await inTransaction;
    const answer = post(port);
    await Promise.all([transaction, answer]);

    expect(await answer).toBe("ok");
    expect(order).toEqual(["answered", "transaction ended"]);
  });

  it("keeps an event taken while another request's transaction is open, though that transaction is rolled back", async () => {
    database = await createTestDatabase();
    const { db } = database;
    let begun!: () => void;
    const inTransaction = new Promise<void>((resolve) => (begun = resolve));
    const failing = db.transaction(async (tx) => {
      await tx.inboundEvent.create({ data: { eventId: "Ev-ROLLED-BACK", kind: "message", body: "{}", receivedAt: at, availableAt: at } });
      begun();
      // The transaction waits on something else (a timer, as a call to Slack would) before it fails.
      await new Promise((resolve) => setTimeout(resolve, 30));
      throw new Error("the work failed");
    });
    await inTransaction;
    // Another request's event is kept before Slack is answered, meanwhile.
    const kept = await takeEvent(db, { eventId: "Ev-KEPT", kind: "message", body: "{}", at, leaseUntil: null });
    await expect(failing).rejects.toThrow("the work failed");

    expect(kept.kind).toBe("new");
    const events = await db.client.inboundEvent.findMany({ select: { eventId: true } });
    expect(events.map((e) => e.eventId)).toEqual(["Ev-KEPT"]);
  });
});
