// Delivery of proposals in a case's thread (R-INC-5): the question with the customer's buttons, and its
// re-rendering once answered, both drawn from the proposal's state at delivery time.
import type { OutboxPayload } from "../../services/outbox-payload.ts";
import { loadProposalView } from "../../services/proposal-view.ts";
import { translator } from "../i18n/index.ts";
import { proposalMessage } from "../views/proposal-message.ts";
import { NotYet, type DeliverDeps } from "./deliver.ts";

type ProposalPayload = Extract<OutboxPayload, { kind: "proposal.request" | "proposal.refresh" }>;

export async function deliverProposal(deps: DeliverDeps, channelId: string, payload: ProposalPayload): Promise<void> {
  const view = await loadProposalView(deps, payload.proposalId);
  if (!view) throw new Error(`proposal ${payload.proposalId} not found`);
  const message = proposalMessage(view, translator(view.locale));
  if (payload.kind === "proposal.refresh") {
    await deps.client.chat.update({ channel: channelId, ts: payload.ts, ...message });
    return;
  }
  if (!view.rootTs) throw new NotYet("root message not posted yet");
  await deps.client.chat.postMessage({ channel: channelId, thread_ts: view.rootTs, ...message });
}
