/**
 * The card shown when the pointer rests on a highlighted name. It lives in the extension's own
 * closed shadow root, so page CSS cannot restyle it and page scripts cannot read it. All text
 * is set with textContent.
 */
import type { EntrySummary } from '../shared/messages';
import { CARD_TAG } from './text-blocks';

const CSS_TEXT = `
:host { all: initial; }
.card { position: fixed; z-index: 2147483647; max-width: 320px; box-sizing: border-box;
  font: 13px/1.4 system-ui, sans-serif; color: #1d1d1f; background: #fffdf7;
  border: 2px solid #8a4b00; border-radius: 8px; padding: 10px 12px; box-shadow: 0 4px 16px rgba(0,0,0,.25); }
.name { font-weight: 700; margin: 0 0 4px; }
.line { margin: 0; }
.card { cursor: pointer; }
.more { margin-top: 8px; font: inherit; color: #fff; background: #8a4b00; border: 0; border-radius: 4px;
  padding: 4px 10px; cursor: pointer; }
.more:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.others { margin: 4px 0 0; color: #555; }
@media (prefers-color-scheme: dark) {
  .card { color: #f2f2f2; background: #2b2620; border-color: #f5a623; }
  .more { background: #f5a623; color: #1d1d1f; }
  .others { color: #c8c8c8; }
}`;

function countryNames(codes: readonly string[] | undefined): string {
  if (!codes?.length) return 'Country not in the list data';
  try {
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    return codes.map((c) => names.of(c) ?? c).join(', ');
  } catch {
    return codes.join(', ');
  }
}

export class HoverCard {
  private host: HTMLElement | null = null;
  private card: HTMLElement | null = null;
  private shownFor: Range | null = null;

  constructor(private readonly onDetails: (entryId: string) => void) {}

  get visibleFor(): Range | null {
    return this.shownFor;
  }

  private build(doc: Document): { host: HTMLElement; card: HTMLElement } {
    if (this.host && this.card && this.host.isConnected) return { host: this.host, card: this.card };
    const host = doc.createElement(CARD_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CSS_TEXT;
    const card = doc.createElement('div');
    card.className = 'card';
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', 'Listed party');
    root.append(style, card);
    (doc.documentElement ?? doc).append(host);
    this.host = host;
    this.card = card;
    return { host, card };
  }

  show(range: Range, entries: EntrySummary[]): void {
    const doc = range.startContainer.ownerDocument;
    const first = entries[0];
    if (!doc || !first) return;
    const { card } = this.build(doc);
    const line = (cls: string, text: string): HTMLElement => {
      const p = doc.createElement('p');
      p.className = cls;
      p.textContent = text;
      return p;
    };
    const button = doc.createElement('button');
    button.className = 'more';
    button.type = 'button';
    button.textContent = 'Why listed';
    // The whole card leads to the explanation; the button is its keyboard-reachable label.
    card.onclick = () => this.onDetails(first.id);
    card.replaceChildren(
      line('name', first.name),
      line('line', first.list === 'CUSTOM' ? "Your organisation's list" : first.listName),
      line('line', countryNames(first.countries)),
      line('line', first.startDate ? `Listed ${first.startDate}` : 'Date listed: not in the list data'),
      ...(entries.length > 1 ? [line('others', `Also on ${entries.length - 1} more list entr${entries.length === 2 ? 'y' : 'ies'}`)] : []),
      button,
    );
    this.shownFor = range;
    this.place(card, range, doc);
  }

  /** Below the name, or above it when that would cover the field the user is typing in. */
  private place(card: HTMLElement, range: Range, doc: Document): void {
    const rect = range.getBoundingClientRect();
    const view = doc.defaultView;
    const width = view?.innerWidth ?? 1024;
    const height = view?.innerHeight ?? 768;
    card.style.left = `${Math.max(4, Math.min(rect.left, width - 330))}px`;
    card.style.top = `${rect.bottom + 6}px`;
    const cardBox = card.getBoundingClientRect();
    const active = doc.activeElement as HTMLElement | null;
    const editing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
    const covers = (box: DOMRect): boolean => {
      if (!editing || !active) return false;
      const a = active.getBoundingClientRect();
      return !(box.right < a.left || box.left > a.right || box.bottom < a.top || box.top > a.bottom);
    };
    if (covers(cardBox) || rect.bottom + 6 + cardBox.height > height) {
      card.style.top = `${Math.max(4, rect.top - 6 - cardBox.height)}px`;
    }
  }

  hide(): void {
    this.host?.remove();
    this.host = null;
    this.card = null;
    this.shownFor = null;
  }

  /** True when the event's target is the card (the pointer moved onto it). */
  contains(target: EventTarget | null): boolean {
    return !!this.host && target === this.host;
  }
}
