import { endCase, type EndCaseInput, type EndCaseResult } from "./end-case.ts";
import type { ServiceDeps } from "./deps.ts";

/** An engineer judges the problem resolved (R-LIFE-1): the reserved incidents are consumed. */
export function resolveCase(deps: ServiceDeps, input: EndCaseInput): Promise<EndCaseResult> {
  return endCase(deps, "resolve", input);
}
