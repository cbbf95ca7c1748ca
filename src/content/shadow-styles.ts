/**
 * `::highlight()` rules apply per tree: the manifest's content.css reaches the document only,
 * so each open shadow root gets the same rules as a constructed stylesheet.
 */
import { HIGHLIGHT_CSS } from './highlight-css';

let sheet: CSSStyleSheet | null | undefined;

export function adoptHighlightStyles(root: ShadowRoot): void {
  try {
    if (sheet === undefined) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(HIGHLIGHT_CSS);
    }
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    sheet = null; // constructed sheets unavailable here: shadow-root mentions stay registered but unstyled
  }
}
