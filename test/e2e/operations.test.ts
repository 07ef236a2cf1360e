// What an operator watches: health, readiness and metrics on the HTTP port.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openCase } from "../../src/services/open-case.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, startHarness, type Harness } from "../support/harness.ts";

let h: Harness;
let base: string;
beforeAll(async () => {
  h = await startHarness();
  base = `http://127.0.0.1:${h.running.port}`;
});
afterAll(async () => {
  await h?.close();
});

describe("operational endpoints", () => {
  it("answers /healthz while the process is up", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz once the database is reachable and migrated", async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ready", pending: [] });
  });

  it("reports cases by state, the outbox backlog and Slack errors by method on /metrics", async () => {
    await h.registerCustomer();
    h.slack.fail("chat.postMessage", { error: "channel_not_found" });
    await openCase(h.running.deps, { requestKey: "metrics-case-1", channelId: CUSTOMER_CHANNEL, openedBy: CUSTOMER, title: "t", description: "d", level: "normal" });
    await h.drain();
    await h.driver.message({ channelId: CUSTOMER_CHANNEL, userId: CUSTOMER, userTeamId: "T0CUST", text: "こんにちは" });
    const body = await (await fetch(`${base}/metrics`)).text();
    expect(body).toContain('incident_desk_cases{state="open"} 1');
    // Slack cannot see the channel: the message is held (sent once the app is in the channel), not dropped.
    expect(body).toContain('incident_desk_outbox_held{cause="channel_not_found"} 1');
    expect(body).toMatch(/incident_desk_outbox_failed 0/);
    expect(body).toContain('incident_desk_slack_api_errors_total{error="channel_not_found",method="chat.postMessage"} 1');
    expect(body).toMatch(/incident_desk_request_duration_seconds_count\{status="200"\} [1-9]/);
    expect(body).toContain("incident_desk_scheduler_lag_seconds 0");
  });
});
