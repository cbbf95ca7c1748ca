/**
 * Organisation cues: words that show a nearby one-word name is used for a company, an agency or
 * an armed group, not for a fish, a spacecraft, a telescope or a film character ("the Israeli
 * firm Candiru", "Huawei launches a smartphone", "sanctions on Hikvision"; against "Candiru are
 * South American catfish", "the Soyuz spacecraft", "the Kepler telescope", "Age of Ultron").
 *
 * Used by the rule "one-word name" in compile.ts: such a name is flagged on its own only with a
 * cue in the same line of text, within CUE_WINDOW characters; otherwise it is a context mention,
 * flagged once the page names the party strongly (in full, or as a one-word name with a cue).
 *
 * The words are general (kinds of organisation, trade controls, the trades listed parties are
 * in, armed conflict), in English and the other languages that list news is often read in
 * (French, German, Spanish, Italian, Portuguese, Polish, Russian), and compared in lower case.
 * A word ending in "*" is a stem (it matches any word that starts with it: "sanction*" takes
 * "sanctioned"); any other is a word, alone or with a plural "s" or "es".
 */

/** Characters either side of a name within which a cue counts. About a sentence. */
export const CUE_WINDOW = 90;

const CUE_WORDS = [
  // kinds of organisation and business
  'compan*', 'firm', 'corporat*', 'corp', 'inc', 'ltd', 'llc', 'plc', 'gmbh', 'group', 'holding', 'subsidiar*', 'conglomerate',
  'vendor', 'maker', 'manufactur*', 'supplier', 'producer', 'contractor', 'startup', 'start-up', 'business', 'enterprise',
  'giant', 'brand', 'ceo', 'founder', 'shareholder', 'investor',
  // trade controls
  'sanction*', 'blacklist*', 'entity list', 'export*', 'embargo', 'designat*', 'commerce department', 'department of commerce',
  'treasury', 'ofac', 'trade restriction', 'licen*', 'listed', 'delisted', 'rule',
  // trades of listed parties
  'spyware', 'malware', 'hack*', 'surveillance', 'software', 'chip', 'chipmaker', 'semiconductor', 'smartphone', 'handset',
  'telecom*', 'network equipment', '5g', 'drone', 'camera', 'defence', 'defense', 'weapon', 'missile', 'military', 'aerospace',
  'supercomput*', 'processor', 'electronics', 'technology', 'technologies',
  // armed groups
  'militant', 'terror*', 'insurgen*', 'jihad*', 'extremis*', 'rebel', 'fighter', 'guerrilla',
  // other languages: organisation and trade-control words
  'entreprise', 'société', 'societe', 'groupe', 'firme', 'fabricant', 'constructeur', 'unternehmen', 'konzern', 'hersteller',
  'sanktion*', 'empresa', 'compañía', 'compania', 'fabricante', 'grupo', 'azienda', 'società', 'spółk*', 'spolk*', 'koncern*',
  'producent*', 'korporacj*', 'sankcj*', 'компани*', 'корпораци*', 'концерн*', 'предприяти*', 'санкци*', 'производител*',
];

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const STEMS = CUE_WORDS.filter((w) => w.endsWith('*')).map((w) => escape(w.slice(0, -1)));
const WORDS = CUE_WORDS.filter((w) => !w.endsWith('*')).map(escape);

/** One expression for all cue words, none continuing a word on the left; one lookbehind for all. */
const CUE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${STEMS.join('|')}|(?:${WORDS.join('|')})(?:e?s)?(?![\\p{L}\\p{N}]))`, 'iu');

/**
 * The same for text with no character outside ASCII, read in lower case. There it finds exactly
 * what CUE finds (no ASCII letter folds to anything but its other case, and no cue word outside
 * ASCII folds to ASCII), in about half the time: the check runs for every mention of a one-word
 * name, a few hundred per 10 M characters of real pages.
 */
const NOT_ASCII = /[\u0080-\uffff]/;
const ascii = (forms: string[]): string => forms.filter((f) => !NOT_ASCII.test(f)).join('|');
const ASCII_CUE = new RegExp(`(?<![a-z0-9])(?:${ascii(STEMS)}|(?:${ascii(WORDS)})(?:e?s)?(?![a-z0-9]))`);

function hasCue(s: string): boolean {
  return NOT_ASCII.test(s) ? CUE.test(s) : ASCII_CUE.test(s.toLowerCase());
}

/** "\n", "\r", U+2028, U+2029. */
function isLineBreak(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** Whether an organisation cue stands near text[start, end), in the same line. */
export function hasOrganisationCue(text: string, start: number, end: number): boolean {
  let from = Math.max(0, start - CUE_WINDOW);
  let to = Math.min(text.length, end + CUE_WINDOW);
  for (let i = start - 1; i >= from; i--) {
    if (isLineBreak(text.charCodeAt(i))) {
      from = i + 1;
      break;
    }
  }
  for (let i = end; i < to; i++) {
    if (isLineBreak(text.charCodeAt(i))) {
      to = i;
      break;
    }
  }
  return hasCue(text.slice(from, start)) || hasCue(text.slice(end, to));
}

/**
 * Whether text[start, end) is one word with a capital after a lower-case letter ("iFlytek",
 * "SenseTime"): a coined brand name, not an ordinary word or another proper noun.
 */
export function hasInnerCapital(text: string, start: number, end: number): boolean {
  let sawLower = false;
  for (let i = start; i < end; i++) {
    const ch = text[i] as string;
    if (ch !== ch.toUpperCase()) sawLower = true;
    else if (sawLower && ch !== ch.toLowerCase()) return true;
  }
  return false;
}
