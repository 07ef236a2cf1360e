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
// Managers: contracts, balances and the ledger.
import * as addIncidentsAction from "./actions/add-incidents.ts";
import * as adjustBalanceAction from "./actions/adjust-balance.ts";
import * as customerDetailAction from "./actions/customer-detail.ts";
import * as exportLedgerAction from "./actions/export-ledger.ts";
import * as registerContractAction from "./actions/register-contract.ts";
import * as renewContractAction from "./actions/renew-contract.ts";
import * as addIncidentsView from "./views/add-incidents.ts";
import * as adjustBalanceView from "./views/adjust-balance.ts";
import * as exportLedgerView from "./views/export-ledger.ts";
import * as registerContractView from "./views/register-contract.ts";
import * as renewContractView from "./views/renew-contract.ts";

const managerModules = [
  addIncidentsAction, adjustBalanceAction, customerDetailAction, exportLedgerAction, registerContractAction, renewContractAction,
  addIncidentsView, adjustBalanceView, exportLedgerView, registerContractView, renewContractView,
];
const modules = [openCaseAction, resolve, showBalance, take, balance, support, message, openCaseView, messageToCase];

export function registerListeners(app: App, deps: SlackDeps): void {
  for (const module of modules) module.register(app, deps);
  for (const module of managerModules) module.register(app, deps);
}
