import { exitCodes, type CliIo } from './cli-io';
import { listCommand } from './list-command';
import { schemaCommand } from './schema-command';
import { setCommand } from './set-command';
import { validateCommand } from './validate-command';

/** One `folio` sub-command. */
export interface CliCommand {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Every sub-command; the other issues add theirs here. */
const commands: readonly CliCommand[] = [setCommand, listCommand, validateCommand, schemaCommand];

function helpText(): string {
  const lines = [
    'folio: work with a folder of Markdown + YAML front matter without opening the app.',
    '',
    'Usage: folio <command> [options]',
    '',
    'Commands:',
    // A usage too long for the column gets its summary on the next line, still aligned.
    ...commands.map((c) => (c.usage.length < 44 ? `  ${c.usage.padEnd(44)} ${c.summary}` : `  ${c.usage}\n  ${''.padEnd(44)} ${c.summary}`)),
    '',
    'Options:',
    '  -h, --help                                   show this help (or a command\'s help)',
    '  -v, --version                                show the version',
    '',
    'Exit codes: 0 success, 1 problems found or a file could not be changed, 2 usage or I/O error.',
  ];
  return `${lines.join('\n')}\n`;
}

/** Parses the command line and runs a sub-command; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    io.stdout.write(helpText());
    return name === undefined ? exitCodes.usage : exitCodes.ok;
  }
  if (name === '-v' || name === '--version') {
    io.stdout.write('folio 0.1.0\n');
    return exitCodes.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`folio: unknown command "${name}". Run \`folio --help\` for the list.\n`);
    return exitCodes.usage;
  }
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout.write(`Usage: folio ${command.usage}\n${command.summary}\n`);
    return exitCodes.ok;
  }
  return command.run(rest, io);
}
