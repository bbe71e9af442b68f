// @vitest-environment jsdom
import { act, createRef } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Preview } from './preview';
import type { PreviewHandle, PreviewProps } from './preview';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.useRealTimers();
});

function mount(props: Partial<PreviewProps> & { body: string }) {
  const onOpenExternal = vi.fn();
  const onOpenItem = vi.fn();
  const ref = createRef<PreviewHandle>();
  const all: PreviewProps = { allowRemote: false, onOpenExternal, onOpenItem, ref, ...props };
  act(() => root.render(<Preview {...all} />));
  return { onOpenExternal, onOpenItem, ref, rerender: (next: Partial<PreviewProps>) => act(() => root.render(<Preview {...all} {...next} />)) };
}

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

function click(element: Element): MouseEvent {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
  act(() => {
    element.dispatchEvent(event);
  });
  return event;
}

describe('Preview', () => {
  it('renders sanitised HTML only', () => {
    mount({ body: '# Hi\n\n<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>\n\n{{< youtube abc >}}\n' });
    const content = must(host.querySelector('.preview-content'));
    expect(content.querySelector('h1')?.textContent).toBe('Hi');
    expect(content.querySelector('script')).toBeNull();
    expect(content.querySelector('img')?.hasAttribute('onerror')).toBe(false);
    expect(content.querySelector('[data-shortcode="youtube"]')?.textContent).toBe('youtube abc');
  });

  it('with deferFirstRender, paints nothing at mount and renders once the page is idle', async () => {
    mount({ body: '# Later\n', deferFirstRender: true });
    const content = must(host.querySelector('.preview-content'));
    expect(content.innerHTML).toBe('');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(content.querySelector('h1')?.textContent).toBe('Later');
  });

  it('routes link clicks and never lets one navigate', () => {
    const { onOpenExternal, onOpenItem } = mount({
      body: '[ext](https://example.com/a) [mail](mailto:a@b.c) [item](../other/item.md) [bad](javascript:alert(1)) <a href="vbscript:x">vb</a> <a href="file:///etc/passwd">f</a> [frag](#target)\n\n## Target\n',
    });
    const links = [...host.querySelectorAll('a')];
    for (const link of links) expect(click(link).defaultPrevented).toBe(true);
    expect(onOpenExternal.mock.calls).toEqual([['https://example.com/a'], ['mailto:a@b.c']]);
    expect(onOpenItem.mock.calls).toEqual([['../other/item.md']]);
  });

  it('prevents middle clicks too (no new window)', () => {
    const { onOpenExternal } = mount({ body: '[ext](https://example.com/a)' });
    const event = new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 });
    act(() => {
      must(host.querySelector('a')).dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    expect(onOpenExternal).not.toHaveBeenCalled();
  });

  it('debounces re-rendering while typing', () => {
    vi.useFakeTimers();
    const { rerender } = mount({ body: 'one' });
    expect(must(host.querySelector('.preview-content')).textContent).toContain('one');
    rerender({ body: 'two' });
    rerender({ body: 'three' });
    expect(must(host.querySelector('.preview-content')).textContent).toContain('one');
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(must(host.querySelector('.preview-content')).textContent).toContain('three');
  });

  it('blocks remote images unless allowed', () => {
    const { rerender } = mount({ body: '<img src="https://canary.test/p.png">' });
    expect(host.querySelector('.blocked-remote')).not.toBeNull();
    expect(host.innerHTML).not.toContain('canary.test');
    rerender({ allowRemote: true });
    expect(host.querySelector('img')?.getAttribute('src')).toBe('https://canary.test/p.png');
  });

  it('scrolls to a source line and reports the visible line, without echoing its own scroll', () => {
    const onVisibleLineChange = vi.fn();
    const { ref } = mount({ body: Array.from({ length: 10 }, (_, i) => `para ${i + 1}`).join('\n\n'), onVisibleLineChange });
    const preview = must(host.querySelector<HTMLElement>('.preview'));
    // jsdom has no layout: give each block a top of 100 px per body line.
    for (const element of preview.querySelectorAll<HTMLElement>('[data-source-line]')) {
      const line = Number(element.dataset['sourceLine']);
      element.getBoundingClientRect = () => ({ top: line * 100 - preview.scrollTop }) as DOMRect;
    }
    preview.getBoundingClientRect = () => ({ top: 0 }) as DOMRect;
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      callback(0);
      return 0;
    });
    act(() => {
      must(ref.current).scrollToSourceLine(7);
    });
    expect(preview.scrollTop).toBe(700);
    act(() => {
      preview.dispatchEvent(new Event('scroll'));
    });
    expect(onVisibleLineChange).not.toHaveBeenCalled();
    preview.scrollTop = 1100;
    act(() => {
      preview.dispatchEvent(new Event('scroll'));
    });
    expect(onVisibleLineChange).toHaveBeenCalledWith(11);
  });
});
