import { useCallback, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent, ReactNode } from 'react';

/** Props of a two-pane resizable split. */
export interface SplitViewProps {
  /** localStorage key the size is remembered under. */
  readonly storageKey: string;
  readonly orientation: 'horizontal' | 'vertical';
  /** The first pane's share of the space, 0..1, until the user resizes. */
  readonly defaultFraction: number;
  readonly separatorLabel: string;
  readonly className?: string;
  readonly first: ReactNode;
  readonly second: ReactNode;
}

const MIN = 0.15;
const MAX = 0.85;

function clamp(fraction: number): number {
  return Math.min(MAX, Math.max(MIN, fraction));
}

function readStored(key: string, fallback: number): number {
  try {
    const stored = Number(window.localStorage.getItem(key));
    return Number.isFinite(stored) && stored > 0 ? clamp(stored) : fallback;
  } catch {
    // Storage can be unavailable (private mode, quota): the default size still works.
    return fallback;
  }
}

function store(key: string, fraction: number): void {
  try {
    window.localStorage.setItem(key, fraction.toFixed(4));
  } catch {
    // Not remembering a pane size is harmless.
  }
}

/**
 * Two panes with a draggable, keyboard-operable separator (arrows move it by 2%); the size is
 * remembered per `storageKey`. `horizontal` puts the panes side by side.
 */
export function SplitView({ storageKey, orientation, defaultFraction, separatorLabel, className, first, second }: SplitViewProps) {
  const [fraction, setFraction] = useState(() => readStored(storageKey, defaultFraction));
  const root = useRef<HTMLDivElement>(null);
  const horizontal = orientation === 'horizontal';

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLDivElement>) => {
      const element = root.current;
      if (!element || event.button !== 0) return;
      event.preventDefault();
      const handle = event.currentTarget;
      handle.setPointerCapture(event.pointerId);
      const rect = element.getBoundingClientRect();
      let latest = fraction;
      const onMove = (move: globalThis.PointerEvent): void => {
        latest = clamp(horizontal ? (move.clientX - rect.left) / rect.width : (move.clientY - rect.top) / rect.height);
        setFraction(latest);
      };
      const onUp = (): void => {
        handle.removeEventListener('pointermove', onMove);
        handle.removeEventListener('pointerup', onUp);
        handle.removeEventListener('pointercancel', onUp);
        store(storageKey, latest);
      };
      handle.addEventListener('pointermove', onMove);
      handle.addEventListener('pointerup', onUp);
      handle.addEventListener('pointercancel', onUp);
    },
    [fraction, horizontal, storageKey],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const step = { ArrowLeft: -0.02, ArrowUp: -0.02, ArrowRight: 0.02, ArrowDown: 0.02 }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      const next = clamp(fraction + step);
      setFraction(next);
      store(storageKey, next);
    },
    [fraction, storageKey],
  );

  const percent = `${(fraction * 100).toFixed(2)}%`;
  return (
    <div ref={root} className={`split-view split-${orientation}${className ? ` ${className}` : ''}`}>
      <div className="split-pane" style={horizontal ? { width: percent } : { height: percent }}>
        {first}
      </div>
      <div
        className="split-separator"
        role="separator"
        aria-label={separatorLabel}
        aria-orientation={horizontal ? 'vertical' : 'horizontal'}
        aria-valuemin={MIN * 100}
        aria-valuemax={MAX * 100}
        aria-valuenow={Math.round(fraction * 100)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane split-pane-rest">{second}</div>
    </div>
  );
}
