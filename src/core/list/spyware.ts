/**
 * The hand-assembled record of Federal Register document 2021-24123 (4 November 2021: NSO
 * Group, Candiru, Positive Technologies, Computer Security Initiative Consultancy). It gives
 * the stated reasons, dates and licence terms the other sources lack for these four. Its
 * citation "86 FR 60759" is flagged in the file as not confirmed; the entries carry that note
 * in their remarks so the popup shows it beside the citation.
 */
import type { Entry } from '../model';
import { ListFileError } from './errors';
import { obj, str } from './read-json';

export interface SpywareRecord {
  name: string;
  /** Details to add to the Entity List entry of that name. */
  fields: Partial<Entry>;
}

export function parseSpyware(value: unknown, file: string): SpywareRecord[] {
  const root = obj(value);
  const rule = obj(root?.rule);
  const entities = root?.entities;
  if (!rule || !Array.isArray(entities)) throw new ListFileError('not the 2021-24123 record: expected "rule" and "entities"', file, 'top level');
  const documentNumber = str(rule.fr_document_number);
  if (!documentNumber) throw new ListFileError('no Federal Register document number', file, 'rule.fr_document_number');
  const citation = str(rule.fr_citation);
  const citationNote = str(rule.fr_citation_note);
  const title = str(rule.title);
  const url = str(rule.federalregister_url);
  const publicationDate = str(rule.publication_date);
  return entities.map((e, i) => {
    const rec = obj(e);
    const name = str(rec?.name);
    if (!rec || !name) throw new ListFileError('an entity has no name', file, `entities[${i}].name`);
    const fields: Partial<Entry> = {
      federalRegisterDocument: {
        documentNumber,
        ...(title ? { title } : {}),
        ...(url ? { url } : {}),
        ...(publicationDate ? { publicationDate } : {}),
      },
    };
    const start = str(rec.start_date) ?? str(rule.effective_date);
    if (start) fields.startDate = start;
    const requirement = str(rec.license_requirement);
    if (requirement) fields.licenseRequirement = requirement;
    const policy = str(rec.license_review_policy);
    if (policy) fields.licensePolicy = policy;
    if (citation) fields.federalRegisterNotice = citation;
    if (citation && citationNote) fields.remarks = `Federal Register citation ${citation}: ${citationNote}`;
    const reason = str(rec.reason_quote);
    const source = str(rec.reason_source);
    const basis = str(rec.basis);
    if (reason && source) fields.reason = { text: reason, source, ...(basis ? { basis } : {}) };
    return { name, fields };
  });
}
