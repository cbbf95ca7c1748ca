/**
 * The list model shared by the list script, the background worker, the matcher and the UI.
 * Pure types and constants: no browser APIs, no Node APIs.
 *
 * Rule of the model: a field the source data does not give is absent, never guessed.
 */

/** CSL source abbreviations, plus CUSTOM for an organisation's own entries. */
export const LIST_CODES = [
  'EL', 'MEU', 'UVL', 'DPL', 'SDN', 'SSI', 'FSE', 'PLC', 'CAP', 'CMIC', 'MBS', 'DTC', 'ISN',
] as const;
export type ListCode = (typeof LIST_CODES)[number];
export type EntryList = ListCode | 'CUSTOM';

export const LIST_NAMES: Record<ListCode, string> = {
  EL: 'Entity List (EL) - Bureau of Industry and Security',
  MEU: 'Military End User (MEU) List - Bureau of Industry and Security',
  UVL: 'Unverified List (UVL) - Bureau of Industry and Security',
  DPL: 'Denied Persons List (DPL) - Bureau of Industry and Security',
  SDN: 'Specially Designated Nationals (SDN) - Treasury Department',
  SSI: 'Sectoral Sanctions Identifications List (SSI) - Treasury Department',
  FSE: 'Foreign Sanctions Evaders (FSE) - Treasury Department',
  PLC: 'Palestinian Legislative Council List (PLC) - Treasury Department',
  CAP: 'Capta List (CAP) - Treasury Department',
  CMIC: 'Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department',
  MBS: 'Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department',
  DTC: 'ITAR Debarred (DTC) - State Department',
  ISN: 'Nonproliferation Sanctions (ISN) - State Department',
};

export const ENTRY_TYPES = ['entity', 'individual', 'vessel', 'aircraft'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** Why a name of an entry may not be flagged on its own. */
export type AmbiguityReason =
  | 'common-word' // an ordinary word or phrase: "Arsenal", "Soyuz", "Best"
  | 'common-phrase' // several common words: "Positive Technologies"; flagged when capitalised
  | 'short-acronym' // three letters or fewer: "MOD", "MPK"
  | 'derived-short-form' // made by the matcher, e.g. "NSO" from "NSO Group"
  | 'known-word'; // one word English also uses ("Candiru", the fish): flagged with an organisation cue nearby

export interface AmbiguousName {
  name: string;
  reason: AmbiguityReason;
}

export interface StatedReason {
  /** The reason as worded by the source, quoted verbatim. */
  text: string;
  /** Where the quote comes from (URL). */
  source: string;
  /** Legal basis where known, e.g. "15 CFR 744.11(b)". */
  basis?: string;
}

export interface FederalRegisterDocument {
  documentNumber: string;
  title?: string;
  url?: string;
  publicationDate?: string;
}

export interface Entry {
  /** Stable id: `<list>-<source id>`, e.g. "EL-kaist-rpl-6c53…" or "SDN-31455". */
  id: string;
  list: EntryList;
  /** Full name of the source list as the CSL spells it (or the organisation's label). */
  listName: string;
  type: EntryType;
  name: string;
  /** Other names, each flagged like the main name unless also in `ambiguous`. */
  aliases?: string[];
  /** Names in their own script (Chinese, Cyrillic, …). */
  nativeNames?: string[];
  /** Names (main name or alias) that are flagged only in context; see AmbiguityReason. */
  ambiguous?: AmbiguousName[];
  /** ISO 3166-1 alpha-2 codes. */
  countries?: string[];
  addresses?: string[];
  federalRegisterNotice?: string;
  federalRegisterDocument?: FederalRegisterDocument;
  /** ISO date (YYYY-MM-DD) the listing took effect. */
  startDate?: string;
  endDate?: string;
  licenseRequirement?: string;
  licensePolicy?: string;
  programs?: string[];
  remarks?: string;
  title?: string;
  sourceListUrl?: string;
  sourceInformationUrl?: string;
  reason?: StatedReason;
  /** Which raw files this entry was built from (file names). */
  provenance?: string[];
  /** For CUSTOM entries: a link the organisation gives. */
  url?: string;
}

export interface BundleSource {
  file: string;
  description: string;
  /** Snapshot date of the file, ISO. */
  date?: string;
}

export interface Bundle {
  format: 1;
  /** Date of the newest data in the bundle (ISO YYYY-MM-DD). */
  dataDate: string;
  /** When the bundle file was made (ISO timestamp). */
  builtAt: string;
  /** Where the data came from: the embedded snapshot, the official CSL, a mirror. */
  origin: string;
  sources: BundleSource[];
  counts: Partial<Record<ListCode, number>>;
  entries: Entry[];
}

export function isListCode(value: unknown): value is ListCode {
  return typeof value === 'string' && (LIST_CODES as readonly string[]).includes(value);
}

/** Every name of an entry a reader might meet: main name, aliases, native-script names. */
export function namesOf(entry: Entry): string[] {
  return [entry.name, ...(entry.aliases ?? []), ...(entry.nativeNames ?? [])];
}
