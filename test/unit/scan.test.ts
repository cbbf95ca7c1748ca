/** `npm run scan`, run as a user runs it: the seed article against the real bundle, and its errors. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const ARTICLE = join(ROOT, 'test/fixtures/us-blacklists-nso-group.txt');
const SMALL = join(ROOT, 'test/fixtures/matcher/small-bundle.json');
const scan = (args: string[], input?: string) =>
  spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/scan.ts'), ...args], {
    cwd: ROOT, encoding: 'utf8', input, timeout: 60_000,
  });

interface Output {
  mentions: {
    start: number; end: number; text: string; strength: string; entities: string[];
    entity: { id: string; name: string; list: string };
  }[];
}

describe('scan of the seed article with the real bundle', () => {
  const article = readFileSync(ARTICLE, 'utf8');
  const r = scan(['--json', ARTICLE]);
  const out = JSON.parse(r.stdout) as Output; // exactly one JSON object, nothing else on stdout
  const at = (surface: string): number[] => [...article.matchAll(new RegExp(surface, 'g'))].map((m) => m.index);

  it('exits cleanly with offsets that slice the input', () => {
    expect(r.status).toBe(0);
    expect(out.mentions.length).toBeGreaterThan(0);
    for (const m of out.mentions) expect(article.slice(m.start, m.end)).toBe(m.text);
  });
  it('finds NSO Group every time it appears, and "NSO" after the full name', () => {
    const nso = out.mentions.filter((m) => m.entity.name === 'NSO Group' && m.entity.list === 'EL');
    const full = at('NSO Group');
    expect(nso.filter((m) => m.text === 'NSO Group').map((m) => m.start)).toEqual(full);
    const short = at('NSO(?! Group)');
    expect(short.length).toBeGreaterThan(0);
    expect(nso.filter((m) => m.text === 'NSO').map((m) => m.start)).toEqual(short);
  });
  it('links each listed company to its Entity List entry, and flags nothing else', () => {
    const linked = new Map(out.mentions.map((m) => [m.text, `${m.entity.name} [${m.entity.list}]`]));
    expect(Object.fromEntries(linked)).toEqual({
      'NSO Group': 'NSO Group [EL]',
      NSO: 'NSO Group [EL]',
      Candiru: 'Candiru [EL]',
      'Positive Technologies': 'Positive Technologies [EL]',
      'Computer Security Initiative Consultancy': 'Computer Security Initiative Consultancy PTE. LTD. [EL]',
      Huawei: 'Huawei Technologies Co., Ltd. (Huawei) [EL]',
    });
    for (const word of ['WhatsApp', 'Amnesty', 'Pegasus', 'Commerce', 'Biden', 'Harris']) {
      expect(out.mentions.filter((m) => m.text.includes(word))).toEqual([]);
    }
  });
});

// Each case starts the command (tsx) several times: a second or more each on a busy machine.
describe('scan command line', { timeout: 60_000 }, () => {
  it('reads standard input and prints a readable list', () => {
    const r = scan(['--bundle', SMALL, '-'], 'Talks with Candiru stalled; NSO Group too.');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^11-18\t"Candiru"\t→ Candiru \[EL\]$/m);
    expect(r.stdout).toContain('2 mentions of 2 listed parties');
  });
  it('flags organisations only, unless --all-types', () => {
    const text = 'John Example Smith sailed the SEA EXAMPLE for the company Candiru.';
    const ids = (args: string[]) => (JSON.parse(scan(['--json', '--bundle', SMALL, ...args, '-'], text).stdout) as Output).mentions.map((m) => m.entity.id);
    expect(ids([])).toEqual(['EL-candiru']);
    expect(ids(['--all-types'])).toEqual(['SDN-person', 'SDN-vessel', 'EL-candiru']);
  });
  it('fails clearly on a missing file, a missing bundle and an invalid bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const missing = scan(['/no/such/file.txt']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('cannot read /no/such/file.txt');
    const noBundle = scan(['--bundle', join(dir, 'none.json'), ARTICLE]);
    expect(noBundle.status).not.toBe(0);
    expect(noBundle.stderr).toMatch(/bundle .*none\.json is missing/);
    writeFileSync(join(dir, 'bad.json'), '{"format": 1, "entries": [');
    const notJson = scan(['--bundle', join(dir, 'bad.json'), ARTICLE]);
    expect(notJson.status).not.toBe(0);
    expect(notJson.stderr).toMatch(/bad\.json is not JSON/);
    writeFileSync(join(dir, 'wrong.json'), JSON.stringify({ format: 1, dataDate: '2026-01-01', builtAt: 'x', origin: 'x', sources: [], entries: [{ id: 'a' }] }));
    const invalid = scan(['--bundle', join(dir, 'wrong.json'), ARTICLE]);
    expect(invalid.status).not.toBe(0);
    expect(invalid.stderr).toMatch(/wrong\.json is not valid: entries\[0\]/);
    expect(invalid.stdout).toBe('');
  });
});
