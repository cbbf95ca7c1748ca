/**
 * Entry types where the source gives none. The CSL has no type for the BIS and State lists, the
 * Entity List name index and the Denied Persons text file have none at all; a guess from the
 * name is better than calling every person an entity, and the build report counts the guesses.
 */
import type { EntryList, EntryType } from '../model';

const ORG_WORDS =
  /\b(co|company|corp|corporation|inc|ltd|limited|llc|l\.l\.c|plc|gmbh|ag|sa|s\.a|bv|nv|ooo|oao|zao|pao|ao|jsc|cjsc|pte|fze|fzco|llp|pvt|group|holdings?|technolog(y|ies)|tech|industr(y|ies|ial)|institute|university|academy|cent(er|re)|bureau|ministry|department|laborator(y|ies)|lab|bank|trading|international|enterprises?|systems?|electronics?|engineering|services?|solutions?|factory|plant|works|association|organi[sz]ation|office|agency|society|foundation|research|design|sciences?|airlines?|aviation|shipping|logistics|import|export|commercial|manufactur\w*|network|communications?|telecom\w*|semiconductors?|software|energy|petroleum|oil|gas|chemicals?|metals?|machinery|equipment|products|suppl(y|ies)|general|establishment|firm|firma|partners|obshchestvo|aktsionernoe|zavod|kombinat|institut|tsentr|kompaniya|gruppa|nauchno\w*|ventures|capital|investments?|development|unit|force|army|navy|guard|party|front|movement|brigade|regiment|military|defen[cs]e|state|national|federal|republic|authority|committee|council|commission|hospital|school|college|store|shop|market|media|press|news|power|electric\w*|motors?|auto\w*|steel|iron|mining|construction|building|port|airport|station|base|center)\b/i;

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

