import type { FocusEvent } from 'react';

/** Frames after a focus change during which a focused field is kept in view (about 0.3 s). */
const SETTLE_FRAMES = 20;

/**
 * Off-screen rows are laid out at an estimated height until they come near the viewport
 * (`content-visibility` in front-matter-form.css), the height they had when last shown: focusing
 * a far field (Tab, a Problems panel click) scrolls to where the estimates put it, then the rows
 * around it take their real heights over the next frames and can push it out of view again
 * (seen after the git panel docked and narrowed the form). While they settle, it is brought back.
 */
export function keepFocusedFieldInView(event: FocusEvent<HTMLFormElement>): void {
  const target = event.target;
  const scroller = scrollerOf(target);
  let frames = 0;
  // The curator scrolling away on purpose is left alone.
  let userScrolled = false;
  const onUserScroll = (): void => {
    userScrolled = true;
  };
  const options = { passive: true, capture: true } as const;
  for (const type of ['wheel', 'touchmove', 'pointerdown']) window.addEventListener(type, onUserScroll, options);
  const check = (): void => {
    frames += 1;
    if (userScrolled || document.activeElement !== target || frames > SETTLE_FRAMES) {
      for (const type of ['wheel', 'touchmove', 'pointerdown']) window.removeEventListener(type, onUserScroll, options);
      return;
    }
    const box = target.getBoundingClientRect();
    const view = scroller?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    if (box.top < view.top || box.bottom > view.bottom) target.scrollIntoView({ block: 'nearest' });
    // After the frame has been laid out and painted: reading the box then forces no layout.
    requestAnimationFrame(() => setTimeout(check, 0));
  };
  requestAnimationFrame(() => setTimeout(check, 0));
}

/** The nearest ancestor that scrolls vertically (the pane the form sits in), or null. */
function scrollerOf(element: Element): Element | null {
  for (let node = element.parentElement; node !== null; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if (overflow === 'auto' || overflow === 'scroll') return node;
  }
  return null;
}
