/** The highlight styles of the document (content.css, per browser) and of shadow roots. */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CSS, contentCss } from '../../src/content/highlight-css';

const highlightLines = (css: string): string[] => css.split('\n').filter((line) => line.includes('::highlight('));

describe('highlight styles', () => {
  it('give each style the same declarations in both browsers and in shadow roots', () => {
    const shadow = highlightLines(HIGHLIGHT_CSS);
    expect(shadow.length).toBe(4);
    expect(highlightLines(contentCss('firefox'))).toEqual(shadow);
    expect(highlightLines(contentCss('chrome'))).toEqual(shadow.map((line) => `:root${line}`));
  });

  it('scope no Chromium rule to every element, which would cost style work on every page', () => {
    for (const line of highlightLines(contentCss('chrome'))) expect(line).toMatch(/^:root::highlight\(/);
  });

  it('keep the fallback <mark> styles in both browsers', () => {
    for (const browser of ['chrome', 'firefox'] as const) expect(contentCss(browser)).toMatch(/^mark\.listed-party-mark \{/m);
  });
});
