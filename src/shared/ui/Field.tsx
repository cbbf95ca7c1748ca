/** Small pieces shared by the popup and the options page. Data is always rendered as text. */
import type { ComponentChildren } from 'preact';
import { safeHttpUrl } from '../list-info';

/** Said wherever the list data lacks a field: the extension never fills the gap itself. */
export const MISSING_TEXT = 'Not in the list data';

export function Missing() {
  return <span class="missing">{MISSING_TEXT}</span>;
}

/** One labelled row of a definition list; shows "Not in the list data" when empty. */
export function Field({ label, children, empty }: { label: string; children?: ComponentChildren; empty?: boolean }) {
  return (
    <div class="field">
      <dt>{label}</dt>
      <dd>{empty ? <Missing /> : children}</dd>
    </div>
  );
}

/** A link that opens outside the extension; list data that is not http(s) stays plain text. */
export function ExternalLink({ href, children }: { href: string | undefined; children: ComponentChildren }) {
  const safe = safeHttpUrl(href);
  if (!safe) return <span>{children}</span>;
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** Text lists (aliases, addresses …) as a compact bulleted list; missing when empty. */
export function TextList({ items }: { items: readonly string[] | undefined }) {
  if (!items || items.length === 0) return <Missing />;
  if (items.length === 1) return <span>{items[0]}</span>;
  return (
    <ul class="text-list">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
