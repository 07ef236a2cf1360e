// A manager's ledger export is sent once per request: Submit pressed twice, or the submission delivered twice,
// still sends one file. The request's key is claimed before the file is made; a repeat finds it taken.
import { claimRequest, isDuplicateRequest } from "../db/requests.ts";
import type { ServiceDeps } from "./deps.ts";

/** True for the first time a request asks for its export, false for every repeat of it. */
export async function startLedgerExport(deps: ServiceDeps, requestKey: string | null): Promise<boolean> {
  if (!requestKey) return true;
  const key = `ledger-export:${requestKey}`;
  try {
    await deps.db.transaction((tx) => claimRequest(tx, key, deps.clock.now()));
    return true;
  } catch (error) {
    if (isDuplicateRequest(error, key)) return false;
    throw error;
  }
}
