/**
 * Entry types where the source gives none. The CSL has no type for the BIS and State lists, the
 * Entity List name index and the Denied Persons text file have none at all; a guess from the
 * name is better than calling every person an entity, and the build report counts the guesses.
 */
import type { Entry, EntryList, EntryType } from '../model';

const ORG_WORDS =
  /\b(co|company|corp|corporation|inc|ltd|limited|llc|l\.l\.c|plc|gmbh|ag|sa|s\.a|bv|nv|ooo|oao|zao|pao|ao|jsc|cjsc|pte|fze|fzco|llp|pvt|group|holdings?|technolog(y|ies)|tech|industr(y|ies|ial)|institute|university|academy|cent(er|re)|bureau|ministry|department|laborator(y|ies)|lab|bank|trading|international|enterprises?|systems?|(micro)?electronics?|engineering|services?|solutions?|factory|plant|works|association|organi[sz]ation|office|agency|society|foundation|research|design|sciences?|airlines?|aviation|shipping|logistics|import|export|commercial|manufactur\w*|network|communications?|telecom\w*|semiconductors?|software|energy|petroleum|oil|gas|chemicals?|metals?|machinery|equipment|products|suppl(y|ies)|general|establishment|firm|firma|partners|obshchestvo|aktsionernoe|zavod|kombinat|institut|tsentr|kompaniya|gruppa|nauchno\w*|ventures|capital|investments?|development|unit|force|army|navy|guard|party|front|movement|brigade|regiment|military|defen[cs]e|state|national|federal|republic|authority|committee|council|commission|hospital|school|college|store|shop|market|media|press|news|power|electric\w*|motors?|auto\w*|steel|iron|mining|construction|building|port|airport|station|base|center)\b/i;

/**
 * The CSL gives no type for several lists (EL, DPL, UVL, MEU, ISN, DTC). A name with a word that
 * names an organisation is an entity; on the Denied Persons List the rest are people; on the
 * other lists a name of two to four capitalised plain words with no such word is taken for a
 * person's name ("Fazal Rahim Farid"), everything else for an entity.
 */
export function guessType(name: string, list: EntryList): EntryType {
  if (ORG_WORDS.test(name)) return 'entity';
  if (list === 'DPL') return 'individual';
  const words = name.split(/\s+/).filter(Boolean);
  const personLike = words.length >= 2 && words.length <= 4 && words.every((w) => /^[A-Z][a-z'’-]+,?$|^[A-Z]\.$/.test(w));
  return personLike ? 'individual' : 'entity';
}

export function typeFromCsl(raw: string | undefined, name: string, list: EntryList): EntryType {
  switch ((raw ?? '').trim().toLowerCase()) {
    case 'individual':
      return 'individual';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    case 'entity':
      return 'entity';
    default:
      return guessType(name, list);
  }
}


/** Lists whose source gives no type, so that every person there is a guess (the DPL aside: its names are people). */
const GUESSED_LISTS: ReadonlySet<string> = new Set(['EL', 'MEU', 'UVL', 'ISN']);

const wordsOf = (name: string): string[] =>
  name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').split(/[^\p{L}]+/u).filter(Boolean);

/**
 * Words of the names of people whose source says they are people (SDN individuals): given names
 * and surnames in the spellings the lists use.
 */
export function personNameWords(entries: readonly Entry[]): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    if (e.list !== 'SDN' || e.type !== 'individual') continue;
    for (const n of [e.name, ...(e.aliases ?? [])]) for (const w of wordsOf(n)) out.add(w);
  }
  return out;
}

/**
 * Second look at a name guessed to be a person's (guessType sees the main name only): it is an
 * organisation when one of its aliases has a word that names an organisation ("Sunway
 * Microelectronics", a.k.a. "Chengdu Sunway Technology"), or when a word after the first is an
 * ordinary English word that is not a name ("Sukhoi Civil Aircraft", "Huawei Cloud Beijing",
 * "Nerpa Shipyard"); but never when a word of the name is a personal name of a listed person or
 * an initial: "Mark Gofman", "Stanislav Bolt" stay people.
 */
export function refineGuessedType(
  entry: Entry,
  personWords: ReadonlySet<string>,
  isOrdinaryWord: (word: string) => boolean,
): EntryType {
  if (entry.type !== 'individual' || !GUESSED_LISTS.has(entry.list)) return entry.type;
  const words = wordsOf(entry.name);
  // A known personal name anywhere, or an initial ("Aristeidis A. Pappas"), keeps a person.
  if (words.some((w) => personWords.has(w) || w.length === 1)) return entry.type;
  if ((entry.aliases ?? []).some((a) => ORG_WORDS.test(a))) return 'entity';
  return words.slice(1).some(isOrdinaryWord) ? 'entity' : entry.type;
}
