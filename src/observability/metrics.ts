// The app's own metrics and the process's, in Prometheus' format, kept by prom-client. Counters and histograms are
// updated as things happen; gauges of shared state are read from the database when /metrics is scraped (so every
// replica reports the same truth about it), and rendered with `gauge` below.
import { Counter as PromCounter, Histogram as PromHistogram, Registry, collectDefaultMetrics } from "prom-client";

type Labels = Record<string, string>;

/** Labels in name order, so a series reads the same whatever order a caller named them in. */
function sorted(labels: Labels): Labels {
  return Object.fromEntries(Object.keys(labels).sort().map((k) => [k, labels[k] ?? ""]));
}

export interface Counter { inc(labels?: Labels, by?: number): void }
export interface Histogram { observe(value: number, labels?: Labels): void }

export interface Metrics {
  requestSeconds: Histogram;
  slackErrors: Counter;
  casesOpened: Counter;
  /** The app's series and the process's (event loop lag, heap, GC, CPU, file descriptors), as /metrics text. */
  render(): Promise<string>;
}

// The process's metrics are the process's, not one app's: one collector per process, however many apps a process
// starts (tests start dozens), so that event-loop and GC observers are not added again with each.
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, eventLoopMonitoringPrecision: 10 });
  }
  return processRegistry;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  const requestSeconds = new PromHistogram({
    name: "incident_desk_request_duration_seconds", help: "Time from receiving a Slack request to answering it (Slack allows 3 s)",
    labelNames: ["status"], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry],
  });
  const slackErrors = new PromCounter({
    name: "incident_desk_slack_api_errors_total", help: "Slack Web API calls that failed, by method and error",
    labelNames: ["error", "method"], registers: [registry],
  });
  const casesOpened = new PromCounter({ name: "incident_desk_cases_opened_total", help: "Cases opened by this process", registers: [registry] });
  const process = processMetrics();
  return {
    requestSeconds: { observe: (value, labels = {}) => requestSeconds.observe(sorted(labels), value) },
    slackErrors: { inc: (labels = {}, by = 1) => slackErrors.inc(sorted(labels), by) },
    casesOpened: { inc: (_labels = {}, by = 1) => casesOpened.inc(by) },
    async render() {
      return `${(await registry.metrics()).trimEnd()}\n${(await process.metrics()).trimEnd()}`;
    },
  };
}

function escape(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

/** A gauge read at scrape time (from the database, or from a component's own state), as /metrics text. */
export function gauge(name: string, help: string, samples: Array<{ labels?: Labels; value: number }>): string {
  const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`];
  for (const s of samples) {
    const k = Object.entries(sorted(s.labels ?? {})).map(([n, v]) => `${n}="${escape(v)}"`).join(",");
    lines.push(`${name}${k ? `{${k}}` : ""} ${s.value}`);
  }
  return lines.join("\n");
}
