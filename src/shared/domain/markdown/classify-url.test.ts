import { describe, expect, it } from 'vitest';
import { classifyUrl } from './classify-url';

describe('classifyUrl', () => {
  it.each([
    ['https://example.com', 'https'],
    ['HTTPS://example.com', 'https'],
    ['http://example.com', 'http'],
    ['mailto:a@b.c', 'mailto'],
    ['#part', 'fragment'],
    ['', 'empty'],
    ['  ', 'empty'],
    ['item.md', 'relative'],
    ['../x/item.md#part', 'relative'],
    ['/news/', 'relative'],
    ['a/b:c', 'relative'],
    ['//evil.test/x', 'protocol-relative'],
    ['/\\evil.test/x', 'protocol-relative'],
    ['\\\\evil.test/x', 'protocol-relative'],
    ['data:image/png;base64,AAAA', 'data-image'],
    ['data:image/webp,AAAA', 'data-image'],
    ['data:image/svg+xml,<svg/>', 'other'],
    ['data:text/html,<script>', 'other'],
    ['javascript:alert(1)', 'other'],
    ['  JaVaScRiPt:alert(1)', 'other'],
    ['java\tscript:alert(1)', 'other'],
    ['\u0001javascript:alert(1)', 'other'],
    ['vbscript:x', 'other'],
    ['file:///etc/passwd', 'other'],
    ['folio://x', 'other'],
  ])('%j is %s', (url, kind) => {
    expect(classifyUrl(url).kind).toBe(kind);
  });
});
