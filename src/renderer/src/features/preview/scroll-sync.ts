/** One element that knows which body line it came from, and where it sits in the scroll area. */
export interface LineAnchor {
  readonly line: number;
  /** Offset from the top of the scrolled content, in CSS pixels. */
  readonly top: number;
}

/**
 * Measures every `[data-source-line]` element in the container, sorted by position. Layout is
 * read once here and cached by the caller until the content or the size changes.
 */
export function measureLineAnchors(container: HTMLElement): LineAnchor[] {
  const base = container.getBoundingClientRect().top - container.scrollTop;
  const anchors: LineAnchor[] = [];
  for (const element of container.querySelectorAll<HTMLElement>('[data-source-line]')) {
    const line = Number(element.dataset['sourceLine']);
    if (!Number.isInteger(line) || line < 1) continue;
    anchors.push({ line, top: element.getBoundingClientRect().top - base });
  }
  // Nested blocks (a list and its first item) share a top; keep line order stable within ties.
  return anchors.sort((a, b) => a.top - b.top || a.line - b.line);
}

/** Where the preview should scroll so body `line` is at its top, interpolating between blocks. */
export function scrollTopForLine(anchors: readonly LineAnchor[], line: number): number | null {
  let before: LineAnchor | null = null;
  let after: LineAnchor | null = null;
  for (const anchor of anchors) {
    if (anchor.line <= line && (before === null || anchor.line >= before.line)) before = anchor;
  }
  if (before === null) return anchors.length > 0 ? 0 : null;
  for (const anchor of anchors) {
    if (anchor.line > before.line && anchor.top >= before.top && (after === null || anchor.line < after.line)) after = anchor;
  }
  if (after === null || after.line === before.line) return before.top;
  return before.top + ((line - before.line) / (after.line - before.line)) * (after.top - before.top);
}

/** The body line shown at scroll offset `scrollTop`, interpolating between blocks. */
export function lineForScrollTop(anchors: readonly LineAnchor[], scrollTop: number): number | null {
  if (anchors.length === 0) return null;
  // Binary search: the last anchor at or above the top edge.
  let low = 0;
  let high = anchors.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((anchors[mid] as LineAnchor).top <= scrollTop) low = mid;
    else high = mid - 1;
  }
  const before = anchors[low] as LineAnchor;
  if (before.top > scrollTop) return before.line;
  const after = anchors.slice(low + 1).find((anchor) => anchor.top > before.top && anchor.line > before.line);
  if (!after) return before.line;
  const fraction = (scrollTop - before.top) / (after.top - before.top);
  return Math.floor(before.line + fraction * (after.line - before.line));
}
