// What people write is shown as text wherever the app echoes it, never as live mrkdwn: a customer's name, a case's
// title, description and product, an engineer's decline, level A and split reasons, split titles, a contact note and
// a ledger reason, a /balance query. The same hostile text goes through every echo path (case messages, triage,
// thread notices, proposals, scheduler alerts and notices, modals, App Home, /balance and /queue answers), and
// nothing the Slack stand-in received, nor any acknowledgement, carries a live "<!", "<@", "<#" or "<http" from it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adjustBalance } from "../../src/services/adjust-balance.ts";
import { Actions, Commands, Inputs, Views } from "../../src/slack/ids.ts";
import { AN_ENGINEER, customerCase, openActionModal, submit } from "../e2e/engineer-helpers.ts";
import type { DriverResponse } from "../support/driver.ts";
import { CUSTOMER, CUSTOMER_CHANNEL, CUSTOMER_TEAM, ENGINEER, HOME_TEAM, MANAGER, startHarness, TRIAGE_CHANNEL, type Harness } from "../support/harness.ts";
import { expectOpened, openModal, submitCase, until } from "./flows.ts";

/** Mentions everyone, a person, a channel and a group, a disguised link, and text Slack would swallow. */
const HOSTILE = "<!channel> <@U0HOSTILE> <#C0HOSTILE> <!subteam^S0HOSTILE> <https://evil.example|こちら> <らかん Pro> &";
const LIVE = /<!channel|<@U0HOSTILE|<#C0HOSTILE|<!subteam|<https?:\/\/evil|<らかん Pro>/;
const SHOWN = "&lt;!channel&gt; &lt;@U0HOSTILE&gt;";
// A customer name is at most 100 characters.
const NAME = "<!channel> <@U0HOSTILE> <https://evil.example|こちら> <らかん Pro> & 株式会社";

let h: Harness;
const acks: unknown[] = [];
const ack = (response: DriverResponse) => {
  acks.push(response.json);
  return response;
};

beforeAll(async () => {
  // Tuesday 2026-11-24, 10:00 in Tokyo. The contract ends 2027-01-25: its renewal notice falls due on 11-26.
  h = await startHarness({ now: "2026-11-24T01:00:00Z" });
});
afterAll(async () => {
  await h?.close();
});

/** Every string Slack parses as mrkdwn in a payload: message text, mrkdwn objects, a file's comment. */
function mrkdwnStrings(node: unknown, out: string[] = [], key = ""): string[] {
  if (typeof node === "string") {
    if (key === "text" || key === "initial_comment") out.push(node);
  } else if (Array.isArray(node)) {
    for (const item of node) mrkdwnStrings(item, out);
  } else if (typeof node === "object" && node !== null) {
    const o = node as Record<string, unknown>;
    // plain_text is shown literally: people's words may stand there as written.
    if (o.type === "plain_text") return out;
    for (const [k, v] of Object.entries(o)) mrkdwnStrings(v, out, k);
  }
  return out;
}

function everythingShown(): string[] {
  return [...h.slack.calls.flatMap((c) => mrkdwnStrings(c.args)), ...acks.flatMap((a) => mrkdwnStrings(a))];
}

const shownIn = (method: string, where: (args: Record<string, unknown>) => boolean = () => true) =>
  h.slack.callsTo(method).filter((c) => where(c.args)).flatMap((c) => mrkdwnStrings(c.args)).join("\n");

const modals = (callbackId: string) => h.slack.views().filter((v) => v.open && v.callback_id === callbackId);

async function modalAfter(callbackId: string, act: () => Promise<unknown>) {
  const before = modals(callbackId).length;
  await act();
  const view = await until(() => (modals(callbackId).length > before ? modals(callbackId).at(-1) : undefined), 10_000);
  if (!view) throw new Error(`no ${callbackId} modal`);
  return view;
}

async function proposalTs(caseId: number): Promise<{ ts: string; root: string }> {
  const c = await h.database.db.client.case.findUniqueOrThrow({ where: { id: caseId } });
  const message = h.slack.messages(CUSTOMER_CHANNEL).filter((m) => m.thread_ts === c.rootTs && JSON.stringify(m.blocks ?? []).includes(Actions.approveProposal)).at(-1);
  if (!message || !c.rootTs) throw new Error(`no proposal on case ${caseId}`);
  return { ts: message.ts, root: c.rootTs };
}

describe("people's words shown back", { timeout: 120_000 }, () => {
  it("never become live mentions or links on any echo path", async () => {
    // A manager registers a customer whose name is hostile, with a hostile contact note.
    await modalAfter(Views.registerContract, () => h.driver.slashCommand({ command: Commands.balance, text: "register", userId: MANAGER, channelId: "C0MGRS" }));
    const registered = ack(await h.driver.viewSubmission({
      callbackId: Views.registerContract, userId: MANAGER, userTeamId: HOME_TEAM,
      values: {
        [Inputs.customerName.block]: { [Inputs.customerName.action]: NAME },
        [Inputs.customerChannels.block]: { [Inputs.customerChannels.action]: [CUSTOMER_CHANNEL] },
        [Inputs.incidents.block]: { [Inputs.incidents.action]: "50" },
        [Inputs.confirmedOn.block]: { [Inputs.confirmedOn.action]: "2026-01-26" },
        [Inputs.channelLocale.block]: { [Inputs.channelLocale.action]: "ja" },
        [Inputs.contact.block]: { [Inputs.contact.action]: `ご担当 ${HOSTILE}` },
      },
    }));
    expect(JSON.stringify(registered.json)).toContain(SHOWN);
    const customer = await h.database.db.client.customer.findUniqueOrThrow({ where: { name: NAME }, include: { contracts: true } });
    await h.drain();

    // A customer opens a case with a hostile title, description and product.
    const view = await openModal(h, CUSTOMER, CUSTOMER_TEAM);
    await expectOpened(h, ack(await submitCase(h, view, CUSTOMER, CUSTOMER_TEAM, { title: `件名 ${HOSTILE}`, description: `内容 ${HOSTILE}`, product: `製品 ${HOSTILE}` })), view);
    await h.drain();
    const opened = await h.database.db.client.case.findFirstOrThrow({ where: { title: `件名 ${HOSTILE}` } });
    expect(shownIn("chat.postMessage", (a) => a.channel === TRIAGE_CHANNEL)).toContain(SHOWN);

    // An engineer declines it with a hostile reason: the modal shows title and customer, the thread the reason.
    const decline = await openActionModal(h, AN_ENGINEER, opened.id, Actions.declineScope, Views.declineScope);
    expect(mrkdwnStrings(decline.blocks).join("\n")).toContain(SHOWN);
    expect(ack(await submit(h, AN_ENGINEER, decline, { [Inputs.reason.block]: { [Inputs.reason.action]: `理由 ${HOSTILE}` } })).json).toBeNull();
    await h.drain();
    expect(shownIn("chat.postMessage", (a) => a.channel === CUSTOMER_CHANNEL && a.thread_ts === opened.rootTs)).toContain(`理由: 理由 ${SHOWN}`);

    // A level A proposal and a split, both with hostile reasons; the split's parts have hostile titles.
    const levelA = await customerCase(h, `レベルA ${HOSTILE}`);
    const proposeA = await openActionModal(h, AN_ENGINEER, levelA, Actions.proposeLevelA, Views.levelA);
    expect(ack(await submit(h, AN_ENGINEER, proposeA, {
      [Inputs.levelReason.block]: { [Inputs.levelReason.action]: "reproduction" },
      [Inputs.reason.block]: { [Inputs.reason.action]: `検証 ${HOSTILE}` },
    })).json).toBeNull();
    const toSplit = await customerCase(h, "分割する相談");
    const proposeSplit = await openActionModal(h, AN_ENGINEER, toSplit, Actions.proposeSplit, Views.split);
    expect(ack(await submit(h, AN_ENGINEER, proposeSplit, {
      [Inputs.parts.block]: { [Inputs.parts.action]: `前半 ${HOSTILE}\n後半 ${HOSTILE}` },
      [Inputs.reason.block]: { [Inputs.reason.action]: `分割 ${HOSTILE}` },
    })).json).toBeNull();
    await h.drain();
    const split = await proposalTs(toSplit);
    ack(await h.driver.blockAction({ actionId: Actions.approveProposal, userId: CUSTOMER, userTeamId: CUSTOMER_TEAM, channelId: CUSTOMER_CHANNEL, messageTs: split.ts, threadTs: split.root }));
    const part = await until(() => h.database.db.client.case.findFirst({ where: { parentCaseId: toSplit } }), 10_000);
    expect(part?.title).toBe(`後半 ${HOSTILE}`);
    await h.drain();
    const partRoot = (await h.database.db.client.case.findUniqueOrThrow({ where: { id: part!.id } })).rootTs;
    expect(shownIn("chat.postMessage", (a) => a.channel === CUSTOMER_CHANNEL && a.thread_ts === partRoot)).toContain(`分割の理由: 分割 ${SHOWN}`);

    // A manager's adjustment with a hostile reason, then /balance in every form, App Home and /queue.
    const adjusted = await adjustBalance(h.running.deps, { contractId: customer.contracts[0]!.id, amount: -1, reason: `訂正 ${HOSTILE}`, actorId: MANAGER });
    expect(adjusted.ok).toBe(true);
    expect(JSON.stringify(ack(await h.driver.slashCommand({ command: Commands.balance, text: "", userId: MANAGER, channelId: "C0MGRS" })).json)).toContain(SHOWN);
    expect(JSON.stringify(ack(await h.driver.slashCommand({ command: Commands.balance, text: NAME, userId: MANAGER, channelId: "C0MGRS" })).json)).toContain(`訂正 ${SHOWN}`);
    expect(JSON.stringify(ack(await h.driver.slashCommand({ command: Commands.balance, text: `${HOSTILE} 存在しない`, userId: MANAGER, channelId: "C0MGRS" })).json)).toContain(SHOWN);
    ack(await h.driver.slashCommand({ command: Commands.queue, text: "", userId: ENGINEER, channelId: "C0ENGS" }));
    for (const user of [ENGINEER, MANAGER]) await h.driver.event({ type: "app_home_opened", user, channel: `D${user}`, tab: "home" });
    await until(() => h.slack.homeView(MANAGER)?.blocks.length && h.slack.homeView(ENGINEER)?.blocks.length, 10_000);
    expect(mrkdwnStrings(h.slack.homeView(ENGINEER)?.blocks).join("\n")).toContain(SHOWN);
    expect(mrkdwnStrings(h.slack.homeView(MANAGER)?.blocks).join("\n")).toContain(SHOWN);

    // The contract forms opened from the customer's detail name the customer.
    const home = h.slack.homeView(MANAGER)!;
    const detail = await modalAfter(Views.customerDetail, () => h.driver.blockAction({ actionId: Actions.customerDetail, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: home.id, callbackId: Views.home }, blockId: `balance_row_${customer.id}` }));
    const renew = await modalAfter(Views.renewContract, () => h.driver.blockAction({ actionId: Actions.renewContract, userId: MANAGER, userTeamId: HOME_TEAM, view: { id: detail.id, callbackId: Views.customerDetail } }));
    expect(mrkdwnStrings(renew.blocks).join("\n")).toContain(SHOWN);

    // The scheduler's renewal notice and the managers' alert about it.
    h.clock.set("2026-11-26T02:00:00Z");
    await h.running.scheduler.runOnce();
    await h.drain();
    expect(shownIn("chat.postMessage", (a) => a.channel === TRIAGE_CHANNEL && typeof a.text === "string" && a.text.includes(":calendar:"))).toContain(SHOWN);

    // Through all of it, nothing the customer, the engineer or the manager wrote is live anywhere.
    const live = everythingShown().filter((text) => LIVE.test(text));
    expect(live).toEqual([]);
    expect(everythingShown().join("\n")).toContain("&lt;らかん Pro&gt;");
  });
});
