/**
 * Working the popup page as a user does: finding things by role and accessible name, clicking
 * them with the mouse and typing with the keyboard. The DOM is read from inside the page, so
 * the same code drives Chromium and Firefox.
 */
import { waitFor, type TestPage } from './session';
import type { Box } from './highlights';

export interface PopupItem {
  /** data-entry-id */
  id: string;
  /** The item's rendered text (innerText), lines kept. */
  text: string;
}

interface Pattern {
  source: string;
  flags: string;
}
const pattern = (re: RegExp): Pattern => ({ source: re.source, flags: re.flags });

/** The items of the list whose accessible name matches `listName`, in order. */
export function listItems(popup: TestPage, listName: RegExp): Promise<PopupItem[]> {
  // No named inner functions here: tsx (the demo script) would wrap them in a helper that does
  // not exist in the page.
  return popup.evaluate((name) => {
    const re = new RegExp(name.source, name.flags);
    const list = [...document.querySelectorAll('ul, ol, [role="list"]')].find((el) => {
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      return re.test(el.getAttribute('aria-label') ?? labelledBy);
    });
    if (!list) return [];
    return [...list.querySelectorAll('[data-entry-id]')]
      .filter((item) => item.parentElement === list)
      .map((item) => ({ id: item.getAttribute('data-entry-id') ?? '', text: (item as HTMLElement).innerText }));
  }, pattern(listName));
}

/** Scrolls an element into view and returns the centre of its box; null if none matches. */
function centreOf(popup: TestPage, selector: string, containing?: { itemId: string }): Promise<Box | null> {
  return popup.evaluate(
    ({ css, itemId }) => {
      const scope = itemId === undefined ? document : document.querySelector(`[data-entry-id="${CSS.escape(itemId)}"]`);
      const el = scope?.querySelector(css);
      if (!el) return null;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height };
    },
    { css: selector, itemId: containing?.itemId },
  );
}

async function clickCentre(popup: TestPage, box: Box | null, what: string): Promise<void> {
  if (!box || box.width === 0) throw new Error(`the popup shows no ${what}`);
  await popup.click(box.x, box.y);
}

/**
 * Opens an item's explanation with its disclosure button (the button that says whether it is
 * expanded), and returns the item's text once the explanation is shown.
 */
export async function openExplanation(popup: TestPage, item: PopupItem): Promise<string> {
  const button = await centreOf(popup, 'button[aria-expanded="false"]', { itemId: item.id });
  await clickCentre(popup, button, `closed explanation for ${item.id}`);
  const readItem = () =>
    popup.evaluate((id) => {
      const el = document.querySelector(`[data-entry-id="${CSS.escape(id)}"]`) as HTMLElement | null;
      const expanded = el?.querySelector('button[aria-expanded="true"]');
      return expanded ? (el?.innerText ?? '') : '';
    }, item.id);
  // Opened, and its details rendered (not a loading line).
  return waitFor(readItem, (text) => text.length > 0 && !/loading/i.test(text), 10_000);
}

/** The links inside an item, as [text, href]. */
export function linksIn(popup: TestPage, item: PopupItem): Promise<[string, string][]> {
  return popup.evaluate(
    (id) =>
      [...(document.querySelector(`[data-entry-id="${CSS.escape(id)}"]`)?.querySelectorAll('a[href]') ?? [])].map(
        (a): [string, string] => [(a as HTMLAnchorElement).innerText.trim(), (a as HTMLAnchorElement).href],
      ),
    item.id,
  );
}

/** Clears the search box and types `query` into it; again if the popup re-rendered meanwhile. */
export async function typeInSearch(popup: TestPage, query: string): Promise<void> {
  const selector = 'input[type="search"]:not([disabled]), [role="searchbox"]:not([aria-disabled="true"])';
  const value = () =>
    popup.evaluate((css) => (document.querySelector(css) as HTMLInputElement | null)?.value ?? null, selector);
  for (let attempt = 0; attempt < 3; attempt++) {
    const box = await waitFor(() => centreOf(popup, selector), (b) => b !== null, 10_000);
    await clickCentre(popup, box, 'search box');
    await popup.evaluate(() => {
      if (document.activeElement instanceof HTMLInputElement) document.activeElement.select();
    }, undefined);
    await popup.press('Backspace');
    await popup.type(query);
    if ((await waitFor(value, (v) => v === query, 1000)) === query) return;
  }
  throw new Error(`the search box did not keep "${query}"`);
}

/** Clicks the (enabled) switch whose label matches `label`; returns whether it is now on. */
export async function toggleSwitch(popup: TestPage, label: RegExp): Promise<boolean> {
  const read = (wantEnabled: boolean) =>
    popup.evaluate(
      ({ name, enabledOnly }) => {
        const re = new RegExp(name.source, name.flags);
        const control = [...document.querySelectorAll('[role="switch"], input[type="checkbox"]')].find((el) => {
          const labels = [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? '').join(' ');
          return re.test(`${el.getAttribute('aria-label') ?? ''} ${labels}`);
        });
        if (!control || (enabledOnly && (control as HTMLInputElement).disabled)) return null;
        control.scrollIntoView({ block: 'center' });
        const r = control.getBoundingClientRect();
        const on = control instanceof HTMLInputElement ? control.checked : control.getAttribute('aria-checked') === 'true';
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height, on };
      },
      { name: pattern(label), enabledOnly: wantEnabled },
    );
  const before = await waitFor(() => read(true), (c) => c !== null, 10_000);
  await clickCentre(popup, before, `enabled switch labelled ${label}`);
  const after = await waitFor(() => read(false), (c) => c !== null && c.on !== before?.on, 5000);
  return after?.on ?? false;
}

/** Clicks the first button inside an item whose text matches `name`. */
export async function clickButtonInItem(popup: TestPage, item: PopupItem, name: RegExp): Promise<void> {
  const box = await popup.evaluate(
    ({ id, re }) => {
      const matcher = new RegExp(re.source, re.flags);
      const el = document.querySelector(`[data-entry-id="${CSS.escape(id)}"]`);
      const button = [...(el?.querySelectorAll('button') ?? [])].find((b) => matcher.test(b.innerText));
      if (!button) return null;
      button.scrollIntoView({ block: 'center' });
      const r = button.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height };
    },
    { id: item.id, re: pattern(name) },
  );
  await clickCentre(popup, box, `button ${name} in ${item.id}`);
}

/**
 * Clicks a party's name in the popup's list of the parties on the page ("show on page"). Fails,
 * naming what is listed, when no item's text holds `name`.
 */
export async function showOnPage(popup: TestPage, name: string): Promise<void> {
  const items = await waitFor(() => listItems(popup, /on this page/i), (i) => i.length > 0, 10_000);
  const item = items.find((i) => i.text.includes(name));
  if (!item) throw new Error(`"${name}" is not listed in the popup: ${items.map((i) => i.text).join(' | ')}`);
  await clickButtonInItem(popup, item, new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}
