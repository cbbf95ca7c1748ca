/**
 * Turns what a user types into the "sites never to scan" box into a host pattern:
 * `example.com` (the site and its subdomains) or `*.example.com` (subdomains written out).
 * A pasted address is reduced to its host. Pure, unit-tested.
 */
const HOST = /^(\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

export function normaliseSitePattern(input: string): string | undefined {
  let text = input.trim().toLowerCase();
  if (!text) return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return undefined;
    }
  } else {
    text = text.replace(/[/?#].*$/, '').replace(/:\d+$/, '');
  }
  text = text.replace(/\.$/, '');
  return text.length <= 253 && HOST.test(text) ? text : undefined;
}
