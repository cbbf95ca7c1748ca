/**
 * Why an entry is listed: every field the list data gives, in plain words, and an explicit
 * "Not in the list data" where it gives none. Nothing here is inferred or invented.
 */
import type { ComponentChild } from 'preact';
import type { Entry, EntryType, FederalRegisterDocument } from '../core/model';
import {
  LIST_INFO,
  countryName,
  federalRegisterCitations,
  formatDate,
  listFullName,
  safeHttpUrl,
} from '../shared/list-info';
import { ExternalLink, Field, Missing, TextList } from '../shared/ui/Field';

const TYPE_LABELS: Record<EntryType, string> = {
  entity: 'Organisation',
  individual: 'Person',
  vessel: 'Vessel',
  aircraft: 'Aircraft',
};

export function EntryDetails({ entry }: { entry: Entry }) {
  const custom = entry.list === 'CUSTOM';
  return (
    <div class="entry-details" data-entry-id={entry.id}>
      {custom && <p class="custom-note">Listed by your organisation, not by the US government.</p>}
      <dl>
        <Field label="List">
          <span class="list-full-name">{listFullName(entry.list, entry.listName)}</span>
          <span class="list-meaning">{LIST_INFO[entry.list].meaning}</span>
        </Field>
        <Field label="Type">{TYPE_LABELS[entry.type]}</Field>
        {!custom && (
          <Field label="Federal Register" empty={!entry.federalRegisterNotice && !entry.federalRegisterDocument}>
            <FederalRegister notice={entry.federalRegisterNotice} document={entry.federalRegisterDocument} />
          </Field>
        )}
        <Field label="Effective date" empty={!entry.startDate}>
          {formatDate(entry.startDate)}
        </Field>
        {entry.endDate && <Field label="Listing ends">{formatDate(entry.endDate)}</Field>}
        {!custom && (
          <>
            <Field label="Licence requirement" empty={!entry.licenseRequirement}>
              {entry.licenseRequirement}
            </Field>
            <Field label="Licence review policy" empty={!entry.licensePolicy}>
              {entry.licensePolicy}
            </Field>
          </>
        )}
        <Field label="Stated reason" empty={!entry.reason}>
          {entry.reason && <Reason reason={entry.reason} />}
        </Field>
        <Field label="Other names">
          <TextList items={entry.aliases} />
        </Field>
        <Field label="Names in own script">
          <TextList items={entry.nativeNames} />
        </Field>
        <Field label={entry.countries && entry.countries.length > 1 ? 'Countries' : 'Country'}>
          <TextList items={entry.countries?.map((c) => `${countryName(c)} (${c})`)} />
        </Field>
        <Field label="Addresses">
          <TextList items={entry.addresses} />
        </Field>
        <Field label="Programs">
          <TextList items={entry.programs} />
        </Field>
        {entry.title && <Field label="Title">{entry.title}</Field>}
        <Field label="Remarks" empty={!entry.remarks}>
          {entry.remarks}
        </Field>
        <Field label="Official source">
          <Sources entry={entry} />
        </Field>
      </dl>
      {entry.provenance && entry.provenance.length > 0 && (
        <p class="provenance">Built from: {entry.provenance.join(', ')}</p>
      )}
    </div>
  );
}

/** The notice field as written, each citation in it linked to the notice on govinfo. */
function FederalRegister({ notice, document }: { notice?: string; document?: FederalRegisterDocument }) {
  return (
    <>
      {notice && <span class="fr-notice">{linkCitations(notice)}</span>}
      {document && (
        <span class="fr-document">
          <ExternalLink href={document.url}>{document.title ?? `Document ${document.documentNumber}`}</ExternalLink>
          {' '}
          <span class="muted">
            (document {document.documentNumber}
            {document.publicationDate ? `, published ${formatDate(document.publicationDate)}` : ''})
          </span>
        </span>
      )}
    </>
  );
}

function linkCitations(notice: string) {
  const parts: ComponentChild[] = [];
  let at = 0;
  for (const c of federalRegisterCitations(notice)) {
    if (c.start > at) parts.push(notice.slice(at, c.start));
    parts.push(
      <ExternalLink key={c.start} href={c.url}>
        {c.text}
      </ExternalLink>,
    );
    at = c.start + c.text.length;
  }
  if (at < notice.length) parts.push(notice.slice(at));
  return parts;
}

function Reason({ reason }: { reason: NonNullable<Entry['reason']> }) {
  const source = safeHttpUrl(reason.source);
  return (
    <>
      <blockquote class="reason">{reason.text}</blockquote>
      {reason.basis && <span class="muted">Legal basis: {reason.basis}. </span>}
      {source && (
        <span class="muted">
          Quoted from <ExternalLink href={source}>{new URL(source).hostname}</ExternalLink>
        </span>
      )}
    </>
  );
}

function Sources({ entry }: { entry: Entry }) {
  const links: { label: string; url: string }[] = [];
  const add = (label: string, url: string | undefined) => {
    const safe = safeHttpUrl(url);
    if (safe && !links.some((l) => l.url === safe)) links.push({ label, url: safe });
  };
  add('About this list', entry.sourceInformationUrl);
  add('List file', entry.sourceListUrl);
  add('Federal Register notice', entry.federalRegisterDocument?.url);
  add("Your organisation's page", entry.url);
  if (links.length === 0) return <Missing />;
  if (links.length === 1 && links[0]) return <ExternalLink href={links[0].url}>{links[0].label}</ExternalLink>;
  return (
    <ul class="text-list">
      {links.map((l) => (
        <li key={l.url}>
          <ExternalLink href={l.url}>{l.label}</ExternalLink>
        </li>
      ))}
    </ul>
  );
}
