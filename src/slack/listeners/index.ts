import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps.ts";
import * as openCaseAction from "./actions/open-case.ts";
import * as resolve from "./actions/resolve.ts";
import * as showBalance from "./actions/show-balance.ts";
import * as take from "./actions/take.ts";
import * as balance from "./commands/balance.ts";
import * as support from "./commands/support.ts";
import * as message from "./events/message.ts";
import * as messageToCase from "./shortcuts/message-to-case.ts";
import * as openCaseView from "./views/open-case.ts";

const modules = [openCaseAction, resolve, showBalance, take, balance, support, message, openCaseView, messageToCase];

export function registerListeners(app: App, deps: SlackDeps): void {
  for (const module of modules) module.register(app, deps);
}
