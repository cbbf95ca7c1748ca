/**
 * What each screening list means, in plain words, and small formatting helpers for the popup
 * and options page (dates, country names, Federal Register links). No browser extension APIs,
 * so unit tests reach it directly.
 */
import { LIST_NAMES, type EntryList } from '../core/model';

export interface ListInfo {
  /** Short label, e.g. "Entity List". */
  short: string;
  /** Who keeps the list. */
  agency: string;
  /** One or two sentences: who is on it and what it means to deal with them. */
  meaning: string;
}

export const LIST_INFO: Record<EntryList, ListInfo> = {
  EL: {
    short: 'Entity List',
    agency: 'US Commerce Department, Bureau of Industry and Security (BIS)',
    meaning:
      'Foreign companies, research bodies, government agencies and people the US government has found to act against US national security or foreign policy interests. Sending them items subject to the Export Administration Regulations (EAR) needs a BIS licence, which is usually refused.',
  },
  MEU: {
    short: 'Military End User List',
    agency: 'US Commerce Department, Bureau of Industry and Security (BIS)',
    meaning:
      'Foreign parties BIS has identified as military end users in countries such as China, Russia and Venezuela. Exporting certain listed items to them needs a BIS licence.',
  },
  UVL: {
    short: 'Unverified List',
    agency: 'US Commerce Department, Bureau of Industry and Security (BIS)',
    meaning:
      'Foreign parties whose legitimacy BIS could not confirm in an end-use check. Exports to them cannot use licence exceptions, and the exporter must first obtain a signed statement from the party.',
  },
  DPL: {
    short: 'Denied Persons List',
    agency: 'US Commerce Department, Bureau of Industry and Security (BIS)',
    meaning:
      'People and companies whose export privileges BIS has taken away by order. No one may take part with them in an export of items subject to the EAR.',
  },
  SDN: {
    short: 'Specially Designated Nationals',
    agency: 'US Treasury Department, Office of Foreign Assets Control (OFAC)',
    meaning:
      'People, companies, vessels and aircraft owned, controlled or acting for sanctioned countries or regimes, terrorists, drug traffickers and others. Their assets under US jurisdiction are frozen and US persons are generally forbidden to deal with them.',
  },
  SSI: {
    short: 'Sectoral Sanctions Identifications List',
    agency: 'US Treasury Department, Office of Foreign Assets Control (OFAC)',
    meaning:
      'Companies in key sectors of the Russian economy, such as finance, energy and defence. US persons may not engage in certain dealings with them (for example new debt or equity) set out in OFAC directives; other business is not blocked.',
  },
  FSE: {
    short: 'Foreign Sanctions Evaders List',
    agency: 'US Treasury Department, Office of Foreign Assets Control (OFAC)',
    meaning:
      'Foreign people and companies that OFAC found to have broken or evaded US sanctions on Iran or Syria, or helped others do so. US persons generally may not deal with them.',
  },
  PLC: {
    short: 'Palestinian Legislative Council List',
    agency: 'US Treasury Department, Office of Foreign Assets Control (OFAC)',
    meaning:
      'Members of the Palestinian Legislative Council elected on the slate of Hamas or another designated terrorist organisation. The general permission to deal with the Council does not cover them.',
  },
  CAP: {
    short: 'CAPTA List',
    agency: 'US Treasury Department, Office of Foreign Assets Control (OFAC)',
    meaning:
      'Foreign banks for which US banks may not open or keep correspondent or payable-through accounts, or may do so only under strict conditions.',
  },
  CMIC: {
    short: 'Chinese Military-Industrial Complex Companies List',
    agency: 'US Treasury Department, Office of Foreign Assets Control (OFAC)',
    meaning:
      "Companies named as part of China's defence or surveillance technology sector. US persons may not buy or sell their publicly traded securities; their other business is not blocked.",
  },
  MBS: {
    short: 'Menu-Based Sanctions List',
    agency: 'US Treasury Department, Office of Foreign Assets Control (OFAC)',
    meaning:
      'Parties under selected sanctions chosen from a menu (for example limits on US financing) rather than a full freeze of their assets. What is forbidden depends on the measures chosen for each party.',
  },
  DTC: {
    short: 'ITAR Debarred List',
    agency: 'US State Department, Directorate of Defense Trade Controls (DDTC)',
    meaning:
      'People and companies barred from taking part, directly or indirectly, in the export of defence articles, technical data and defence services under the International Traffic in Arms Regulations (ITAR).',
  },
  ISN: {
    short: 'Nonproliferation Sanctions',
    agency: 'US State Department, Bureau of International Security and Nonproliferation (ISN)',
    meaning:
      'Parties sanctioned under US laws against the spread of weapons of mass destruction and missiles. The penalties depend on the law used and can include bans on US government contracts, aid and export licences.',
  },
  CUSTOM: {
    short: "Your organisation's list",
    agency: 'Your organisation',
    meaning:
      'Added by your organisation to its own list of restricted parties. Ask your compliance team what it means for your work.',
  },
};

/** The full list name as the CSL spells it (or the organisation's label for CUSTOM). */
export function listFullName(list: EntryList, listName?: string): string {
  if (list === 'CUSTOM') return listName?.trim() || LIST_INFO.CUSTOM.short;
  return listName?.trim() || LIST_NAMES[list];
}

const MONTHS_DAY = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
const MONTHS = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', timeZone: 'UTC' });

/**
 * "2021-11-04" → "November 4, 2021"; "2021-11" → "November 2021"; a timestamp gives its date.
 * Anything that is not an ISO date is returned as given (the data is shown, never guessed at).
 */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ].*)?$/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Rejects impossible dates such as 2021-02-30 (Date would roll them over).
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return iso;
  return d === undefined ? MONTHS.format(date) : MONTHS_DAY.format(date);
}

let regionNames: Intl.DisplayNames | undefined;

/** "IL" → "Israel". Unknown or malformed codes are returned as given. */
export function countryName(code: string): string {
  const c = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(c)) return code;
  try {
    regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' });
    return regionNames.of(c) ?? code;
  } catch {
    return code;
  }
}

export interface FederalRegisterCitation {
  /** The citation as written in the data, e.g. "86 FR 60759" or "76 F.R. 12318". */
  text: string;
  volume: number;
  page: number;
  /** Where the citation starts in the field (UTF-16 offset). */
  start: number;
  /** The notice through the Government Publishing Office's govinfo link service. */
  url: string;
}

/** "86 FR 60759" → https://www.govinfo.gov/link/fr/86/60759; undefined if it is not one citation. */
export function federalRegisterLink(citation: string): string | undefined {
  const found = federalRegisterCitations(citation);
  return found.length === 1 ? found[0]?.url : undefined;
}

// "86 FR 60759", "76 F.R. 12318", "88 F.R.30078", "81.F.R. 22575", "75 Fed. Reg. 28404".
const CITATION = /\b(\d{1,3})\s*\.?\s*(?:F\.?\s?R\.?|Fed\.\s?Reg\.)\s*(\d{1,3}(?:,\d{3})+|\d{1,6})\b/g;

/**
 * Every Federal Register citation in a notice field. The CSL's field holds one or several
 * citations in varied spellings, sometimes with dates, so each is picked out on its own.
 */
export function federalRegisterCitations(field: string): FederalRegisterCitation[] {
  const out: FederalRegisterCitation[] = [];
  for (const m of field.matchAll(CITATION)) {
    const volume = Number(m[1]);
    const page = Number((m[2] ?? '').replace(/,/g, ''));
    if (!(volume >= 1 && page >= 1)) continue;
    out.push({ text: m[0], volume, page, start: m.index, url: `https://www.govinfo.gov/link/fr/${volume}/${page}` });
  }
  return out;
}

/** Only http(s) links from list data become links (a mirror's data could hold anything). */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** "1234" → "1,234". */
export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-US').format(n);
}
