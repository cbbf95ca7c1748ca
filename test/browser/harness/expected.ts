/**
 * What the tests expect, derived from the project's own sources (the demo article and the
 * embedded list bundle) rather than typed in twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Entry } from '../../../src/core/model';
import { demoArticleText } from './pages';
import { PROJECT_ROOT } from './server';

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

/**
 * The highlighted strings the demo page must show, with how often each appears in the article:
 * the four parties of the 2021 rule and Huawei, the short form "NSO" used after "NSO Group",
 * and the CSIC name as the article spells it (cut short by "are" before "PTE. LTD").
 */
export function demoExpectedMentions(): Map<string, number> {
  const article = demoArticleText();
  return new Map([
    ['NSO Group', count(article, /\bNSO Group\b/g)],
    ['NSO', count(article, /\bNSO\b(?! Group)/g)],
    ['Candiru', count(article, /\bCandiru\b/g)],
    ['Positive Technologies', count(article, /\bPositive Technologies\b/g)],
    ['Computer Security Initiative Consultancy', count(article, /\bComputer Security Initiative Consultancy\b/g)],
    ['Huawei', count(article, /\bHuawei\b/g)],
  ]);
}

/** The parties of the demo page as the popup names them (the entries' main names). */
export const DEMO_PARTY_NAMES = [
  'NSO Group',
  'Candiru',
  'Positive Technologies',
  'Computer Security Initiative Consultancy PTE. LTD.',
  'Huawei Technologies Co., Ltd. (Huawei)',
] as const;

/** Named in the article but on no list: never highlighted. */
export const DEMO_UNLISTED_NAMES = ['WhatsApp', 'Amnesty International', 'Pegasus', 'Biden', 'Trump'] as const;

let bundle: Bundle | undefined;
export function embeddedBundle(): Bundle {
  bundle ??= JSON.parse(readFileSync(join(PROJECT_ROOT, 'extension/data/bundle.json'), 'utf8')) as Bundle;
  return bundle;
}

export function bundleEntry(name: string, list = 'EL'): Entry {
  const entry = embeddedBundle().entries.find((e) => e.name === name && e.list === list);
  if (!entry) throw new Error(`the bundle has no ${list} entry named ${name}`);
  return entry;
}

/** Multiset of strings as a sorted list of [text, count]: order-free and readable in a diff. */
export function tally(texts: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}
