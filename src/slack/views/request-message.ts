// A purchase request as each side sees it: the customer's acknowledgement with its state, and the managers' message
// in the triage channel with 「登録する」 and 「お断り／保留」 while it is pending. Pure: data in, Block Kit out.
import type { KnownBlock, ModalView } from "@slack/types";
import { DECLINE_REASON_MAX } from "../../domain/renewal.ts";
import type { RequestRow } from "../../services/lookups.ts";
import type { Translate } from "../i18n/index.ts";
import { RenewalIds } from "../ids.ts";
import type { SlackMessage } from "./case-message.ts";
import { mrkdwn, plain } from "./text.ts";

type Request = Omit<RequestRow, "createdAt" | "decidedAt">;

export function requestNumber(id: number, t: Translate): string {
  return t("request.number", { id });
}

function stateLine(r: Request, t: Translate): string {
  if (r.state === "registered" && r.resultContractId) return t("request.state.registered", { id: r.resultContractId });
  if (r.state === "declined") return t("request.state.declined");
  return t("request.state.pending");
}

export function requestCustomerMessage(r: Request, t: Translate): SlackMessage {
  const head = t("request.customer.head", { number: requestNumber(r.id, t) });
  return {
    text: head,
    blocks: [
      { type: "section", text: mrkdwn(`*${head}*\n${t("request.customer.body", { kind: r.kind, incidents: r.incidents, startsOn: r.startsOn ?? "", person: r.contactName })}`) },
      { type: "context", elements: [mrkdwn(stateLine(r, t))] },
    ],
  };
}

export function requestTriageMessage(r: Request, t: Translate): SlackMessage {
  const head = t("request.triage.head", { number: requestNumber(r.id, t), customer: r.customer.name, kind: r.kind });
  const blocks: KnownBlock[] = [{
    type: "section",
    text: mrkdwn(`${head}\n${t("request.triage.body", {
      company: r.companyName, person: r.contactName, email: r.contactEmail, incidents: r.incidents, startsOn: r.startsOn ?? "", note: r.note ?? "", user: r.requestedBy,
    })}`),
  }];
  if (r.state === "pending") {
    blocks.push({
      type: "actions", block_id: RenewalIds.requestBlock, elements: [
        { type: "button", action_id: RenewalIds.actions.registerRequest, text: plain(t("request.button.register"), 75), value: String(r.id), style: "primary" },
        { type: "button", action_id: RenewalIds.actions.declineRequest, text: plain(t("request.button.decline"), 75), value: String(r.id) },
      ],
    });
  } else if (r.state === "registered" && r.resultContractId) {
    blocks.push({ type: "context", elements: [mrkdwn(t("request.triage.registered", { user: r.decidedBy ?? "", id: r.resultContractId }))] });
  } else if (r.state === "declined") {
    blocks.push({ type: "context", elements: [mrkdwn(t("request.triage.declined", { user: r.decidedBy ?? "", reason: r.declineReason ?? "" }))] });
  }
  return { text: head, blocks };
}

export function declineRequestModal(r: Pick<Request, "id" | "customer">, t: Translate): ModalView {
  return {
    type: "modal", callback_id: RenewalIds.views.decline, private_metadata: JSON.stringify({ requestId: r.id }),
    title: plain(t("request.decline.title"), 24), submit: plain(t("request.decline.submit"), 24), close: plain(t("modal.cancel"), 24),
    blocks: [
      { type: "section", text: mrkdwn(t("request.decline.intro", { number: requestNumber(r.id, t), customer: r.customer.name })) },
      {
        type: "input", block_id: RenewalIds.inputs.reason.block, label: plain(t("request.decline.reason"), 2000),
        element: { type: "plain_text_input", action_id: RenewalIds.inputs.reason.action, multiline: true, max_length: DECLINE_REASON_MAX },
      },
    ],
  };
}
