/**
 * The mentions one frame has recorded (drawn or waiting for their party), and which text nodes
 * each covers: the hover card looks a node's marks up, a rescan drops those inside the roots it
 * reads again, and the badge counts the entries drawn.
 */
import type { FoundEntry } from '../shared/messages';
import type { Mention } from '../core/mentions';
import type { Mark } from './highlighter';
import { insideAny } from './subtree';

export interface Record_ extends Mark {
  mention: Mention;
  /** Drawn on the page (a context mention waits, undrawn, until its party is seen). */
  active: boolean;
  nodes: Text[];
}

export class MarkSet implements Iterable<Record_> {
  private readonly all = new Set<Record_>();
  private readonly byNode = new WeakMap<Text, Set<Record_>>();

  get size(): number {
    return this.all.size;
  }

  [Symbol.iterator](): Iterator<Record_> {
    return this.all[Symbol.iterator]();
  }

  add(rec: Record_): void {
    this.all.add(rec);
    for (const node of rec.nodes) {
      const set = this.byNode.get(node) ?? new Set();
      set.add(rec);
      this.byNode.set(node, set);
    }
  }

  delete(rec: Record_): void {
    this.all.delete(rec);
    for (const node of rec.nodes) this.byNode.get(node)?.delete(rec);
  }

  /** The drawn mentions that cover part of this text node. */
  drawnAt(node: Text): Record_[] {
    return [...(this.byNode.get(node) ?? [])].filter((r) => r.active);
  }

  /** Distinct entries drawn, with how often each is mentioned. */
  found(): FoundEntry[] {
    const counts = new Map<string, number>();
    for (const r of this.all) {
      const id = r.mention.entryIds[0];
      if (r.active && id) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts].map(([id, count]) => ({ id, count }));
  }

  /** The marks (drawn or not) that cover part of any of these text nodes. */
  at(nodes: readonly Text[]): Record_[] {
    const out: Record_[] = [];
    if (this.all.size === 0) return out;
    for (const node of nodes) for (const rec of this.byNode.get(node) ?? []) if (!out.includes(rec)) out.push(rec);
    return out;
  }

  /**
   * The marks inside any of `roots` and those that left the page, in one pass: each mark looks
   * up its ancestors in a set of the roots, and what is found for an ancestor is remembered for
   * the marks that share it.
   */
  within(roots: readonly Node[]): Record_[] {
    if (roots.length === 0 || this.all.size === 0) return [];
    const rootSet = new Set(roots);
    const known = new Map<Node, boolean>();
    const inside: Record_[] = [];
    for (const rec of this.all) {
      const node = rec.range.startContainer;
      if (!node.isConnected || insideAny(node, rootSet, known)) inside.push(rec);
    }
    return inside;
  }
}
