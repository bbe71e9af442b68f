import type { Result } from '../lib/result';
import type { InvokeArgTypes } from './invoke-args';
import type {
  AppInfo,
  BulkApplySummaryDto,
  BulkPreviewFileDto,
  ItemPathDto,
  ItemTemplateDto,
  TrashedItemDto,
  DraftDto,
  AssetDto,
  InferredSchemaDto,
  ItemSchemaDto,
  ListValueDto,
  DocumentSnapshot,
  IndexProgressDto,
  ListQueryResult,
  ListSliceResult,
  FacetDto,
  ListRow,
  QuickOpenItem,
  SaveResult,
  Notice,
  WorkspaceChangedEvent,
  WorkspaceInfo,
  ProblemsResultDto,
  ValidationChangedEvent,
} from './dto';
import type { GitCommitDto, GitConflictDto, GitDiffDto, GitFileAtDto, GitFileDto, GitHistoryEntryDto, GitIdentityDto, GitProgressDto, GitStatusDto, GitSyncDto } from './dto';

/** What each request resolves to (inside a Result). */
export interface InvokeResults {
  'app:info': AppInfo;
  'workspace:current': WorkspaceInfo | null;
  'workspace:open': WorkspaceInfo;
  'workspace:recent': readonly string[];
  'list:query': ListQueryResult;
  'list:slice': ListSliceResult;
  'list:facets': readonly FacetDto[];
  'list:folders': readonly string[];
  'list:rows': readonly ListRow[];
  'list:quickOpen': readonly QuickOpenItem[];
  'document:read': DocumentSnapshot;
  'document:save': SaveResult;
  'shell:openExternal': null;
  'drafts:put': null;
  'drafts:list': readonly DraftDto[];
  'drafts:discard': null;
  'schema:forItem': ItemSchemaDto;
  'list:values': readonly ListValueDto[];
  'document:asset': AssetDto;
  'items:templates': readonly ItemTemplateDto[];
  'items:create': ItemPathDto;
  'items:rename': ItemPathDto;
  'items:delete': TrashedItemDto;
  'items:restore': ItemPathDto;
  'bulk:preview': readonly BulkPreviewFileDto[];
  'bulk:apply': BulkApplySummaryDto;
  'git:status': GitStatusDto;
  'git:refresh': GitStatusDto;
  'git:changes': readonly GitFileDto[];
  'git:diff': GitDiffDto;
  'git:stage': GitStatusDto;
  'git:unstage': GitStatusDto;
  'git:discard': GitStatusDto;
  'git:identity': GitIdentityDto;
  'git:setIdentity': GitIdentityDto;
  'git:commit': GitCommitDto;
  'git:history': readonly GitHistoryEntryDto[];
  'git:showAt': GitFileAtDto;
  'git:pull': GitSyncDto;
  'git:push': GitSyncDto;
  'git:abortPull': GitStatusDto;
  'git:init': GitCommitDto;
  'git:conflict': GitConflictDto;
  'git:resolve': GitStatusDto;
  'git:setTrusted': GitStatusDto;
  'validation:problems': ProblemsResultDto;
  /** The new content hash of the fixed file. */
  'validation:applyFix': string;
  /** The inferred schema as pretty JSON, for review before saving. */
  'schema:infer': InferredSchemaDto;
  'schema:save': null;
}

/**
 * Every request channel, in contract order. A plain list (no schema library) so the sandboxed
 * preload and the browser bundle can build `window.api` from it; invoke-args.ts is checked
 * against it at compile time.
 */
export const invokeChannelNames = ['app:info', 'workspace:current', 'workspace:open', 'workspace:recent', 'list:query', 'list:slice', 'list:facets', 'list:folders', 'list:rows', 'list:quickOpen', 'document:read', 'document:save', 'shell:openExternal', 'drafts:put', 'drafts:list', 'drafts:discard', 'schema:forItem', 'list:values', 'document:asset', 'items:templates', 'items:create', 'items:rename', 'items:delete', 'items:restore', 'bulk:preview', 'bulk:apply', 'git:status', 'git:refresh', 'git:changes', 'git:diff', 'git:stage', 'git:unstage', 'git:discard', 'git:identity', 'git:setIdentity', 'git:commit', 'git:history', 'git:showAt', 'git:pull', 'git:push', 'git:abortPull', 'git:init', 'git:conflict', 'git:resolve', 'git:setTrusted', 'validation:problems', 'validation:applyFix', 'schema:infer', 'schema:save'] as const;

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
  'git:status': GitStatusDto;
  'git:progress': GitProgressDto;
  'validation:changed': ValidationChangedEvent;
}

export type MainEventName = keyof MainEvents;


/** Every event name; kept as a record so adding an event without listing it is a compile error. */
const mainEventRecord: { readonly [E in MainEventName]: true } = {
  'workspace:opened': true,
  'workspace:changed': true,
  'app:notice': true,
  'index:progress': true,
  'git:status': true,
  'git:progress': true,
  'validation:changed': true,
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
