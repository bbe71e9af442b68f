/** How one `--option` of a command is read. */
export interface CliOptionSpec {
  /** True when the option takes a value (`--root DIR` or `--root=DIR`); false for a flag. */
  readonly takesValue: boolean;
}

/** The command line of one sub-command, split into options and positional arguments. */
export interface ParsedCliArgs {
  readonly positionals: readonly string[];
  /** Flags map to `true`, valued options to their (last) value. */
  readonly options: ReadonlyMap<string, string | true>;
}

/** The parsed arguments, or a one-line usage problem. */
export type ParseCliArgsResult = { readonly ok: true; readonly value: ParsedCliArgs } | { readonly ok: false; readonly message: string };

/**
 * Splits `args` into `--options` and positionals. Only `--` prefixed words are options: a single
 * dash is a positional because VALUE may be `-5` or `- a` (YAML). `--` ends the options, for
 * files whose names start with dashes.
 */
export function parseCliArgs(args: readonly string[], spec: Readonly<Record<string, CliOptionSpec>>): ParseCliArgsResult {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const option = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (option === undefined) return { ok: false, message: `unknown option "--${name}"` };
    if (!option.takesValue) {
      if (eq !== -1) return { ok: false, message: `option "--${name}" takes no value` };
      options.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      i += 1;
    }
    if (value === undefined || value === '') return { ok: false, message: `option "--${name}" needs a value` };
    options.set(name, value);
  }
  return { ok: true, value: { positionals, options } };
}
