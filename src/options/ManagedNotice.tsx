/**
 * The place where the options page says what an administrator manages. The settings reply does
 * not carry this yet; when it does (`managed` / `locked`), this notice and the locked controls
 * follow from it without further changes to the page.
 */
import type { Settings } from '../shared/settings';

export interface ManagedInfo {
  /** Name of the organisation, where the policy gives one. */
  managed?: { by?: string };
  /** Settings the user may not change. */
  locked?: (keyof Settings)[];
}

export function ManagedNotice({ info }: { info: ManagedInfo }) {
  const locked = info.locked ?? [];
  if (!info.managed && locked.length === 0) return <div id="managed-notice" hidden />;
  return (
    <div id="managed-notice" class="managed" role="note">
      <h2>Managed by your organisation</h2>
      <p>
        {info.managed?.by ? `${info.managed.by} manages` : 'Your organisation manages'} some settings of this
        extension.
        {locked.length > 0 && ' Settings it has set are shown but cannot be changed here.'}
      </p>
    </div>
  );
}

/** Said beside a control the administrator has set, so "locked" is not shown by greying alone. */
export function LockedNote({ locked }: { locked: boolean }) {
  return locked ? <p class="locked-note">Set by your organisation.</p> : null;
}
