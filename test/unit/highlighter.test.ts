/**
 * How the content script draws: highlight changes go together (in the frame of the page's own
 * next change when it keeps changing), and past a hundred mentions only those near the viewport
 * are drawn. The registry, Highlight and IntersectionObserver are fakes; the real ones are
 * exercised by the browser tests (page-scanning.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A fake registry and Highlight that count their changes. */
class FakeHighlight extends Set<unknown> {
  priority = 0;
  changes = 0;
  override add(v: unknown): this {
    this.changes++;
    return super.add(v);
  }
  override delete(v: unknown): boolean {
    this.changes++;
    return super.delete(v);
  }
}
let registry: Map<string, FakeHighlight>;

beforeEach(() => {
  vi.useFakeTimers();
  vi.resetModules();
  registry = new Map();
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: registry });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const load = async () => {
  const { Highlighter, STYLE_NAMES } = await import('../../src/content/highlighter');
  const h = new Highlighter();
  const drawn = registry.get(STYLE_NAMES.underline) as FakeHighlight;
  return { h, drawn };
};
const mark = (): { range: Range; entryIds: string[] } => ({ range: {} as Range, entryIds: ['x'] });

describe('highlight changes drawn together', () => {
  it('on a quiet page, draws what was added within about a frame, all at once', async () => {
    const { h, drawn } = await load();
    const a = mark();
    const b = mark();
    h.add(a);
    vi.advanceTimersByTime(10);
    h.add(b);
    expect(drawn.size).toBe(0);
    expect(h.waiting).toBe(2);
    vi.advanceTimersByTime(7);
    expect(drawn.has(a.range) && drawn.has(b.range)).toBe(true);
    expect(drawn.changes).toBe(2);
    expect(h.waiting).toBe(0);
  });

  it('never draws a range removed before it was drawn', async () => {
    const { h, drawn } = await load();
    const a = mark();
    h.add(a);
    h.remove(a);
    vi.advanceTimersByTime(20);
    expect(drawn.has(a.range)).toBe(false);
  });

  it('on a changing page, waits for the page\'s next change and draws then', async () => {
    const { h, drawn } = await load();
    h.pageChanged();
    const a = mark();
    h.add(a);
    vi.advanceTimersByTime(50); // longer than a quiet page waits

    expect(drawn.has(a.range)).toBe(false);
    h.pageChanged();
    expect(drawn.has(a.range)).toBe(true);
  });

  it('on a changing page, draws by the time limit when the page does not change again', async () => {
    const { h, drawn } = await load();
    h.pageChanged();
    const a = mark();
    h.add(a, performance.now());
    vi.advanceTimersByTime(119);
    expect(drawn.has(a.range)).toBe(false);
    vi.advanceTimersByTime(2);
    expect(drawn.has(a.range)).toBe(true);
  });

  it('counts the wait from when the text was read, not from when its answer came', async () => {
    const { h, drawn } = await load();
    h.pageChanged();
    const a = mark();
    h.add(a, performance.now() - 200);
    vi.advanceTimersByTime(0);
    expect(drawn.has(a.range)).toBe(true);
  });

  it('flush draws at once (used when the scan stops)', async () => {
    const { h, drawn } = await load();
    const a = mark();
    h.add(a);
    h.flush();
    expect(drawn.has(a.range)).toBe(true);
    h.remove(a);
    h.flush();
    expect(drawn.has(a.range)).toBe(false);
  });

  it('registers its highlight under the chosen style\'s name only, and follows a change of style', async () => {
    const { h, drawn } = await load();
    const { FLASH_NAME } = await import('../../src/content/highlighter');
    const others = () => [...registry.keys()].filter((name) => name !== FLASH_NAME);
    expect(others()).toEqual(['listed-party-underline']);
    h.setStyle('outline');
    expect(others()).toEqual(['listed-party-outline']);
    expect(registry.get('listed-party-outline')).toBe(drawn);
    h.setStyle('outline');
    expect(others()).toEqual(['listed-party-outline']);
  });

  it('draws the rest of a quiet page\'s scan at most every 200 ms, the first highlights at once', async () => {
    const { h, drawn } = await load();
    const first = Array.from({ length: 60 }, mark);
    for (const m of first) h.add(m);
    vi.advanceTimersByTime(17); // the first highlights: not delayed
    expect(drawn.size).toBe(60);
    const late = mark();
    h.add(late);
    vi.advanceTimersByTime(150); // a few ranges would have been drawn 16 ms after they came
    expect(drawn.has(late.range)).toBe(false);
    const later = mark();
    h.add(later);
    vi.advanceTimersByTime(48); // 200 ms after the last drawing (at 16 ms)
    expect(drawn.has(late.range)).toBe(false);
    vi.advanceTimersByTime(2);
    expect(drawn.has(late.range) && drawn.has(later.range)).toBe(true);
    expect(drawn.changes).toBe(62);
  });

  it('after a drawing, a changing page is still drawn with its own next change', async () => {
    const { h, drawn } = await load();
    for (const m of Array.from({ length: 60 }, mark)) h.add(m);
    vi.advanceTimersByTime(17);
    h.pageChanged();
    const a = mark();
    h.add(a);
    h.pageChanged();
    expect(drawn.has(a.range)).toBe(true);
  });
});

describe('past a hundred mentions, only those near the viewport drawn', () => {
  /** Stands in for the browser's observer: the test says which elements are near. */
  class FakeObserver {
    static current: FakeObserver | undefined;
    readonly observed = new Set<unknown>();
    constructor(private readonly callback: (entries: unknown[]) => void) {
      FakeObserver.current = this;
    }
    observe(target: unknown): void {
      this.observed.add(target);
    }
    unobserve(target: unknown): void {
      this.observed.delete(target);
    }
    disconnect(): void {
      this.observed.clear();
    }
    tell(target: unknown, near: boolean, box = { width: 600, height: 20 }): void {
      this.callback([{ target, isIntersecting: near, boundingClientRect: box }]);
    }
  }
  interface FakeElement {
    nodeType: 1;
    isConnected: true;
    parentNode: FakeElement | null;
  }
  const element = (parentNode: FakeElement | null = null): FakeElement => ({ nodeType: 1, isConnected: true, parentNode });
  /** A mark in its own paragraph (the element the observer watches for it). */
  const markIn = (paragraph: FakeElement) => ({
    range: { startContainer: { nodeType: 3, parentElement: paragraph, parentNode: paragraph } } as unknown as Range,
    entryIds: ['x'],
  });

  beforeEach(() => {
    FakeObserver.current = undefined;
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    vi.stubGlobal('Node', { ELEMENT_NODE: 1, TEXT_NODE: 3, DOCUMENT_FRAGMENT_NODE: 11 });
  });

  it('draws every mark up to the limit, then each one only once it is near, and takes far ones away', async () => {
    const { h, drawn } = await load();
    const paragraphs = Array.from({ length: 101 }, () => element());
    const marks = paragraphs.map(markIn);
    for (const m of marks.slice(0, 100)) h.add(m);
    vi.advanceTimersByTime(20);
    expect(drawn.size).toBe(100);
    expect(FakeObserver.current).toBeUndefined();

    const last = marks[100]!;
    h.add(last);
    vi.advanceTimersByTime(300);
    expect(FakeObserver.current?.observed.size).toBe(101);
    expect(drawn.has(last.range)).toBe(false); // not known to be near yet

    FakeObserver.current?.tell(paragraphs[100], true);
    FakeObserver.current?.tell(paragraphs[0], false);
    vi.advanceTimersByTime(300);
    expect(drawn.has(last.range)).toBe(true);
    expect(drawn.has(marks[0]!.range)).toBe(false);
    expect(drawn.size).toBe(100);

    // A far mark goes without touching the highlight; its element is no longer watched.
    const changes = drawn.changes;
    h.remove(marks[0]!);
    vi.advanceTimersByTime(300);
    expect(drawn.changes).toBe(changes);
    expect(FakeObserver.current?.observed.has(paragraphs[0])).toBe(false);

    // Scrolled back: drawn again.
    FakeObserver.current?.tell(paragraphs[1], false);
    vi.advanceTimersByTime(300);
    expect(drawn.has(marks[1]!.range)).toBe(false);
    FakeObserver.current?.tell(paragraphs[1], true);
    vi.advanceTimersByTime(300);
    expect(drawn.has(marks[1]!.range)).toBe(true);
  });

  it('takes away a mark drawn before the limit was passed even when removed before the observer answered', async () => {
    const { h, drawn } = await load();
    const paragraphs = Array.from({ length: 101 }, () => element());
    const marks = paragraphs.map(markIn);
    for (const m of marks.slice(0, 100)) h.add(m);
    vi.advanceTimersByTime(20);
    h.add(marks[100]!);
    h.remove(marks[3]!);
    h.remove(marks[100]!);
    vi.advanceTimersByTime(300);
    expect(drawn.has(marks[3]!.range)).toBe(false);
    // The observer's late answers for them draw nothing.
    FakeObserver.current?.tell(paragraphs[3], true);
    FakeObserver.current?.tell(paragraphs[100], true);
    vi.advanceTimersByTime(300);
    expect(drawn.has(marks[3]!.range)).toBe(false);
    expect(drawn.has(marks[100]!.range)).toBe(false);
    expect(drawn.size).toBe(99);
  });

  it('a new mark in an element already known to be near is drawn without waiting for the observer', async () => {
    const { h, drawn } = await load();
    const paragraphs = Array.from({ length: 101 }, () => element());
    for (const p of paragraphs) h.add(markIn(p));
    FakeObserver.current?.tell(paragraphs[5], true);
    const another = markIn(paragraphs[5]!);
    h.add(another);
    vi.advanceTimersByTime(300);
    expect(drawn.has(another.range)).toBe(true);
  });

  it('asks the parent of an element that has no box of its own (display: contents)', async () => {
    const { h, drawn } = await load();
    const section = element();
    const boxless = element(section);
    const paragraphs = Array.from({ length: 100 }, () => element());
    for (const p of paragraphs) h.add(markIn(p));
    const inside = markIn(boxless);
    h.add(inside);
    const observer = FakeObserver.current!;
    observer.tell(boxless, false, { width: 0, height: 0 });
    expect(observer.observed.has(boxless)).toBe(false);
    expect(observer.observed.has(section)).toBe(true);
    observer.tell(section, true);
    vi.advanceTimersByTime(300);
    expect(drawn.has(inside.range)).toBe(true);
  });
});
