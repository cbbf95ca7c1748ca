import { describe, expect, it } from 'vitest';
import { RootQueue } from '../../src/content/scheduler';

/** Paths stand in for nodes: "/body/p" lies inside "/body", whose parent is "" (none above). */
const parentOf = (path: string): string | null => (path.lastIndexOf('/') > 0 ? path.slice(0, path.lastIndexOf('/')) : null);
const queueOf = (limit = 500): RootQueue<string> => new RootQueue<string>(parentOf, () => '/body', limit);

describe('queue of changed roots', () => {
  it('keeps roots in the order they changed, once each', () => {
    const q = queueOf();
    expect(q.add('/body/a')).toBe(true);
    expect(q.add('/body/b')).toBe(true);
    expect(q.add('/body/a')).toBe(false);
    expect(q.takeAll()).toEqual(['/body/a', '/body/b']);
  });

  it('skips a root inside a queued one, and lets an outer root replace the ones it holds', () => {
    const q = queueOf();
    q.add('/body/main/p1');
    q.add('/body/aside');
    expect(q.add('/body/main/p1/b')).toBe(false);
    q.add('/body/main');
    expect(q.takeAll()).toEqual(['/body/aside', '/body/main']);
  });

  it('does not hand out a root that a newer queued root holds, all at once either', () => {
    const q = queueOf();
    q.add('/body/main/p1');
    q.add('/body/main/p2');
    q.add('/body/aside/p');
    q.add('/body/main');
    expect(q.takeAll()).toEqual(['/body/aside/p', '/body/main']);
    expect(q.size).toBe(0);
  });

  it('collapses to one root for everything when too many parts change', () => {
    const q = queueOf(3);
    for (const r of ['/body/1', '/body/2', '/body/3']) q.add(r);
    q.add('/body/4');
    expect(q.takeAll()).toEqual(['/body']);
  });

  it('takes every queued root at once, in order, and is empty after', () => {
    const q = queueOf();
    q.add('/body/a');
    q.add('/body/b');
    q.add('/body/a/x');
    expect(q.takeAll()).toEqual(['/body/a', '/body/b']);
    expect(q.size).toBe(0);
    expect(q.takeAll()).toEqual([]);
  });

  it('climbs from a shared parent once, for siblings added one after another and when taken', () => {
    let climbs = 0;
    const q = new RootQueue<string>((path) => {
      climbs++;
      return parentOf(path);
    }, () => '/body');
    for (let i = 0; i < 50; i++) q.add(`/body/feed/p${i}`);
    const whenAdded = climbs;
    expect(whenAdded).toBeLessThan(50 + 5); // one parentOf per root, and one climb of three steps
    expect(q.takeAll()).toHaveLength(50);
    expect(climbs - whenAdded).toBeLessThan(50 + 5);
  });

  it('still skips a root inside one queued after the shared parent was known', () => {
    const q = queueOf();
    q.add('/body/feed/p1');
    q.add('/body'); // holds the feed: the parent known to be clear no longer is
    expect(q.add('/body/feed/p2')).toBe(false);
    q.add('/main/x');
    q.add('/main');
    expect(q.add('/main/y')).toBe(false);
    expect(q.takeAll()).toEqual(['/body', '/main']);
  });

  it('is empty after clear', () => {
    const q = queueOf();
    q.add('/body/x');
    q.clear();
    expect(q.takeAll()).toEqual([]);
  });
});
