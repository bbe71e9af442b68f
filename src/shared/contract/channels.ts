import { z } from 'zod';
import type { Result } from '../lib/result';
import type {
  AppInfo,
  DocumentSnapshot,
  ItemSummary,
  Notice,
  WorkspaceChangedEvent,
  WorkspaceInfo,
} from './dto';

/**
 * A workspace-relative POSIX path as the renderer sends it. This is only the shape check;
 * main still confines it to the open folder (symlinks included) before touching the disk.
 */
export const relPathSchema = z.string().min(1).max(4096);

/**
 * Renderer -> main requests, written once: the argument tuple (validated at runtime in main,
 * because the renderer is untrusted) and, in `InvokeResults`, what each call resolves to.
 * Main's handler table, the preload bridge, the web bridge and the renderer client all derive
 * their types from these two maps.
 */
export const invokeArgs = {
  'app:info': z.tuple([]),
  'workspace:current': z.tuple([]),
  'workspace:open': z.tuple([z.object({ path: z.string().min(1).max(4096).optional() }).strict()]),
  'workspace:recent': z.tuple([]),
  'workspace:list': z.tuple([]),
  'document:read': z.tuple([relPathSchema]),
  'shell:openExternal': z.tuple([z.string().min(1).max(8192)]),
} as const;

/** What each request resolves to (inside a Result). */
export interface InvokeResults {
  'app:info': AppInfo;
  'workspace:current': WorkspaceInfo | null;
  'workspace:open': WorkspaceInfo;
  'workspace:recent': readonly string[];
  'workspace:list': readonly ItemSummary[];
  'document:read': DocumentSnapshot;
  'shell:openExternal': null;
}

export type InvokeChannel = keyof typeof invokeArgs;
export type InvokeArgs<C extends InvokeChannel> = z.infer<(typeof invokeArgs)[C]>;

/** The request side of the contract as functions: this is the shape of `window.api.invoke`. */
export type InvokeChannels = {
  readonly [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<Result<InvokeResults[C]>>;
};

/** Main -> renderer broadcasts. */
export interface MainEvents {
  'workspace:opened': WorkspaceInfo;
  'workspace:changed': WorkspaceChangedEvent;
  'app:notice': Notice;
}

export type MainEventName = keyof MainEvents;

/** Every request channel, in contract order. */
export const invokeChannelNames = Object.keys(invokeArgs) as InvokeChannel[];

/** Every event name; kept as a record so adding an event without listing it is a compile error. */
const mainEventRecord: { readonly [E in MainEventName]: true } = {
  'workspace:opened': true,
  'workspace:changed': true,
  'app:notice': true,
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
