// The weekly digest's chart: the last six months' incidents consumed per customer, drawn when delivered and
// uploaded beside the digest to the same recipient. Its own outbox message, so a failed upload is retried alone and
// never posts the digest twice.
import type { OutboxPayload } from "../../services/outbox-payload.ts";
import { uploadUsageChart } from "../chart-delivery.ts";
import { translator } from "../i18n/index.ts";
import type { DeliverDeps } from "./deliver.ts";

export async function deliverDigestChart(deps: DeliverDeps, recipient: string, payload: Extract<OutboxPayload, { kind: "digest.chart" }>): Promise<void> {
  await uploadUsageChart(deps.client, recipient, payload.chart, translator(deps.defaultLocale));
}
