// Finding cases, their card and transcript, and engineers' personal notifications: the listeners, registered
// together from listeners/index.ts.
import * as caseCommand from "./commands/case.ts";

export const caseworkModules = [caseCommand];
