import { describe, expect, it } from 'vitest';
import { checkExternalUrl } from './check-external-url';

describe('checkExternalUrl', () => {
  it.each(['https://news.example.com/a?b=c', 'mailto:editor@example.com'])('lets %s through', (url) => {
    expect(checkExternalUrl(url)).toBe(new URL(url).href);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'http://news.example.com/',
    'folio-custom://x',
    'ms-settings:',
    'https://user:pass@example.com/',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(checkExternalUrl(url)).toBeNull();
  });
});
