// The managers' tenancy modals: the registration's second step that names the customer's workspace when a channel
// is shared with several outside workspaces, and, from a customer's detail, a channel's customer workspaces and
// named approvers. Pure: data in, Block Kit out. What a modal offers is checked again on the server at submission.
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { ConnectedTeam } from "../../domain/tenancy.ts";
import type { Translate } from "../i18n/index.ts";
import { TenancyIds } from "../ids.ts";
import { escapeMrkdwn, mrkdwn, plain } from "./text.ts";
import { storedLocale } from "../../domain/locale.ts";

/** Slack shows at most 100 options in a select. */
const MAX_OPTIONS = 100;
const CHANNEL = /^[CG][A-Z0-9]{2,}$/;

/** The registration form as the manager filled it in, carried to the workspace step so nothing is typed twice. */
export interface RegistrationDraft {
  requestKey: string;
  customerName: string;
  channelIds: string[];
  incidents: number;
  confirmedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  contactNote: string | null;
  locale: "ja" | "en";
}

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);

export function parseDraft(raw: string): RegistrationDraft | null {
  try {
    const v = JSON.parse(raw) as Record<string, unknown> | null;
    if (typeof v !== "object" || v === null) return null;
    const requestKey = text(v.requestKey);
    const customerName = text(v.customerName);
    const channelIds = Array.isArray(v.channelIds) ? v.channelIds.filter((c): c is string => typeof c === "string" && CHANNEL.test(c)) : [];
    if (!requestKey || requestKey.length < 8 || customerName === null || channelIds.length === 0 || typeof v.incidents !== "number") return null;
    return {
      requestKey, customerName, channelIds, incidents: v.incidents,
      confirmedOn: text(v.confirmedOn), startsOn: text(v.startsOn), endsOn: text(v.endsOn), contactNote: text(v.contactNote),
      locale: storedLocale(v.locale),
    };
  } catch {
    return null;
  }
}

/** A workspace as a manager recognises it: its name from Slack, and the id that the command line takes. */
export function teamLabel(team: { id: string; name: string | null }): string {
  return team.name ? `${team.name} (${team.id})` : team.id;
}

const teamOption = (team: { id: string; name: string | null }): PlainTextOption => ({ text: plain(teamLabel(team), 75), value: team.id });

/** Step two of registration: the channel is shared with several outside workspaces; which one is the customer's? */
export function chooseCustomerTeamModal(input: { draft: RegistrationDraft; channelId: string; teams: readonly ConnectedTeam[] }, t: Translate): ModalView {
  const { draft } = input;
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(t("tenancy.choose.intro", { customer: draft.customerName, channel: input.channelId })) },
    { type: "context", elements: [mrkdwn(t("tenancy.choose.summary", { incidents: draft.incidents, channels: draft.channelIds.map((c) => `<#${c}>`).join(" ") }))] },
    {
      type: "input", block_id: TenancyIds.inputs.customerTeam.block, label: plain(t("tenancy.field.customer_team"), 2000),
      element: {
        type: "static_select", action_id: TenancyIds.inputs.customerTeam.action, placeholder: plain(t("tenancy.field.customer_team_hint"), 150),
        options: input.teams.slice(0, MAX_OPTIONS).map(teamOption),
      },
      hint: plain(t("tenancy.choose.hint"), 2000),
    },
  ];
  return {
    type: "modal", callback_id: TenancyIds.views.chooseTeam, private_metadata: JSON.stringify(draft),
    title: plain(t("tenancy.choose.title"), 24), submit: plain(t("contracts.modal.register.submit"), 24), close: plain(t("modal.cancel"), 24), blocks,
  };
}

/** Which channel a detail modal is about, and the detail to refresh after the change. */
export interface ChannelModalMetadata { channelId: string; customerId: number; detailViewId: string | null }

export function parseChannelMetadata(raw: string): ChannelModalMetadata | null {
  try {
    const v = JSON.parse(raw) as Record<string, unknown> | null;
    if (typeof v !== "object" || v === null) return null;
    const channelId = text(v.channelId);
    const customerId = v.customerId;
    if (!channelId || !CHANNEL.test(channelId) || typeof customerId !== "number" || !Number.isSafeInteger(customerId) || customerId < 1) return null;
    return { channelId, customerId, detailViewId: text(v.detailViewId) };
  } catch {
    return null;
  }
}

function channelModal(callbackId: string, metadata: ChannelModalMetadata, title: string, blocks: KnownBlock[], t: Translate): ModalView {
  return {
    type: "modal", callback_id: callbackId, private_metadata: JSON.stringify(metadata),
    title: plain(title, 24), submit: plain(t("contracts.modal.save"), 24), close: plain(t("modal.cancel"), 24), blocks,
  };
}

/** A channel's customer workspaces, chosen among those Slack says are connected to it now. */
export function channelTeamsModal(
  input: { metadata: ChannelModalMetadata; customerName: string; connected: readonly ConnectedTeam[]; customerTeams: readonly string[] },
  t: Translate,
): ModalView {
  const options = input.connected.slice(0, MAX_OPTIONS).map(teamOption);
  const initial = options.filter((o) => input.customerTeams.includes(o.value ?? ""));
  return channelModal(TenancyIds.views.teams, input.metadata, t("tenancy.teams.title"), [
    { type: "section", text: mrkdwn(t("tenancy.teams.intro", { customer: input.customerName, channel: input.metadata.channelId })) },
    {
      type: "input", block_id: TenancyIds.inputs.customerTeams.block, label: plain(t("tenancy.field.customer_teams"), 2000),
      element: {
        type: "multi_static_select", action_id: TenancyIds.inputs.customerTeams.action, placeholder: plain(t("tenancy.field.customer_team_hint"), 150),
        options, ...(initial.length ? { initial_options: initial } : {}),
      },
      hint: plain(t("tenancy.teams.hint"), 2000),
    },
  ], t);
}

/** The customer people who alone may approve raised incident counts in a channel; none named, any of them may. */
export function channelApproversModal(
  input: { metadata: ChannelModalMetadata; customerName: string; approvers: readonly string[]; customerTeams: readonly { id: string; name: string | null }[] },
  t: Translate,
): ModalView {
  const teams = input.customerTeams.map((x) => escapeMrkdwn(teamLabel(x))).join(", ");
  return channelModal(TenancyIds.views.approvers, input.metadata, t("tenancy.approvers.title"), [
    { type: "section", text: mrkdwn(t("tenancy.approvers.intro", { customer: input.customerName, channel: input.metadata.channelId, teams })) },
    {
      type: "input", block_id: TenancyIds.inputs.approvers.block, optional: true, label: plain(t("tenancy.field.approvers"), 2000),
      element: {
        type: "multi_users_select", action_id: TenancyIds.inputs.approvers.action, placeholder: plain(t("tenancy.field.approvers_hint"), 150),
        ...(input.approvers.length ? { initial_users: [...input.approvers] } : {}),
      },
      hint: plain(t("tenancy.approvers.hint"), 2000),
    },
  ], t);
}
