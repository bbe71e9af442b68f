import type { InvokeChannel } from '../../shared/contract';
import { invokeArgs } from '../../shared/contract/invoke-args';
import { fail, type Result } from '../../shared/lib/result';
import type { HandlerTable } from './handler-table';

function isInvokeChannel(channel: string): channel is InvokeChannel {
  return Object.hasOwn(invokeArgs, channel);
}

/**
 * The single entry for every request from a renderer, in both shells: the channel must be in the
 * contract, the arguments must match its schema (the renderer is untrusted), and a handler that
 * throws becomes an `internal` error instead of crashing main or leaking a stack trace.
 */
export async function dispatch(handlers: HandlerTable, channel: string, rawArgs: unknown): Promise<Result<unknown>> {
  if (!isInvokeChannel(channel)) return fail('unknown-channel', `Unknown request "${channel.slice(0, 80)}".`);
  const parsed = invokeArgs[channel].safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail('invalid-argument', `Invalid arguments for ${channel}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'wrong shape'}.`);
  }
  const handler = handlers[channel] as (...args: unknown[]) => Promise<Result<unknown>>;
  try {
    return await handler(...(parsed.data as unknown[]));
  } catch (error) {
    console.error(`[folio] ${channel} failed`, error);
    return fail('internal', `Folio hit an unexpected error while handling ${channel}.`);
  }
}
