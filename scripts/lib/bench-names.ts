/** The list as the extension uses it with default settings: entries and their distinct names. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBundle } from '../../src/core/list/bundle';
import type { Entry } from '../../src/core/model';
import { includeFor } from '../../src/core/selection';
import { defaults } from '../../src/shared/settings';
import { PROJECT_ROOT } from '../../test/browser/harness/server';

export function defaultEntries(): Entry[] {
  const parsed = parseBundle(JSON.parse(readFileSync(join(PROJECT_ROOT, 'extension/data/bundle.json'), 'utf8')));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.bundle.entries.filter(includeFor(defaults));
}

/** Names and aliases, each once, in list order. */
export function namesOf(entries: readonly Entry[]): string[] {
  return [...new Set(entries.flatMap((e) => [e.name, ...(e.aliases ?? [])]))];
}

export const defaultNames = (): string[] => namesOf(defaultEntries());
