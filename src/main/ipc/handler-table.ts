import type { InvokeArgs, InvokeChannel, InvokeResults } from '../../shared/contract';
import type { Result } from '../../shared/lib/result';

/** One async handler per contract channel; a missing channel is a compile error. */
export type HandlerTable = {
  readonly [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<Result<InvokeResults[C]>>;
};
