// The managers' contract and ledger commands, by "group command", each with its usage for --help.
import type { CliContext } from "../context.ts";
import * as addition from "./contract-addition.ts";
import * as adjust from "./contract-adjust.ts";
import * as list from "./contract-list.ts";
import * as renew from "./contract-renew.ts";
import * as ledger from "./ledger-export.ts";

export interface CliCommand { usage: string; run(ctx: CliContext, args: string[]): Promise<void> }

export const contractCommands: Record<string, CliCommand> = {
  "contract addition": { usage: addition.usage, run: addition.contractAddition },
  "contract renew": { usage: renew.usage, run: renew.contractRenew },
  "contract adjust": { usage: adjust.usage, run: adjust.contractAdjust },
  "contract list": { usage: list.usage, run: list.contractList },
  // CSV goes to standard output as it is, without the line ending `out` adds.
  "ledger export": { usage: ledger.usage, run: (ctx, args) => ledger.ledgerExport(ctx, args, (chunk) => process.stdout.write(chunk)) },
};

export const contractHelp = `  npm run cli -- contract addition …  record an additional purchase on a contract (see: contract addition --help)
  npm run cli -- contract renew …     register a renewal: a new contract for a customer (see: contract renew --help)
  npm run cli -- contract adjust …    correct a contract's incidents, with a reason (see: contract adjust --help)
  npm run cli -- contract list        list contracts with their status and counters
  npm run cli -- ledger export …      the ledger of a period as CSV (see: ledger export --help)`;
