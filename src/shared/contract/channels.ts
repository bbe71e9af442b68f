import type { Result } from '../lib/result';
import type { InvokeArgTypes } from './invoke-args';
import type {
  AppInfo,
  DocumentSnapshot,
  IndexProgressDto,
  ListQueryResult,
  ListRow,
  QuickOpenItem,
  SaveResult,
  Notice,
  WorkspaceChangedEvent,
  WorkspaceInfo,
} from './dto';

/** What each request resolves to (inside a Result). */
export interface InvokeResults {
  'app:info': AppInfo;
  'workspace:current': WorkspaceInfo | null;
  'workspace:open': WorkspaceInfo;
  'workspace:recent': readonly string[];
  'list:query': ListQueryResult;
  'list:rows': readonly ListRow[];
  'list:quickOpen': readonly QuickOpenItem[];
  'document:read': DocumentSnapshot;
  'document:save': SaveResult;
  'shell:openExternal': null;
}

/**
 * Every request channel, in contract order. A plain list (no schema library) so the sandboxed
 * preload and the browser bundle can build `window.api` from it; invoke-args.ts is checked
 * against it at compile time.
 */
export const invokeChannelNames = ['app:info', 'workspace:current', 'workspace:open', 'workspace:recent', 'list:query', 'list:rows', 'list:quickOpen', 'document:read', 'document:save', 'shell:openExternal'] as const;

export type InvokeChannel = (typeof invokeChannelNames)[number];

/** The argument tuple of a channel, inferred from its runtime schema. */
export type InvokeArgs<C extends InvokeChannel> = InvokeArgTypes[C];

/** The request side of the contract as functions: this is the shape of `window.api.invoke`. */
export type InvokeChannels = {
  readonly [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<Result<InvokeResults[C]>>;
};

/** Main -> renderer broadcasts. */
export interface MainEvents {
  'workspace:opened': WorkspaceInfo;
  'workspace:changed': WorkspaceChangedEvent;
  'app:notice': Notice;
  'index:progress': IndexProgressDto;
}

export type MainEventName = keyof MainEvents;


/** Every event name; kept as a record so adding an event without listing it is a compile error. */
const mainEventRecord: { readonly [E in MainEventName]: true } = {
  'workspace:opened': true,
  'workspace:changed': true,
  'app:notice': true,
  'index:progress': true,
};
export const mainEventNames = Object.keys(mainEventRecord) as MainEventName[];

/** Unsubscribes a listener registered with `on`. */
export type Unsubscribe = () => void;

/**
 * `window.api` as both shells expose it: one function per request channel, plus `on` for events.
 * The keys are exactly the contract's channel names and `on`, nothing else (no generic send).
 */
export type FolioApi = InvokeChannels & {
  readonly on: <E extends MainEventName>(event: E, listener: (payload: MainEvents[E]) => void) => Unsubscribe;
};

/** The name of the bridge function for events; kept here so every shell agrees. */
export const eventSubscribeKey = 'on';

/** Transport channel names used by both shells for the single event stream. */
export const eventChannel = 'folio:event';
