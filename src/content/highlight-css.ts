/**
 * The highlight styles, one per setting. ::highlight() accepts only colours and text
 * decorations, so "outline" is a double underline. Each style pairs a colour with an underline
 * so that a highlight never depends on colour alone, and stays visible on light and dark pages.
 * Keep in step with extension/content.css (a test compares them).
 */
export const HIGHLIGHT_CSS = `
::highlight(listed-party-underline) { background-color: rgba(245, 166, 35, 0.28); text-decoration: underline wavy #d46a00 2px; text-underline-offset: 3px; }
::highlight(listed-party-background) { background-color: rgba(247, 178, 60, 0.92); color: #1d1d1f; text-decoration: underline solid #8a4b00 2px; }
::highlight(listed-party-outline) { text-decoration: underline double #d46a00 3px; text-underline-offset: 2px; }
::highlight(listed-party-flash) { background-color: #ffd400; color: #000; }
`;
