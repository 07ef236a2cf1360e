// Secrets and people's words stay out of the logs, even at debug level and including Bolt's own lines; logs carry
// case ids instead. The SQLite file holding customers' questions is readable by its owner only.
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../src/db/client.ts";
import { migrate } from "../../src/db/migrate.ts";
import { createLogger } from "../../src/logger.ts";
import { Actions, Commands } from "../../src/slack/ids.ts";
import { TRIAGE_CHANNEL, CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, MANAGER, startHarness, type Harness } from "../support/harness.ts";
import { openModal, rootTsOf, settled, submitCase } from "./flows.ts";
import { tableCounts } from "./audit.ts";
import { expectOpened } from "../support/case-modal.ts";

const BOT_TOKEN = "xoxb-test-token";
const SIGNING_SECRET = "test-signing-secret";
const TITLE = "顧客の件名ZQX";
const DESCRIPTION = "顧客の説明文ZQX：社内サーバー 10.0.0.7 の管理者パスワードは hunter2 です";
const FOLLOW_UP = "顧客の追加質問ZQX";
const ANSWER = "担当者の回答ZQX";

const lines: string[] = [];
const consoleCalls: string[] = [];
let h: Harness;

beforeAll(async () => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => { consoleCalls.push(args.map(String).join(" ")); });
  }
  h = await startHarness({ logger: createLogger("debug", (line) => lines.push(line)), env: { LOG_LEVEL: "debug" } });
  await h.registerCustomer({ incidents: 10 });

  // A day's work: a customer opens a case and writes, an engineer answers and resolves, a manager asks for
  // balances, Slack refuses a call, and a forged request arrives.
  const view = await openModal(h, CUSTOMER, CUSTOMER_TEAM);
  await expectOpened(h, await submitCase(h, view, CUSTOMER, CUSTOMER_TEAM, { title: TITLE, description: DESCRIPTION }), view);
  await h.drain();
  const c = await h.database.db.client.case.findFirstOrThrow();
  const root = await rootTsOf(h, c.id);
  await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, text: FOLLOW_UP, threadTs: root });
  await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: ENGINEER, userTeamId: HOME_TEAM, text: ANSWER, threadTs: root });
  await settled(() => tableCounts(h.database.db));
  h.slack.fail("chat.update", { error: "invalid_auth" });
  const triage = (await h.database.db.client.case.findUniqueOrThrow({ where: { id: c.id } })).triageTs!;
  await h.driver.blockAction({ actionId: Actions.resolve, userId: ENGINEER, userTeamId: HOME_TEAM, channelId: TRIAGE_CHANNEL, messageTs: triage, value: String(c.id) });
  await settled(() => tableCounts(h.database.db));
  await h.drain();
  await h.driver.slashCommand({ command: Commands.balance, userId: MANAGER, channelId: "C0MGRS" });
  await h.driver.raw(`payload=${encodeURIComponent(JSON.stringify({ type: "block_actions", token: BOT_TOKEN }))}`, { "content-type": "application/x-www-form-urlencoded", "x-slack-signature": "v0=forged", "x-slack-request-timestamp": "1" });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h?.close();
});

describe("logs: no secrets, no message bodies, case ids (R-ROLE: customers' data stays theirs)", () => {
  it("logged the scenario at debug level, Bolt's lines included", () => {
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((l) => l.includes('"source":"bolt"'))).toBe(true);
    expect(lines.every((l) => JSON.parse(l) !== null)).toBe(true);
  });

  it("never wrote the bot token or the signing secret", () => {
    expect(lines.filter((l) => l.includes(BOT_TOKEN) || l.includes(SIGNING_SECRET) || l.includes("xoxb-"))).toEqual([]);
  });

  it("never wrote what customers and engineers wrote", () => {
    const words = [TITLE, DESCRIPTION, FOLLOW_UP, ANSWER, "hunter2", "ZQX"];
    expect(lines.filter((l) => words.some((w) => l.includes(w)))).toEqual([]);
  });

  it("names cases by id instead", () => {
    expect(lines.some((l) => (JSON.parse(l) as { caseId?: unknown }).caseId !== undefined)).toBe(true);
  });

  it("left nothing for the console: every line went through the app's logger", () => {
    expect(consoleCalls).toEqual([]);
  });

  it("redacts a token even when code hands one to the logger", () => {
    const out: string[] = [];
    createLogger("debug", (l) => out.push(l)).error("call failed", { token: "xoxb-1234-abcd", app: "xapp-1-A1-2-abc", nested: { auth: "Bearer xoxp-99-zz" } });
    expect(out.join("\n")).not.toMatch(/xox[abpr]-|xapp-/);
  });
});

describe("the SQLite file is its owner's alone", () => {
  const dir = mkdtempSync(join(tmpdir(), "incident-desk-perm-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("creates the folder 0700 and the database, its journal and shared-memory files 0600", async () => {
    const folder = join(dir, "data");
    const file = join(folder, "incident-desk.db");
    const db = await openDatabase(`file:${file}`);
    try {
      await migrate(db);
      await db.client.customer.create({ data: { name: "権限の確認" } });
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      for (const path of [file, `${file}-wal`, `${file}-shm`].filter((p) => existsSync(p))) {
        expect((statSync(path).mode & 0o777).toString(8), path).toBe("600");
      }
      expect(existsSync(`${file}-wal`)).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("tightens a database file that already existed with wider permissions", async () => {
    const file = join(dir, "loose.db");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, "", { mode: 0o644 });
    const db = await openDatabase(`file:${file}`);
    await db.close();
    expect((statSync(file).mode & 0o777).toString(8)).toBe("600");
  });
});
