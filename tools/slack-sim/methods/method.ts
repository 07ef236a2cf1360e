import type { Args, Reply } from "../args.ts";

/** One Web API method: the call's arguments in, the fields of an `ok: true` answer out; refusals are thrown. */
export type Method = (args: Args) => Reply;
export type MethodFamily = Record<string, Method>;
