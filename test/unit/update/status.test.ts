import { describe, expect, it } from 'vitest';
import { describeStatus, formatUtc, longDate, relativeTime } from '../../../src/core/update/status';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2026, 10, 29, 12, 0);

describe('describeStatus', () => {
  it('describes a fresh install that has not checked yet', () => {
    expect(describeStatus({ dataDate: '2026-08-18', origin: 'embedded snapshot', entryCount: 13816, sourceUrl: 'https://data.trade.gov/x/consolidated.json', nextCheck: NOW + MIN }, NOW)).toEqual([
      'The list in use has 13,816 entries, with data as of 18 August 2026.',
      'It came from: embedded snapshot.',
      'Updates are downloaded from https://data.trade.gov/x/consolidated.json.',
      'No check for a newer list has been made yet.',
      'The next check is at 2026-11-29 12:01 UTC (in 1 minute).',
    ]);
  });

  it('describes a successful update', () => {
    const lines = describeStatus({ dataDate: '2026-11-24', entryCount: 20000, lastCheck: NOW - 2 * HOUR, lastSuccess: NOW - 2 * HOUR, lastResult: 'updated', nextCheck: NOW + 22 * HOUR }, NOW);
    expect(lines).toContain('Last checked at 2026-11-29 10:00 UTC (2 hours ago): a new list was taken into use.');
    expect(lines).toContain('The next check is at 2026-11-30 10:00 UTC (in 22 hours).');
    expect(lines.join(' ')).not.toContain('successful check was');
  });

  it('describes a failure: the error, that the old list stays, the last success and the retry', () => {
    const lines = describeStatus(
      { dataDate: '2026-11-24', entryCount: 20000, lastCheck: NOW - 5 * MIN, lastError: 'there is no list at this address (HTTP 404, not found).', lastSuccess: NOW - 3 * 24 * HOUR, nextCheck: NOW + 10 * MIN },
      NOW,
    );
    expect(lines).toEqual([
      'The list in use has 20,000 entries, with data as of 24 November 2026.',
      'The last check, at 2026-11-29 11:55 UTC (5 minutes ago), failed: there is no list at this address (HTTP 404, not found).',
      'The list in use stays as it was.',
      'The last successful check was at 2026-11-26 12:00 UTC (3 days ago).',
      'The next check is at 2026-11-29 12:10 UTC (in 10 minutes).',
    ]);
  });

  it('says when no check ever succeeded, and when updates are off', () => {
    expect(describeStatus({ lastCheck: NOW, lastError: 'x' }, NOW)).toContain('No check has succeeded yet.');
    const off = describeStatus({ updatesOff: true, nextCheck: NOW + HOUR, sourceUrl: 'https://x' }, NOW);
    expect(off).toContain('Automatic updates are off; the list changes only when the extension is updated.');
    expect(off.join(' ')).not.toMatch(/next check|downloaded from|No check/);
  });

  it('uses the formatter it is given, and keeps a quoted name as plain text', () => {
    const lines = describeStatus({ lastCheck: NOW, lastError: 'bad name "<script>alert(1)</script>"' }, NOW, () => 'noon');
    expect(lines).toContain('The last check, at noon (just now), failed: bad name "<script>alert(1)</script>".');
  });
});

describe('time and date words', () => {
  it('relativeTime rounds down to the largest unit', () => {
    expect(relativeTime(NOW - 30_000, NOW)).toBe('just now');
    expect(relativeTime(NOW + 30_000, NOW)).toBe('in less than a minute');
    expect(relativeTime(NOW - 90 * MIN, NOW)).toBe('1 hour ago');
    expect(relativeTime(NOW + 49 * HOUR, NOW)).toBe('in 2 days');
  });
  it('longDate and formatUtc', () => {
    expect(longDate('2026-01-05')).toBe('5 January 2026');
    expect(longDate('soon')).toBe('soon');
    expect(formatUtc(NOW)).toBe('2026-11-29 12:00 UTC');
  });
});
