// Finding cases, their card and transcript, and engineers' personal notifications: the listeners, registered
// together from listeners/index.ts.
import * as channelCasesAction from "./actions/channel-cases.ts";
import * as customerSearchAction from "./actions/customer-search.ts";
import * as exportTranscriptAction from "./actions/export-transcript.ts";
import * as notificationTopicsAction from "./actions/notification-topics.ts";
import * as caseCommand from "./commands/case.ts";
import * as customerSearchView from "./views/customer-search.ts";

export const caseworkModules = [caseCommand, channelCasesAction, customerSearchAction, customerSearchView, exportTranscriptAction, notificationTopicsAction];
