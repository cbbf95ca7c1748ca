import { describe, expect, it } from 'vitest';
import { defaults, hostMatches, loadChoices, loadSettings, migrateSettings, validateSettings } from '../../src/shared/settings';
import { isKnownMessage } from '../../src/shared/message-checks';
import { includeFor, mergeFrames } from '../../src/core/selection';
import type { Entry } from '../../src/core/model';

describe('settings', () => {
  it('flags organisations on every list by default, people, vessels and aircraft off', () => {
    expect(defaults.lists).toContain('EL');
    expect(defaults.includeIndividuals).toBe(false);
    const include = includeFor(defaults);
    const e = (type: Entry['type'], list: Entry['list'] = 'EL'): Entry => ({ id: 'x', list, listName: '', type, name: 'X' });
    expect([include(e('entity')), include(e('individual')), include(e('vessel')), include(e('aircraft'))]).toEqual([true, false, false, false]);
    expect(includeFor({ ...defaults, lists: ['SDN'] })(e('entity'))).toBe(false);
    expect(include(e('entity', 'CUSTOM'))).toBe(true);
  });
  it('drops bad values key by key with a warning and keeps the good ones', () => {
    const { settings, warnings } = validateSettings({ lists: ['EL', 'NOPE'], paused: 'yes', highlightStyle: 'background', excludedSites: [' Example.COM '] });
    expect(settings).toEqual({ highlightStyle: 'background', excludedSites: ['example.com'] });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^lists:/);
  });
  it('loads defaults over whatever is stored, and migrates old data', () => {
    expect(loadSettings(undefined).settings).toEqual(defaults);
    expect(loadSettings({ paused: true, updateIntervalHours: -1 })).toMatchObject({ settings: { ...defaults, paused: true }, warnings: [expect.stringMatching(/updateIntervalHours/)] });
    expect(migrateSettings({ paused: true })).toEqual({ paused: true, settingsVersion: 2 });
  });
  it('migrates version 1 (defaults stored with choices) to version 2 (choices only)', () => {
    const v1 = { ...defaults, paused: true, lists: ['EL'], settingsVersion: 1 };
    expect(migrateSettings(v1)).toEqual({ paused: true, lists: ['EL'], settingsVersion: 2 });
    // A value equal to its default is dropped: an organisation's default may then apply.
    expect(loadChoices(v1).settings).toEqual({ paused: true, lists: ['EL'] });
    // Version 2 is left alone, even when a choice equals the default.
    expect(migrateSettings({ paused: false, settingsVersion: 2 })).toEqual({ paused: false, settingsVersion: 2 });
  });
  it('matches hosts and their subdomains', () => {
    expect(hostMatches('intranet.example.com', 'example.com')).toBe(true);
    expect(hostMatches('a.corp.example.com', '*.corp.example.com')).toBe(true);
    expect(hostMatches('notexample.com', 'example.com')).toBe(false);
  });
});

describe('message checks', () => {
  it('accepts well-formed messages', () => {
    expect(isKnownMessage({ type: 'match', payload: { texts: ['a', 'b'] } })).toBe(true);
    expect(isKnownMessage({ type: 'getStatus', payload: {} })).toBe(true);
    expect(isKnownMessage({ type: 'setPaused', payload: { scope: 'site', host: 'example.com', paused: true } })).toBe(true);
  });
  it('refuses unknown types, missing payloads and wrong shapes', () => {
    for (const bad of [
      null, 'match', { type: 'match' }, { type: 'match', payload: { texts: 'x' } }, { type: 'evil', payload: {} },
      { type: 'toString', payload: {} }, { type: 'getTabState', payload: { tabId: -1 } },
      { type: 'reportFound', payload: { found: [{ id: 1, count: 1 }] } }, { type: 'setSettings', payload: { patch: [] } },
      { type: 'lookup', payload: { query: 'x'.repeat(1000) } }, { type: 'match', payload: { texts: ['x'.repeat(4_000_001)] } },
    ]) expect(isKnownMessage(bad)).toBe(false);
  });
});

describe('tab state', () => {
  it('sums mentions over frames, most mentioned first', () => {
    expect(mergeFrames({ 0: [{ id: 'a', count: 1 }, { id: 'b', count: 2 }], 5: [{ id: 'a', count: 3 }] })).toEqual([
      { id: 'a', count: 4 }, { id: 'b', count: 2 },
    ]);
  });
});
