// The monthly usage statement in a customer channel: off unless a manager turns it on (`channel statement-monthly`,
// whose command line runs on the real clock, so the timeline below turns it on through the same service);
// then, on the first business morning of each month, the channel gets the month before in figures and the balance,
// once, also when two replicas run their passes at the same time; a channel that did not ask never gets one.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.ts";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { silentLogger } from "../../src/logger.ts";
import { Scheduler } from "../../src/scheduler/scheduler.ts";
import { openCase } from "../../src/services/open-case.ts";
import { setStatementMonthly } from "../../src/services/monthly-statement.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, ENGINEER, OTHER_CHANNEL, startHarness, type Harness } from "../support/harness.ts";

let h: Harness;
let second: Database;
const at = (local: string) => h.clock.set(new Date(`${local.replace(" ", "T")}:00+09:00`));
const statements = (channelId: string) => h.slack.messages(channelId).filter((m) => !m.thread_ts && /利用明細\*|Usage statement of/.test(m.text ?? ""));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { DATABASE_URL: h.database.url }, (l) => out.push(l), (l) => err.push(l));
  return { code, out: out.join("\n"), err: err.join("\n") };
}

async function passes(replicas = 1) {
  const other = new Scheduler({ ...h.running.deps, db: second }, { intervalSeconds: 3600, contact: "T4U", logger: silentLogger });
  await Promise.all([h.running.scheduler.runOnce(), ...(replicas > 1 ? [other.runOnce()] : [])]);
  await h.drain();
}

beforeAll(async () => {
  h = await startHarness({ now: "2026-10-05T01:00:00Z" });
  second = await openDatabase(h.database.url.split("?schema=")[0]!, h.database.url.includes("?schema=") ? { schema: h.database.url.split("?schema=")[1]! } : {});
  await h.registerCustomer({ name: "株式会社サンプル", channelId: CUSTOMER_CHANNEL, incidents: 10, confirmedOn: "2026-04-01" });
  await h.registerCustomer({ name: "他社株式会社", channelId: OTHER_CHANNEL, incidents: 5, confirmedOn: "2026-04-01" });
  for (const [channelId, title] of [[CUSTOMER_CHANNEL, "ライセンス認証エラー"], [OTHER_CHANNEL, "他社の社外秘の質問"]] as const) {
    const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId, openedBy: CUSTOMER, title, description: "—", level: "normal" });
    if (!opened.ok) throw new Error("case refused");
    await resolveCase(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER });
  }
  await h.drain();
});
afterAll(async () => {
  await second?.close();
  await h?.close();
});

describe("the monthly usage statement", () => {
  it("is off until a manager turns it on, and then waits for the next first business morning", async () => {
    at("2026-10-15 10:00");
    await passes();
    expect(statements(CUSTOMER_CHANNEL)).toHaveLength(0);
    const r = await setStatementMonthly(h.running.deps, { channelId: CUSTOMER_CHANNEL, on: true });
    expect(r).toEqual({ ok: true, on: true, changed: true, firstPostOn: new Date("2026-11-02T09:00:00+09:00") });
    // Turning it on mid-month does not post October's first days, nor September's, late.
    await passes();
    expect(statements(CUSTOMER_CHANNEL)).toHaveLength(0);
  });

  it("goes out once at nine on the first business day, with the month before in figures, though two replicas race", async () => {
    at("2026-11-02 08:30");
    await passes(2);
    expect(statements(CUSTOMER_CHANNEL)).toHaveLength(0);
    at("2026-11-02 09:00");
    await passes(2);
    at("2026-11-10 09:00");
    await passes(2);
    const posted = statements(CUSTOMER_CHANNEL);
    expect(posted).toHaveLength(1);
    const text = posted[0]!.text ?? "";
    expect(text).toContain("*株式会社サンプル 様 2026年10月のご利用明細*");
    expect(text).toContain("2026年10月のご利用状況をお知らせいたします。");
    expect(text).toContain("ご依頼いただいた案件: 1 件（完了 1 件）");
    expect(text).toContain("インシデント: 1 消費、0 返却");
    expect(text).toContain("*ご利用可能 9*（有効期限: 2027年3月31日（水））");
    expect(text).not.toContain("他社");
  });

  it("is never posted in a channel that did not ask for it", async () => {
    expect(statements(OTHER_CHANNEL)).toHaveLength(0);
  });

  it("stops when turned off", async () => {
    expect(await setStatementMonthly(h.running.deps, { channelId: CUSTOMER_CHANNEL, on: false })).toMatchObject({ ok: true, on: false, changed: true });
    at("2026-12-01 09:00");
    await passes();
    expect(statements(CUSTOMER_CHANNEL)).toHaveLength(1);
  });

  it("is turned on and off by a manager on the command line, which says when the next one goes out", async () => {
    const on = await cli("channel", "statement-monthly", "on", "--channel", OTHER_CHANNEL);
    expect(on.err).toBe("");
    expect(on.code).toBe(0);
    expect(on.out).toMatch(new RegExp(`^${OTHER_CHANNEL} now gets its usage statement every month; the next one on \\d{4}-\\d{2}-\\d{2} 09:00$`));
    expect((await cli("channel", "statement-monthly", "on", "--channel", OTHER_CHANNEL)).out).toContain("already gets its usage statement every month");
    const off = await cli("channel", "statement-monthly", "off", "--channel", OTHER_CHANNEL);
    expect(off.out).toBe(`${OTHER_CHANNEL} gets no more monthly usage statements`);
    expect(await h.database.db.client.customerChannel.findUnique({ where: { channelId: OTHER_CHANNEL }, select: { statementMonthly: true } })).toEqual({ statementMonthly: false });
  });

  it("refuses an unknown channel and a missing on or off", async () => {
    expect((await cli("channel", "statement-monthly", "on", "--channel", "C0NOWHERE")).err).toContain("is not registered");
    const r = await cli("channel", "statement-monthly", "--channel", CUSTOMER_CHANNEL);
    expect(r.code).toBe(2);
    expect(r.err).toContain("say on or off first");
  });
});
