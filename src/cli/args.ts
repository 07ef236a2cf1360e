// Reading a command's flags. node's parseArgs takes `--incidents -3` for a flag without a value followed by an
// unknown flag "-3" and says "ambiguous"; an operator who typed a negative number means the number, and is told
// what is wrong with it by the command (naming the flag), not by the parser.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./context.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

const NUMBER_LIKE = /^-[\d.]/;

/** `--flag -3` becomes `--flag=-3` for flags that take a value, so the value reaches the command's own checks. */
export function joinNegativeValues(args: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    const next = args[i + 1];
    const name = arg.startsWith("--") && !arg.includes("=") ? arg.slice(2) : null;
    if (name && options[name]?.type === "string" && next !== undefined && NUMBER_LIKE.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** parseArgs, strict, no positionals; a malformed command line is a CliError (exit 2) that names the flag. */
export function parseFlags<O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: joinNegativeValues(args, options), options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (!(error instanceof TypeError) || !code?.startsWith("ERR_PARSE_ARGS")) throw error;
    const flag = /'(-{1,2}[^' ]+)/.exec(error.message)?.[1];
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new CliError(`${flag ?? "a flag"}: unknown flag (see --help)`);
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      throw new CliError(`unexpected argument ${flag ?? /'([^']*)'/.exec(error.message)?.[1] ?? ""} (flags take the form --name VALUE; see --help)`);
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && flag) {
      throw new CliError(options[flag.replace(/^-+/, "")]?.type === "boolean" ? `${flag}: takes no value` : `${flag}: needs a value`);
    }
    throw new CliError(error.message.split("\n")[0] ?? error.message);
  }
}
