// 「SLA レポート」 in the managers' overview: the last three months' figures by direct message, with every customer's
// in a CSV; a person who is not a manager is refused.
import { randomUUID } from "node:crypto";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { balanceOverview } from "../../src/services/balance-overview.ts";
import { openCase } from "../../src/services/open-case.ts";
import { translator } from "../../src/slack/i18n/index.ts";
import { InsightIds, Views } from "../../src/slack/ids.ts";
import { managerHomeBlocks } from "../../src/slack/views/manager-home.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, ENGINEER, HOME_TEAM, MANAGER, startHarness, type Harness } from "../support/harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ now: "2026-06-10T01:00:00Z" });
  await h.registerCustomer({ name: "株式会社サンプル", channelId: CUSTOMER_CHANNEL, incidents: 10, confirmedOn: "2026-04-01" });
  const r = await openCase(h.running.deps, { requestKey: randomUUID(), channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "ライセンス認証エラー", description: "E-1024", level: "normal" });
  if (!r.ok) throw new Error("case refused");
  await h.drain();
});
afterAll(async () => {
  await h?.close();
});

async function overviewFor(userId: string) {
  const rows = await balanceOverview(h.running.deps);
  await h.running.app.client.views.publish({ user_id: userId, view: { type: "home", callback_id: Views.home, blocks: managerHomeBlocks(rows, translator("ja")) } });
  const home = h.slack.homeView(userId)!;
  return { id: home.id, callbackId: Views.home };
}

describe("the SLA report in Slack", () => {
  it("sends a manager the last three months by direct message, with the CSV and the chart of incidents per customer", async () => {
    const view = await overviewFor(MANAGER);
    const click = await h.driver.blockAction({ actionId: InsightIds.actions.slaReport, userId: MANAGER, userTeamId: HOME_TEAM, view });
    expect(click.slackWouldReject).toBeUndefined();
    await expect.poll(() => h.slack.uploads.filter((u) => u.filename.startsWith("sla_")).length).toBe(1);
    const upload = h.slack.uploads.find((u) => u.filename.startsWith("sla_"))!;
    expect(upload.filename).toBe("sla_2026-04-01_2026-06-10.csv");
    expect(upload.content.toString("utf8")).toContain("2026-06,株式会社サンプル,1,0,,,0,0,,,0,");
    const dm = h.slack.calls.filter((c) => c.method === "chat.postMessage" && JSON.stringify(c.args).includes("SLA レポート"));
    expect(dm).toHaveLength(1);
    await expect.poll(() => h.slack.uploads.filter((u) => u.filename.endsWith(".png")).length).toBe(1);
    const chart = h.slack.uploads.find((u) => u.filename.endsWith(".png"))!;
    expect(chart.filename).toBe("usage_2026-04_2026-06.png");
    expect(chart.channel_id).toBe(upload.channel_id);
    expect(chart.initial_comment).toBe("月別インシデント消費のグラフ（2026年4月 〜 2026年6月）です。");
    const png = PNG.sync.read(chart.content);
    expect([png.width, png.height]).toEqual([1200, 700]);
  });

  it("refuses an engineer who is not a manager", async () => {
    const view = await overviewFor(ENGINEER);
    const before = h.slack.uploads.length;
    const click = await h.driver.blockAction({ actionId: InsightIds.actions.slaReport, userId: ENGINEER, userTeamId: HOME_TEAM, view });
    expect(click.status).toBe(200);
    await expect.poll(() => h.slack.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === ENGINEER && JSON.stringify(c.args).includes("管理者のみ")).length).toBe(1);
    expect(h.slack.uploads.length).toBe(before);
  });
});
