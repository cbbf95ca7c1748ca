import { describe, expect, it } from 'vitest';
import { normaliseSitePattern } from '../../src/options/site-pattern';
import { pageKind, readParams } from '../../src/popup/page-kind';

describe('readParams (popup address)', () => {
  it('reads the tab and the entry to open', () => {
    expect(readParams('?tab=42&entry=EL-nso-group')).toEqual({ tabId: 42, entryId: 'EL-nso-group' });
  });

  it('ignores a tab that is not a number', () => {
    expect(readParams('?tab=abc')).toEqual({ tabId: undefined, entryId: undefined });
    expect(readParams('')).toEqual({ tabId: undefined, entryId: undefined });
  });
});

describe('pageKind', () => {
  it('treats web pages and local files as scannable', () => {
    expect(pageKind('https://example.com/news')).toBe('web');
    expect(pageKind('file:///tmp/a.html')).toBe('web');
  });

  it('recognises pages no extension may read', () => {
    expect(pageKind('chrome://extensions/')).toBe('closed');
    expect(pageKind('about:addons')).toBe('closed');
    expect(pageKind('https://chromewebstore.google.com/detail/x')).toBe('closed');
    expect(pageKind('https://chrome.google.com/webstore/detail/x')).toBe('closed');
    expect(pageKind('https://addons.mozilla.org/en-US/firefox/')).toBe('closed');
  });

  it('does not close other pages on the same hosts, and says when it cannot tell', () => {
    expect(pageKind('https://chrome.google.com/intl/en/chrome/')).toBe('web');
    expect(pageKind(undefined)).toBe('unknown');
    expect(pageKind('not a url')).toBe('unknown');
  });
});

describe('normaliseSitePattern', () => {
  it('accepts host names and wildcard subdomains', () => {
    expect(normaliseSitePattern('Example.com')).toBe('example.com');
    expect(normaliseSitePattern(' *.example.co.uk ')).toBe('*.example.co.uk');
    expect(normaliseSitePattern('localhost')).toBe('localhost');
  });

  it('reduces a pasted address to its host', () => {
    expect(normaliseSitePattern('https://news.example.com/a/b?c=1')).toBe('news.example.com');
    expect(normaliseSitePattern('example.com/path')).toBe('example.com');
    expect(normaliseSitePattern('example.com:8080')).toBe('example.com');
  });

  it('refuses what is not a host', () => {
    expect(normaliseSitePattern('')).toBeUndefined();
    expect(normaliseSitePattern('exa mple.com')).toBeUndefined();
    expect(normaliseSitePattern('*.')).toBeUndefined();
    expect(normaliseSitePattern('example..com')).toBeUndefined();
    expect(normaliseSitePattern('-bad-.com')).toBeUndefined();
  });
});
