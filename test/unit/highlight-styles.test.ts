/** The highlight styles of the document (content.css, per browser) and of shadow roots. */
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_CSS, contentCss } from '../../src/content/highlight-css';

const highlightLines = (css: string): string[] => css.split('\n').filter((line) => line.includes('::highlight('));

describe('highlight styles', () => {
  // Chromium's rules sit on :root only: a rule for every element costs style work on every page.
  it('give each style the same declarations in both browsers and in shadow roots, on :root in Chromium', () => {
    const shadow = highlightLines(HIGHLIGHT_CSS);
    expect(shadow.length).toBe(4);
    for (const line of shadow) expect(line).toMatch(/^::highlight\(/);
    expect(highlightLines(contentCss('firefox'))).toEqual(shadow);
    expect(highlightLines(contentCss('chrome'))).toEqual(shadow.map((line) => `:root${line}`));
  });

  it('keep the fallback <mark> styles in both browsers', () => {
    for (const browser of ['chrome', 'firefox'] as const) expect(contentCss(browser)).toMatch(/^mark\.listed-party-mark \{/m);
  });
});
