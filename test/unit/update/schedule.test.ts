import { describe, expect, it } from 'vitest';
import { backoffMs, classifyResponse, conditionalHeaders, DEFAULT_MAX_LIST_BYTES, FIRST_CHECK_DELAY_MS, isCheckDue, nextCheckTime, recordCheck } from '../../../src/core/update/schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;
const NOW = Date.UTC(2026, 10, 29, 2, 0);

describe('nextCheckTime', () => {
  it('never, when updates are off (0 hours or nonsense)', () => {
    for (const hours of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) expect(nextCheckTime({ consecutiveFailures: 0 }, hours, NOW)).toBeUndefined();
  });
  it('soon after install, before any check', () => {
    expect(nextCheckTime({ consecutiveFailures: 0 }, 24, NOW)).toBe(NOW + FIRST_CHECK_DELAY_MS);
    expect(FIRST_CHECK_DELAY_MS).toBe(MIN);
  });
  it('one interval after a successful check', () => {
    const last = NOW - 2 * HOUR;
    expect(nextCheckTime({ lastCheck: last, lastSuccess: last, consecutiveFailures: 0 }, 24, NOW)).toBe(last + 24 * HOUR);
  });
  it('backs off after failures: 5 min, 15 min, 1 h, 4 h, 12 h, then 12 h again', () => {
    const waits = [1, 2, 3, 4, 5, 6, 20].map((n) => nextCheckTime({ lastCheck: NOW, consecutiveFailures: n }, 24, NOW)! - NOW);
    expect(waits).toEqual([5 * MIN, 15 * MIN, HOUR, 4 * HOUR, 12 * HOUR, 12 * HOUR, 12 * HOUR]);
  });
  it('caps the backoff at the interval', () => {
    expect(nextCheckTime({ lastCheck: NOW, consecutiveFailures: 5 }, 2, NOW)).toBe(NOW + 2 * HOUR);
    expect(backoffMs(4, 3 * HOUR)).toBe(3 * HOUR);
    expect(backoffMs(0, 3 * HOUR)).toBe(0);
  });
  it('is due now when the time passed while the browser was closed', () => {
    const history = { lastCheck: NOW - 3 * 24 * HOUR, consecutiveFailures: 0 };
    expect(nextCheckTime(history, 24, NOW)).toBe(NOW);
    expect(isCheckDue(history, 24, NOW)).toBe(true);
    expect(isCheckDue({ lastCheck: NOW - HOUR, consecutiveFailures: 0 }, 24, NOW)).toBe(false);
    expect(isCheckDue({ lastCheck: NOW - 3 * 24 * HOUR, consecutiveFailures: 0 }, 0, NOW)).toBe(false);
  });
  it('treats a last check in the future (clock put back) as now', () => {
    expect(nextCheckTime({ lastCheck: NOW + 30 * 24 * HOUR, consecutiveFailures: 0 }, 24, NOW)).toBe(NOW + 24 * HOUR);
  });
});

describe('recordCheck', () => {
  it('counts failures and resets them on success', () => {
    const one = recordCheck({ consecutiveFailures: 0, lastSuccess: NOW - HOUR }, false, NOW);
    expect(one).toEqual({ lastCheck: NOW, lastSuccess: NOW - HOUR, consecutiveFailures: 1 });
    expect(recordCheck(one, false, NOW + MIN).consecutiveFailures).toBe(2);
    expect(recordCheck(one, true, NOW + MIN)).toEqual({ lastCheck: NOW + MIN, lastSuccess: NOW + MIN, consecutiveFailures: 0 });
  });
});

describe('conditionalHeaders', () => {
  it('sends the saved validators', () => {
    expect(conditionalHeaders({ etag: '"abc-123"', lastModified: 'Tue, 24 Nov 2026 10:00:00 GMT' })).toEqual({
      'If-None-Match': '"abc-123"',
      'If-Modified-Since': 'Tue, 24 Nov 2026 10:00:00 GMT',
    });
    expect(conditionalHeaders({ etag: 'W/"x"' })).toEqual({ 'If-None-Match': 'W/"x"' });
  });
  it('sends nothing for none, blanks, or values fetch would reject', () => {
    expect(conditionalHeaders({})).toEqual({});
    expect(conditionalHeaders({ etag: ' ', lastModified: 'a\r\nInjected: 1' })).toEqual({});
    expect(conditionalHeaders({ etag: '"ä€"' })).toEqual({});
  });
});

describe('classifyResponse', () => {
  it('304 is not-modified; 200 with a list type is ok', () => {
    expect(classifyResponse(304, null, null, 100)).toEqual({ outcome: 'not-modified' });
    for (const type of ['application/json', 'application/json; charset=utf-8', 'text/csv', 'TEXT/PLAIN', 'application/octet-stream', 'binary/octet-stream', 'application/x-download', 'text/x-csv', null, '']) {
      expect(classifyResponse(200, type, '1000', DEFAULT_MAX_LIST_BYTES)).toEqual({ outcome: 'ok' });
    }
  });
  it('names failing statuses in plain words', () => {
    const error = (status: number): string => {
      const v = classifyResponse(status, 'application/json', null, 100);
      return v.outcome === 'error' ? v.error : '';
    };
    expect(error(404)).toBe('there is no list at this address (HTTP 404, not found)');
    expect(error(500)).toBe('the server failed to send the list (HTTP 500); it may be down for now');
    expect(error(503)).toContain('HTTP 503');
    expect(error(403)).toContain('refused access');
    expect(error(429)).toContain('too many requests');
    expect(error(206)).toContain('no complete list');
    expect(error(302)).toContain('redirected');
    expect(error(418)).toBe('the server answered with HTTP 418 instead of the list');
  });
  it('refuses a web page and other wrong types', () => {
    expect(classifyResponse(200, 'text/html; charset=UTF-8', '500', 1000)).toEqual({ outcome: 'error', error: 'the server sent a web page of type text/html instead of a list (JSON or CSV)' });
    expect(classifyResponse(200, 'application/zip', null, 1000).outcome).toBe('error');
    expect(classifyResponse(200, 'text/xml', null, 1000).outcome).toBe('error');
    expect(classifyResponse(200, 'image/png', null, 1000)).toEqual({ outcome: 'error', error: 'the server sent a file of type image/png instead of a list (JSON or CSV)' });
  });
  it('refuses an announced size over the limit; unknown sizes pass (the reader caps them)', () => {
    expect(classifyResponse(200, 'application/json', 80_000_000, 64_000_000)).toEqual({ outcome: 'error', error: 'the list is too large: 80.0 MB, more than the 64.0 MB accepted' });
    expect(classifyResponse(200, 'application/json', '64000000', 64_000_000)).toEqual({ outcome: 'ok' });
    expect(classifyResponse(200, 'application/json', 'garbage', 64_000_000)).toEqual({ outcome: 'ok' });
  });
});
