// Readiness and metrics are for the operator, not for whoever reaches the public Slack port: on their own port
// (METRICS_PORT) when it is set, else on the Slack port to this machine only or with METRICS_TOKEN. Besides the app's
// own series, /metrics carries the process's: event loop lag, heap, GC, memory.
import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.ts";

const TOKEN = "metrics-token-0123456789abcdef";
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const get = (port: number | null, path: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${path}`, { headers });

describe("health and metrics without a metrics port", () => {
  it("answers this machine on the Slack port, and 404 to what a proxy forwarded unless it bears METRICS_TOKEN", async () => {
    h = await startHarness({ env: { METRICS_TOKEN: TOKEN } });
    const port = h.running.port;
    expect(h.running.metricsPort).toBeNull();
    const local = await get(port, "/metrics");
    expect(local.status).toBe(200);
    const body = await local.text();
    for (const series of ["nodejs_eventloop_lag_seconds", "nodejs_heap_size_used_bytes", "process_resident_memory_bytes", "incident_desk_outbox_backlog"]) {
      expect(body).toMatch(new RegExp(`^${series} \\d`, "m"));
    }
    expect(body).toContain("# TYPE nodejs_gc_duration_seconds histogram");

    const forwarded = { "x-forwarded-for": "203.0.113.7" };
    expect((await get(port, "/metrics", forwarded)).status).toBe(404);
    expect((await get(port, "/readyz", forwarded)).status).toBe(404);
    expect((await get(port, "/metrics", { ...forwarded, authorization: "Bearer not-the-token-at-all!" })).status).toBe(404);
    expect((await get(port, "/metrics", { ...forwarded, authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await get(port, "/readyz", { ...forwarded, authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    // Liveness says nothing but "up": a load balancer in front may always ask it.
    expect((await get(port, "/healthz", forwarded)).status).toBe(200);
  });
});

describe("health and metrics on METRICS_PORT", () => {
  it("serves readiness and metrics there and only liveness on the Slack port", async () => {
    h = await startHarness({ env: { METRICS_PORT: "0" } });
    const { port, metricsPort } = h.running;
    expect(metricsPort).toBeGreaterThan(0);
    expect(metricsPort).not.toBe(port);
    expect((await get(metricsPort, "/readyz")).status).toBe(200);
    expect(await (await get(metricsPort, "/metrics")).text()).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect((await get(metricsPort, "/healthz")).status).toBe(200);
    // On the Slack port, even this machine no longer reads them.
    expect((await get(port, "/metrics")).status).toBe(404);
    expect((await get(port, "/readyz")).status).toBe(404);
    expect((await get(port, "/healthz")).status).toBe(200);
  });

  it("asks for METRICS_TOKEN there too when one is set", async () => {
    h = await startHarness({ env: { METRICS_PORT: "0", METRICS_TOKEN: TOKEN } });
    const { metricsPort } = h.running;
    expect((await get(metricsPort, "/metrics")).status).toBe(404);
    expect((await get(metricsPort, "/metrics", { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });
});
