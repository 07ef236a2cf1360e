// Counts failed Slack Web API calls by method. Every named method of a WebClient goes through apiCall, and the
// named methods are bound when the client is built, so the count lives in a subclass rather than a wrapper.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { WebClient, type WebAPICallResult, type WebClientOptions } from "@slack/web-api";
import type { Metrics } from "./metrics.ts";

export function slackErrorCode(error: unknown): string {
  const e = error as { data?: { error?: unknown }; code?: unknown };
  return typeof e?.data?.error === "string" ? e.data.error : typeof e?.code === "string" ? e.code : "unknown";
}

export class CountingWebClient extends WebClient {
  constructor(token: string, options: WebClientOptions, private readonly metrics: Metrics) {
    super(token, options);
  }

  override async apiCall(method: string, options?: Record<string, unknown>): Promise<WebAPICallResult> {
    try {
      return await super.apiCall(method, options);
    } catch (error) {
      this.metrics?.slackErrors.inc({ method, error: slackErrorCode(error) });
      throw error;
    }
  }
}

/** Times every request the HTTP server answers, from arrival to the end of the response. */
export function timeRequests(server: Server, metrics: Metrics): void {
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    res.on("finish", () => {
      const path = (req.url ?? "").split("?")[0] ?? "";
      if (path !== "/slack/events") return;
      metrics.requestSeconds.observe((performance.now() - started) / 1000, { status: String(res.statusCode) });
    });
  });
}
