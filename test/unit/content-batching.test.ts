/**
 * The content script's work per page change stays small: changed roots are taken together,
 * marks inside them are found through a set of roots instead of a pass per root, and highlight
 * changes are drawn together (in the frame of the page's own next change when it keeps changing).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RootQueue } from '../../src/content/scheduler';
import { anyTextWithin, insideAny } from '../../src/content/subtree';

/** A minimal node: a parent link, and a name to read failures by. */
interface FakeNode {
  name: string;
  parentNode: FakeNode | null;
}
const node = (name: string, parent: FakeNode | null = null): FakeNode => ({ name, parentNode: parent });

describe('marks inside any of several roots', () => {
  const body = node('body');
  const feed = node('feed', body);
  const p1 = node('p1', feed);
  const p2 = node('p2', feed);
  const text1 = node('#text1', p1);
  const text2 = node('#text2', p2);
  const aside = node('aside', body);
  const text3 = node('#text3', aside);
  const asNode = (n: FakeNode): Node => n as unknown as Node;

  it('finds a node inside one of the roots, or equal to one, and not a node outside them', () => {
    const roots = new Set([asNode(p1), asNode(aside)]);
    const known = new Map<Node, boolean>();
    expect(insideAny(asNode(text1), roots, known)).toBe(true);
    expect(insideAny(asNode(text3), roots, known)).toBe(true);
    expect(insideAny(asNode(text2), roots, known)).toBe(false);
    expect(insideAny(asNode(aside), roots, known)).toBe(true);
    expect(insideAny(asNode(body), roots, known)).toBe(false);
  });

  it('remembers the answer for ancestors, so marks sharing them do not climb again', () => {
    const roots = new Set([asNode(feed)]);
    const known = new Map<Node, boolean>();
    insideAny(asNode(text1), roots, known);
    expect(known.get(asNode(p1))).toBe(true);
    expect(known.has(asNode(body))).toBe(false); // the climb stopped at the root
    // A later answer reuses the cache: a node whose parent is known is answered from it.
    const orphan = node('#late', p1);
    expect(insideAny(asNode(orphan), new Set(), known)).toBe(true);
  });

  it('answers false for a detached node with no roots', () => {
    expect(insideAny(asNode(node('#alone')), new Set(), new Map())).toBe(false);
  });
});

describe('text nodes of an inserted root', () => {
  beforeEach(() => {
    vi.stubGlobal('NodeFilter', { SHOW_TEXT: 4 });
    vi.stubGlobal('Node', { TEXT_NODE: 3 });
  });
  afterEach(() => vi.unstubAllGlobals());

  // A stand-in for a document: createTreeWalker walks a list of text nodes.
  const rootWith = (texts: string[]): Node => {
    const doc = {
      createTreeWalker: () => {
        let i = 0;
        return { nextNode: () => (i < texts.length ? ({ data: texts[i++] } as unknown as Node) : null) };
      },
    };
    return { nodeType: 1, ownerDocument: doc } as unknown as Node;
  };

  it('finds a text node that passes the test', () => {
    expect(anyTextWithin(rootWith(['a', 'marked', 'b']), 10, (t) => t.data === 'marked')).toBe(true);
    expect(anyTextWithin(rootWith(['a', 'b']), 10, (t) => t.data === 'marked')).toBe(false);
  });

  it('takes a root with more text nodes than the limit to hold one', () => {
    expect(anyTextWithin(rootWith(['a', 'b', 'c']), 2, () => false)).toBe(true);
    expect(anyTextWithin(rootWith(['a', 'b']), 2, () => false)).toBe(false);
  });
});

describe('taking every queued root at once', () => {
  const inside = (outer: string, inner: string): boolean => inner.startsWith(`${outer}/`);

  it('returns the roots in order and leaves the queue empty', () => {
    const q = new RootQueue<string>(inside, () => '/body');
    q.add('/body/a');
    q.add('/body/b');
    q.add('/body/a/x');
    expect(q.takeAll()).toEqual(['/body/a', '/body/b']);
    expect(q.size).toBe(0);
    expect(q.takeAll()).toEqual([]);
  });
});

describe('highlight changes drawn together', () => {
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
    const first = Array.from({ length: 300 }, mark);
    for (const m of first) h.add(m);
    vi.advanceTimersByTime(17); // the first highlights: not delayed
    expect(drawn.size).toBe(300);
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
    expect(drawn.changes).toBe(302);
  });

  it('after a drawing, a changing page is still drawn with its own next change', async () => {
    const { h, drawn } = await load();
    for (const m of Array.from({ length: 300 }, mark)) h.add(m);
    vi.advanceTimersByTime(17);
    h.pageChanged();
    const a = mark();
    h.add(a);
    h.pageChanged();
    expect(drawn.has(a.range)).toBe(true);
  });
});
