import type { FieldType, PlainValue } from '../../../../shared/domain/frontmatter';
import type { FolioJsonSchema } from '../../../../shared/domain/schema';

/** What every scalar widget gets from its field row. */
export interface WidgetProps {
  readonly id: string;
  readonly pathText: string;
  readonly path: readonly (string | number)[];
  readonly value: PlainValue | undefined;
  readonly type: FieldType;
  readonly schema: FolioJsonSchema | undefined;
  /** True for a linked mirror, which follows its source instead of being typed into. */
  readonly locked: boolean;
  readonly describedBy: string | undefined;
  /** Sets the value through the engine (mirrors included); false when refused. */
  readonly onCommit: (value: PlainValue) => boolean;
}
