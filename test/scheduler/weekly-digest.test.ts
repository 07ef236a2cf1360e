// The managers' weekly digest: on Monday morning (the next business day when Monday is a holiday) the triage channel
// gets last week's figures — new and ended cases, incidents consumed and released, contracts ending or running out,
// missed first-response targets, ratings — with the chart of monthly incidents per customer, once per week, also
// when two replicas run their passes at the same time.
import { randomUUID } from "node:crypto";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/client.ts";
import { silentLogger } from "../../src/logger.ts";
import { Scheduler } from "../../src/scheduler/scheduler.ts";
import { openCase } from "../../src/services/open-case.ts";
import { rateCase } from "../../src/services/rate-case.ts";
import { resolveCase } from "../../src/services/resolve-case.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, ENGINEER, OTHER_CHANNEL, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";

let h: Harness;
let second: Database;
const at = (local: string) => h.clock.set(new Date(`${local.replace(" ", "T")}:00+09:00`));
const charts = () => h.slack.uploads.filter((u) => u.channel_id === TRIAGE_CHANNEL && u.filename.endsWith(".png"));
const digests = () => h.slack.messages(TRIAGE_CHANNEL).filter((m) => !m.thread_ts && (m.text ?? "").startsWith("週次ダイジェスト"));

beforeAll(async () => {
  // Tuesday 2026-09-15 10:00: the week before the digest of Monday 2026-09-21, a holiday (敬老の日), then 秋分の日.
  h = await startHarness({ now: "2026-09-15T01:00:00Z" });
  second = await openDatabase(h.database.url.split("?schema=")[0]!, h.database.url.includes("?schema=") ? { schema: h.database.url.split("?schema=")[1]! } : {});
  await h.registerCustomer({ name: "株式会社サンプル", channelId: CUSTOMER_CHANNEL, incidents: 10, confirmedOn: "2025-11-01" });
  await h.registerCustomer({ name: "他社株式会社", channelId: OTHER_CHANNEL, incidents: 2, confirmedOn: "2026-04-01" });
  const opened = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "ライセンス認証エラー", description: "E-1024", level: "A" });
  if (!opened.ok) throw new Error("case refused");
  at("2026-09-16 15:00");
  await resolveCase(h.running.deps, { caseId: opened.caseId, actorId: ENGINEER });
  await rateCase(h.running.deps, { caseId: opened.caseId, score: 4, actorId: CUSTOMER, askTs: null });
  // A normal case never answered: its first response is late.
  await openCase(h.running.deps, { requestKey: randomUUID(), channelId: OTHER_CHANNEL, openedBy: CUSTOMER, title: "起動しない", description: "—", level: "normal" });
  await h.drain();
});
afterAll(async () => {
  await second?.close();
  await h?.close();
});

async function passes(replicas = 1) {
  const other = new Scheduler({ ...h.running.deps, db: second }, { intervalSeconds: 3600, contact: "T4U", logger: silentLogger });
  await Promise.all([h.running.scheduler.runOnce(), ...(replicas > 1 ? [other.runOnce()] : [])]);
  await h.drain();
}

describe("the weekly digest", () => {
  it("waits for the first business day of the week at nine: not on the Monday and Tuesday holidays", async () => {
    at("2026-09-21 09:30");
    await passes();
    at("2026-09-22 12:00");
    await passes();
    expect(digests()).toHaveLength(0);
  });

  it("goes out once on Thursday morning after the holidays, with last week's figures, though two replicas run their pass together", async () => {
    at("2026-09-23 09:00");
    await passes();
    expect(digests()).toHaveLength(0); // 秋分の日 too
    at("2026-09-24 09:00");
    await passes(2);
    await passes(2);
    expect(digests()).toHaveLength(1);
    expect(await h.database.db.client.digestDelivery.count()).toBe(1);
    const text = JSON.stringify(digests()[0]!.blocks);
    expect(digests()[0]!.text).toBe("週次ダイジェスト（2026-09-14 〜 2026-09-20）");
    expect(text).toContain("新規案件 2 件 · 終了 1 件");
    expect(text).toContain("インシデント: 消費 3 · 予約解除 0");
    expect(text).toContain("60 日以内に契約終了: 1 社（株式会社サンプル）");
    expect(text).toContain("残りなし・期限前に使い切る見込み: 1 社（他社株式会社）");
    expect(text).toContain("初回回答の目標超過: 1 件");
    expect(text).toContain("お客様の評価: 1 件（平均 4 / 5）");
    // With it, once, the chart of the last six months' incidents consumed per customer.
    expect(charts()).toHaveLength(1);
    const chart = charts()[0]!;
    expect(chart.filename).toBe("usage_2026-04_2026-09.png");
    expect(chart.initial_comment).toBe("月別インシデント消費のグラフ（2026年4月 〜 2026年9月）です。");
    const png = PNG.sync.read(chart.content);
    expect([png.width, png.height]).toEqual([1200, 700]);
    const payload = (await h.database.db.client.outboxMessage.findFirst({ where: { kind: "digest_chart" }, select: { payload: true } }))!.payload;
    const drawn = (typeof payload === "string" ? JSON.parse(payload) : payload) as { chart: { series: Array<{ name: string; values: number[] }> } };
    expect(drawn.chart.series).toEqual([{ customerId: expect.any(Number), name: "株式会社サンプル", values: [0, 0, 0, 0, 0, 3] }]);
  });

  it("goes out again the next week, once", async () => {
    at("2026-09-28 09:05");
    await passes(2);
    expect(digests()).toHaveLength(2);
    expect(digests()[1]!.text).toBe("週次ダイジェスト（2026-09-21 〜 2026-09-27）");
    expect(charts()).toHaveLength(2);
  });
});
