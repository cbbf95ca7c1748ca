/** Which entries are flagged, and how per-frame findings add up to a tab's. Pure. */
import type { Entry } from './model';

export interface Selection {
  lists: readonly string[];
  includeIndividuals: boolean;
  includeVessels: boolean;
  includeAircraft: boolean;
}

/** Entries the settings flag: lists on, and people, vessels and aircraft only when asked for. */
export function includeFor(selection: Selection): (entry: Entry) => boolean {
  const lists = new Set<string>(selection.lists);
  return (e) => {
    if (e.list !== 'CUSTOM' && !lists.has(e.list)) return false;
    if (e.type === 'individual') return selection.includeIndividuals;
    if (e.type === 'vessel') return selection.includeVessels;
    if (e.type === 'aircraft') return selection.includeAircraft;
    return true;
  };
}

export interface Found {
  id: string;
  count: number;
}

/** Distinct entries over all frames, with summed mention counts, most mentioned first. */
export function mergeFrames(frames: Record<string, readonly Found[]>): Found[] {
  const counts = new Map<string, number>();
  for (const found of Object.values(frames)) for (const f of found) counts.set(f.id, (counts.get(f.id) ?? 0) + f.count);
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count);
}
