/**
 * Legal forms and generic words around company names, in their folded token form (lower case,
 * no diacritics, punctuation gone: "PTE. LTD." is "pte ltd", "L.L.C." is "l l c"). A name's legal
 * form is optional in running text, so the matcher also knows each name without it, and the
 * look-up ignores legal forms on both sides.
 *
 * Covered: endings such as Co., Ltd., Limited, LLC, L.L.C., Inc., Corp., Corporation, Company,
 * PTE. LTD., PLC, GmbH, AG, S.A., S.L., B.V., N.V., JSC, FZE, FZCO, LLP, Pvt. Ltd., Sdn. Bhd., AD, EOOD
 * (Bulgaria, North Macedonia), Zrt. and Nyrt. (Hungary), s.r.o.;
 * prefixes such as OOO, AO, ZAO, OAO, PAO, JSC, CJSC, OJSC, "Joint Stock Company", "Aktsionernoe
 * Obshchestvo", ООО, АО, ЗАО, ПАО, "Акционерное общество"; Chinese endings 股份有限公司, 有限公司,
 * 公司. Stripping always leaves at least one word; whether what is left is distinctive enough to
 * flag on its own is decided by the compiler (compile.ts, rule 2).
 */

/** Single-token legal forms, Latin and Cyrillic. */
export const LEGAL_FORM_TOKENS = new Set([
  'co', 'ltd', 'limited', 'llc', 'inc', 'incorporated', 'corp', 'corporation', 'company', 'pte', 'plc',
  'gmbh', 'ag', 'kg', 'sa', 'sl', 'srl', 'spa', 'bv', 'nv', 'ooo', 'ao', 'zao', 'oao', 'pao', 'jsc',
  'cjsc', 'ojsc', 'pjsc', 'fze', 'fzco', 'fzc', 'fzllc', 'llp', 'lp', 'pvt', 'pty', 'sdn', 'bhd', 'kft',
  'sarl', 'sas', 'as', 'ab', 'oy', 'doo', 'tov', 'chp', 'ip', 'ltda', 'cia', 'jv', 'est', 'wll',
  'ad', 'zrt', 'nyrt', 'eood', 'ood', 'sro', 'spzoo',
  'ооо', 'оао', 'зао', 'пао', 'ао', 'нпо', 'фгуп', 'тов',
]);

/** Multi-token legal forms, longest first (they are stripped as a whole). */
export const LEGAL_FORM_SEQUENCES: string[][] = [
  ['co', 'ltd'], ['company', 'limited'], ['company', 'ltd'], ['pte', 'ltd'], ['pvt', 'ltd'],
  ['pty', 'ltd'], ['sdn', 'bhd'], ['l', 'l', 'c'], ['s', 'a'], ['s', 'l'], ['b', 'v'], ['n', 'v'],
  ['s', 'p', 'a'], ['s', 'r', 'l'], ['s', 'r', 'o'], ['sp', 'z', 'o', 'o'], ['co', 'limited'], ['corp', 'ltd'], ['joint', 'stock', 'company'],
  ['closed', 'joint', 'stock', 'company'], ['open', 'joint', 'stock', 'company'],
  ['public', 'joint', 'stock', 'company'], ['limited', 'liability', 'company'],
  ['aktsionernoe', 'obshchestvo'], ['obshchestvo', 's', 'ogranichennoi', 'otvetstvennostyu'],
  ['obshchestvo', 's', 'ogranichennoy', 'otvetstvennostyu'],
].sort((a, b) => b.length - a.length);

/** Legal forms written before the name ("Aktsionernoe Obshchestvo Pozitiv Teknolodzhiz"), longest first. */
export const LEADING_LEGAL_FORM_SEQUENCES: string[][] = [
  'open joint stock company', 'closed joint stock company', 'public joint stock company', 'joint stock company',
  'limited liability company', 'aktsionernoe obshchestvo', 'otkrytoe aktsionernoe obshchestvo',
  'zakrytoe aktsionernoe obshchestvo', 'publichnoe aktsionernoe obshchestvo',
  'obshchestvo s ogranichennoi otvetstvennostyu', 'obshchestvo s ogranichennoy otvetstvennostyu',
  'акционерное общество', 'открытое акционерное общество', 'закрытое акционерное общество',
  'публичное акционерное общество', 'общество с ограниченной ответственностью',
].map((s) => s.split(' ')).sort((a, b) => b.length - a.length);

/** Chinese legal-form endings, as sequences of single-character tokens. */
export const CJK_LEGAL_ENDINGS: string[][] = ['股份有限公司', '有限责任公司', '有限公司', '集团公司', '公司'].map((s) => [...s]);

/**
 * Words that, at the end of a name, name the kind of organisation rather than the party: "NSO
 * Group" is also called "NSO", "Positive Technologies" "Positive", "Megvii Technology" "Megvii".
 * Dropping one gives a short form that is flagged only in context (beside the full name).
 */
export const GENERIC_TAIL_WORDS = new Set(['group', 'holding', 'holdings', 'international', 'corporation', 'company', 'industries', 'technology', 'technologies']);

/** Small words that need not be capitalised inside a name ("Institute of Physics"). */
export const NAME_STOP_WORDS = new Set(['of', 'and', '&', 'the', 'for', 'de', 'la', 'del', 'du', 'des', 'in', 'on', 'at', 'to', 'a', 'an', 'y', 'e', 'et', 'und', 'fur']);

const TRAILING_SEQUENCES = [...LEGAL_FORM_SEQUENCES, ...CJK_LEGAL_ENDINGS];

function endsWith(tokens: readonly string[], tail: readonly string[]): boolean {
  if (tail.length > tokens.length) return false;
  const off = tokens.length - tail.length;
  return tail.every((t, i) => tokens[off + i] === t);
}

/**
 * The name's tokens without legal forms at the end (repeatedly) or at the start ("OOO Foo",
 * "Joint Stock Company Foo"). Never strips everything: at least one token is left.
 */
export function stripLegalForms(tokens: readonly string[]): string[] {
  let out = [...tokens];
  for (let changed = true; changed && out.length > 1; ) {
    changed = false;
    for (const seq of TRAILING_SEQUENCES) {
      if (out.length > seq.length && endsWith(out, seq)) {
        out = out.slice(0, out.length - seq.length);
        changed = true;
        break;
      }
    }
    const last = out[out.length - 1];
    if (!changed && out.length > 1 && last !== undefined && LEGAL_FORM_TOKENS.has(last)) {
      out = out.slice(0, -1);
      changed = true;
    }
  }
  for (let changed = true; changed && out.length > 1; ) {
    changed = false;
    const lead = LEADING_LEGAL_FORM_SEQUENCES.find((seq) => out.length > seq.length && seq.every((t, i) => out[i] === t));
    if (lead) {
      out = out.slice(lead.length);
      changed = true;
    } else if (out[0] !== undefined && LEGAL_FORM_TOKENS.has(out[0])) {
      out = out.slice(1);
      changed = true;
    }
  }
  return out;
}
