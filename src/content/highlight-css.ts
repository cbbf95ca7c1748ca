/**
 * The highlight styles, one per setting, and the <mark> styles of the fallback. The build writes
 * them into each browser's content.css (scripts/build.ts); shadow roots adopt HIGHLIGHT_CSS.
 *
 * ::highlight() accepts only colours and text decorations, so "outline" is a double underline.
 * Each style pairs a colour with an underline so that a highlight never depends on colour alone,
 * and stays visible on light and dark pages.
 */
const HIGHLIGHT_RULES: readonly [name: string, declarations: string][] = [
  ['listed-party-underline', 'background-color: rgba(245, 166, 35, 0.28); text-decoration: underline wavy #d46a00 2px; text-underline-offset: 3px;'],
  ['listed-party-background', 'background-color: rgba(247, 178, 60, 0.92); color: #1d1d1f; text-decoration: underline solid #8a4b00 2px;'],
  ['listed-party-outline', 'text-decoration: underline double #d46a00 3px; text-underline-offset: 2px;'],
  ['listed-party-flash', 'background-color: #ffd400; color: #000;'],
];

const MARK_CSS = `mark.listed-party-mark { background-color: rgba(245, 166, 35, 0.28); color: inherit; text-decoration: underline wavy #d46a00 2px; }
mark.listed-party-mark.listed-party-mark-flash { background-color: #ffd400; color: #000; }
`;

/** The ::highlight() rules, each on its own line, for elements matching `scope` (every element when empty). */
function highlightRules(scope: string): string {
  return HIGHLIGHT_RULES.map(([name, declarations]) => `${scope}::highlight(${name}) { ${declarations} }\n`).join('');
}

/** Rules for every element of a shadow tree (its text does not inherit the document's in Firefox). */
export const HIGHLIGHT_CSS = highlightRules('');

/**
 * The document's style sheet (the manifest's content.css) for each browser. Chromium lets custom
 * highlights inherit their styles down the tree, so rules on the root element reach every text:
 * a rule for every element instead made Chromium compute highlight styles for each element in
 * every style update, whether or not anything was highlighted (about 35 ms more style work while
 * a 5 MB page loaded). Firefox has no such inheritance, so there the rules match every element.
 */
export function contentCss(browser: 'chrome' | 'firefox'): string {
  const head = '/* Written by scripts/build.ts from src/content/highlight-css.ts. */\n';
  return `${head}${highlightRules(browser === 'chrome' ? ':root' : '')}${MARK_CSS}`;
}
