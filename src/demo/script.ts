// The scripted day: a manager registers a customer, the customer opens a case, an engineer answers, proposes
// level A and resolves it; a second case goes unanswered by the customer and closes by itself (R-LIFE-2); then the
// manager reads the contract's forecast in /balance <customer> and the customer the usage statement; ten months
// on, the renewal notice asks, the customer answers and applies, and a manager registers the renewal. Every
// step is a signed request to the real receiver, as Slack would send it; the transcript shows what Slack then
// shows, with the customer's balance read from the database after each step.
import { DateTime } from "luxon";
import type { Locale } from "../config.ts";
import { LATE_DELIVERY_GRACE_MS } from "../scheduler/pass.ts";
import { AUTO_CLOSE_BUSINESS_DAYS, AUTO_CLOSE_REMINDER_BUSINESS_DAYS } from "../domain/timers.ts";
import { RENEWAL_NOTICE_DAYS, renewalNoticeDue } from "../domain/contract-notices.ts";
import { t } from "../slack/i18n/index.ts";
import { Actions, Commands, InsightIds, Inputs, RenewalIds, Views } from "../slack/ids.ts";
import type { DriverResponse } from "../../tools/slack-sim/index.ts";
import { narration } from "./narration.ts";
import { Transcript } from "./transcript.ts";
import { CUSTOMER_CHANNEL, MANAGERS_CHANNEL, People, startWorld, temporarySqlite, TRIAGE_CHANNEL, type DemoDatabase, type Role, type World } from "./world.ts";

export interface DemoOptions {
  /** The language of the customer's channel (and of the narration). */
  lang: Locale;
  /** Where the data goes; a temporary SQLite file, deleted at the end, unless given. */
  database?: DemoDatabase;
  /** Terminal columns. */
  width?: number;
}

/** A weekday morning in Tokyo: Tuesday, after the Monday holiday, with two weekends before the automatic close. */
const START = "2026-11-24T10:00";
const DAY = "2026-11-24";
const INCIDENTS = 10;

/** Plays the day and returns the transcript's lines. */
export async function runDemo(options: DemoOptions): Promise<string[]> {
  const database = options.database ?? await temporarySqlite();
  let world: World | null = null;
  try {
    world = await startWorld({ start: START, database, lang: options.lang });
    return await play(world, options.lang, options.width ?? 100);
  } finally {
    await world?.close();
    await database.drop();
  }
}

function accepted(response: DriverResponse, what: string): DriverResponse {
  if (response.status !== 200 || response.slackWouldReject) {
    throw new Error(`${what}: Slack would not accept the app's answer (${response.slackWouldReject ?? `HTTP ${response.status}`})`);
  }
  return response;
}

async function play(w: World, lang: Locale, width: number): Promise<string[]> {
  const n = narration(lang);
  const s = n.script;
  const people: Record<string, string> = {
    [People.manager.id]: n.manager(People.manager.id), [People.engineer.id]: n.engineer(People.engineer.id), [People.customer.id]: n.customer(People.customer.id),
  };
  const names: Record<string, string> = {
    [People.manager.id]: n.mention.manager, [People.engineer.id]: n.mention.engineer, [People.customer.id]: n.mention.customer,
    [CUSTOMER_CHANNEL]: n.customerChannelName,
  };
  const transcript = new Transcript(w.slack, {
    // The triage message repeats the case's state, already shown as it changes in the customer's channel.
    channels: [
      { id: CUSTOMER_CHANNEL, label: n.customerChannel },
      { id: TRIAGE_CHANNEL, label: n.triageChannel, updates: false },
      { id: MANAGERS_CHANNEL, label: n.managersChannel },
    ],
    people, modal: n.modal, inputs: n.inputs, onlyFor: n.onlyFor, updated: n.updated,
    render: { names, formatDate: (seconds) => DateTime.fromSeconds(seconds, { zone: w.running.deps.config.timezone }).toFormat("yyyy-MM-dd HH:mm") },
  }, width);
  const db = w.db.client;
  const person = (role: Role) => ({ userId: People[role].id, userTeamId: People[role].team });
  const modalOpen = (role: Role, callbackId: string) => w.slack.views().filter((v) => v.open && v.callback_id === callbackId && v.user_id === People[role].id).at(-1);
  /** Waits for a modal the app opens after its ack and, unless told not to, shows it as the person sees it. */
  const waitForModal = async (role: Role, callbackId: string, show = true) => {
    await w.until(`the ${callbackId} modal`, () => modalOpen(role, callbackId) !== undefined);
    if (show) transcript.changes();
    return modalOpen(role, callbackId)!;
  };
  const caseOf = (title: string) => db.case.findFirstOrThrow({ where: { title } });
  const messagesOf = (caseId: number) => db.caseMessage.count({ where: { caseId } });

  let shownDay = "";
  async function step(local: string | Date, heading: string, act: () => Promise<void>): Promise<void> {
    if (typeof local === "string") w.at(local);
    else w.clock.set(local);
    const now = w.local();
    const day = now.toISODate() ?? "";
    const time = now.toFormat("HH:mm");
    transcript.heading(`${day === shownDay ? time : n.when(day, now.weekday % 7, time)} ${heading}`);
    shownDay = day;
    await act();
    await w.drain();
    transcript.changes();
    const contracts = await db.contract.findMany();
    const sum = (pick: (c: (typeof contracts)[number]) => number) => contracts.reduce((total, c) => total + pick(c), 0);
    transcript.note(n.balance(sum((c) => c.available), sum((c) => c.reserved), sum((c) => c.consumed)));
  }

  async function opensCase(title: string, description: string): Promise<number> {
    const channel = await db.customerChannel.findUniqueOrThrow({ where: { channelId: CUSTOMER_CHANNEL } });
    accepted(await w.driver.blockAction({ ...person("customer"), actionId: Actions.openCase, channelId: CUSTOMER_CHANNEL, messageTs: channel.entryTs ?? "" }), "the open-a-case button");
    const modal = await waitForModal("customer", Views.openCase);
    accepted(await w.driver.viewSubmission({
      ...person("customer"), callbackId: Views.openCase, viewId: modal.id,
      values: {
        [Inputs.title.block]: { [Inputs.title.action]: title },
        [Inputs.description.block]: { [Inputs.description.action]: description },
        [Inputs.level.block]: { [Inputs.level.action]: "normal" },
      },
    }), "the case form");
    await w.until("the case", async () => (await db.case.count({ where: { title } })) === 1);
    await w.drain();
    return (await caseOf(title)).id;
  }

  async function writes(role: Role, caseId: number, text: string, state?: string): Promise<void> {
    const before = await messagesOf(caseId);
    const root = (await db.case.findUniqueOrThrow({ where: { id: caseId } })).rootTs ?? "";
    accepted(await w.driver.message({ ...person(role), channelId: CUSTOMER_CHANNEL, text, threadTs: root }), "a message in the thread");
    await w.until("the message to count", async () => (await messagesOf(caseId)) > before);
    if (state) await w.until(`the case to be ${state}`, async () => (await db.case.findUniqueOrThrow({ where: { id: caseId } })).state === state);
  }

  /** Engineers act from the case's announcement in the triage channel; the customer's channel has no staff controls. */
  async function clicksOnCase(role: Role, caseId: number, input: { actionId: string; selectedOption?: string }): Promise<void> {
    const triage = (await db.case.findUniqueOrThrow({ where: { id: caseId } })).triageTs ?? "";
    accepted(await w.driver.blockAction({ ...person(role), ...input, channelId: TRIAGE_CHANNEL, messageTs: triage, blockId: `triage_actions:${caseId}` }), input.actionId);
  }

  transcript.plain(n.intro);
  transcript.plain(n.intro2);

  await step(START, n.register(people[People.manager.id]!, s.customerName, INCIDENTS), async () => {
    accepted(await w.driver.slashCommand({ command: Commands.balance, text: "register", userId: People.manager.id, channelId: MANAGERS_CHANNEL }), "/balance register");
    // The blank registration form would only list its fields; the transcript shows what the app answers.
    const modal = await waitForModal("manager", Views.registerContract, false);
    const done = accepted(await w.driver.viewSubmission({
      ...person("manager"), callbackId: Views.registerContract, viewId: modal.id,
      values: {
        [Inputs.customerName.block]: { [Inputs.customerName.action]: s.customerName },
        [Inputs.customerChannels.block]: { [Inputs.customerChannels.action]: [CUSTOMER_CHANNEL] },
        [Inputs.incidents.block]: { [Inputs.incidents.action]: String(INCIDENTS) },
        [Inputs.confirmedOn.block]: { [Inputs.confirmedOn.action]: DAY },
        [Inputs.channelLocale.block]: { [Inputs.channelLocale.action]: lang },
      },
    }), "the registration form");
    if ((done.json as { response_action?: string } | null)?.response_action !== "update") throw new Error(`the registration was refused: ${done.text}`);
  });

  let first = 0;
  await step(`${DAY}T10:02`, n.open(people[People.customer.id]!, t(lang, "entry.open"), s.case1Title), async () => {
    first = await opensCase(s.case1Title, s.case1Description);
  });
  await step(`${DAY}T10:20`, n.answer(people[People.engineer.id]!), () => writes("engineer", first, s.answer1, "answered"));
  await step(`${DAY}T10:41`, n.followUp(people[People.customer.id]!), () => writes("customer", first, s.followUp));

  await step(`${DAY}T10:55`, n.propose(people[People.engineer.id]!, t(lang, "case.menu.level_a")), async () => {
    await clicksOnCase("engineer", first, { actionId: Actions.caseMenu, selectedOption: `${Actions.proposeLevelA}:${first}` });
    const modal = await waitForModal("engineer", Views.levelA);
    accepted(await w.driver.viewSubmission({
      ...person("engineer"), callbackId: Views.levelA, viewId: modal.id,
      values: {
        [Inputs.levelReason.block]: { [Inputs.levelReason.action]: "reproduction" },
        [Inputs.reason.block]: { [Inputs.reason.action]: s.proposalReason },
      },
    }), "the level A form");
    await w.until("the proposal", async () => (await db.proposal.count({ where: { caseId: first } })) === 1);
  });

  await step(`${DAY}T11:03`, n.approve(people[People.customer.id]!, t(lang, "proposal.approve")), async () => {
    const proposal = await db.proposal.findFirstOrThrow({ where: { caseId: first } });
    const message = w.slack.messages(CUSTOMER_CHANNEL).find((m) => JSON.stringify(m.blocks ?? []).includes(`"block_id":"proposal:${proposal.id}"`));
    if (!message) throw new Error("the proposal is not in the thread");
    accepted(await w.driver.blockAction({ ...person("customer"), actionId: Actions.approveProposal, channelId: CUSTOMER_CHANNEL, messageTs: message.ts }), "the approve button");
    await w.until("level A", async () => (await db.case.findUniqueOrThrow({ where: { id: first } })).level === "A");
  });

  await step(`${DAY}T15:30`, n.answer(people[People.engineer.id]!), () => writes("engineer", first, s.answer2, "answered"));
  await step(`${DAY}T15:32`, n.resolve(people[People.engineer.id]!, t(lang, "case.resolve")), async () => {
    await clicksOnCase("engineer", first, { actionId: Actions.resolve });
    await w.until("the case to be resolved", async () => (await db.case.findUniqueOrThrow({ where: { id: first } })).state === "resolved");
  });

  let second = 0;
  await step(`${DAY}T16:10`, n.open(people[People.customer.id]!, t(lang, "entry.open"), s.case2Title), async () => {
    second = await opensCase(s.case2Title, s.case2Description);
  });
  let answeredAt = new Date(0);
  await step(`${DAY}T16:45`, n.silence(people[People.engineer.id]!), async () => {
    answeredAt = w.clock.now();
    await writes("engineer", second, s.answer3, "answered");
  });

  // The scheduler acts on a timer once it has been due for the grace period; a minute more and it is due.
  const after = (days: number) => new Date(w.running.deps.calendar.addBusinessDays(answeredAt, days).getTime() + LATE_DELIVERY_GRACE_MS + 60_000);
  await step(after(AUTO_CLOSE_REMINDER_BUSINESS_DAYS), n.remind(AUTO_CLOSE_REMINDER_BUSINESS_DAYS, AUTO_CLOSE_BUSINESS_DAYS - AUTO_CLOSE_REMINDER_BUSINESS_DAYS), async () => {
    await w.running.scheduler.runOnce();
  });
  await step(after(AUTO_CLOSE_BUSINESS_DAYS), n.autoClose(AUTO_CLOSE_BUSINESS_DAYS), async () => {
    await w.running.scheduler.runOnce();
    await w.until("the automatic close", async () => (await db.case.findUniqueOrThrow({ where: { id: second } })).state === "closed");
  });
  // Later that day: where the contract is going, for the manager and for the customer.
  const later = (minutes: number) => new Date(w.clock.now().getTime() + minutes * 60_000);
  await step(later(30), n.forecast(people[People.manager.id]!, `/balance ${s.customerName}`), async () => {
    const answer = accepted(await w.driver.slashCommand({ command: Commands.balance, text: s.customerName, userId: People.manager.id, channelId: MANAGERS_CHANNEL }), "/balance <customer>");
    transcript.answer(n.managersChannel, People.manager.id, (answer.json ?? {}));
  });
  await step(later(5), n.statement(people[People.customer.id]!, t(lang, "statement.button")), async () => {
    const channel = await db.customerChannel.findUniqueOrThrow({ where: { channelId: CUSTOMER_CHANNEL } });
    accepted(await w.driver.blockAction({ ...person("customer"), actionId: InsightIds.actions.statement, channelId: CUSTOMER_CHANNEL, messageTs: channel.entryTs ?? "" }), "the statement button");
    await w.until("the statement", () => w.slack.calls.some((c) => c.method === "chat.postEphemeral" && c.args.user === People.customer.id && JSON.stringify(c.args).includes(s.customerName)));
  });
  // Ten months on: the renewal notice asks, the customer answers and applies, a manager registers it (R-CON-4, R-CON-5).
  const minutesLater = (minutes: number) => new Date(w.clock.now().getTime() + minutes * 60_000);
  const contract = await db.contract.findFirstOrThrow({ where: { kind: "initial" } });
  const calendar = w.running.deps.calendar;
  await step(new Date(renewalNoticeDue(contract.endsOn, calendar).getTime() + LATE_DELIVERY_GRACE_MS + 60_000), n.renewalNotice(RENEWAL_NOTICE_DAYS), async () => {
    await w.running.scheduler.runOnce();
    await w.until("the renewal notice", async () => (await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).renewalNoticeAt !== null);
  });
  await step(minutesLater(40), n.renewalAnswer(people[People.customer.id]!, t(lang, "renewal.button.continue")), async () => {
    const notice = w.slack.messages(CUSTOMER_CHANNEL).find((m) => !m.thread_ts && JSON.stringify(m.blocks ?? []).includes(RenewalIds.actions.answerContinue));
    if (!notice) throw new Error("the renewal notice is not in the channel");
    accepted(await w.driver.blockAction({ ...person("customer"), actionId: RenewalIds.actions.answerContinue, channelId: CUSTOMER_CHANNEL, messageTs: notice.ts }), "the continue button");
    await w.until("the answer", async () => (await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).renewalAnswer === "continue");
  });
  await step(minutesLater(5), n.apply(people[People.customer.id]!), async () => {
    const form = await waitForModal("customer", RenewalIds.views.application);
    const I = RenewalIds.inputs;
    accepted(await w.driver.viewSubmission({
      ...person("customer"), callbackId: RenewalIds.views.application, viewId: form.id,
      values: { [I.person.block]: { [I.person.action]: s.contactName }, [I.email.block]: { [I.email.action]: s.contactEmail } },
    }), "the application form");
    await w.until("the request", async () => (await db.purchaseRequest.count()) === 1);
  });
  await step(minutesLater(30), n.registerRequest(people[People.manager.id]!, t(lang, "request.button.register")), async () => {
    const request = await db.purchaseRequest.findFirstOrThrow();
    await w.until("the request in the triage channel", async () => (await db.purchaseRequest.findUniqueOrThrow({ where: { id: request.id } })).triageTs !== null);
    const triageTs = (await db.purchaseRequest.findUniqueOrThrow({ where: { id: request.id } })).triageTs ?? "";
    accepted(await w.driver.blockAction({ ...person("manager"), actionId: RenewalIds.actions.registerRequest, channelId: TRIAGE_CHANNEL, messageTs: triageTs }), "the register button");
    // The renewal form comes filled in from the application; the manager submits it as it is.
    const form = await waitForModal("manager", Views.renewContract, false);
    accepted(await w.driver.viewSubmission({ ...person("manager"), callbackId: Views.renewContract, viewId: form.id, values: {} }), "the renewal form");
    await w.until("the renewal", async () => (await db.purchaseRequest.findUniqueOrThrow({ where: { id: request.id } })).state === "registered");
  });
  transcript.plain("");
  transcript.plain(n.end);
  return transcript.lines;
}
