/**
 * Where the options page says that an organisation's policy applies, which settings it locks,
 * and which of its values were ignored (so an administrator testing a policy sees why).
 */
import type { SettingsReply } from '../shared/messages';

type ManagedInfo = Pick<SettingsReply, 'managed' | 'locked' | 'policyWarnings'>;

export function ManagedNotice({ info }: { info: ManagedInfo }) {
  if (!info.managed) return <div id="managed-notice" hidden />;
  return (
    <div id="managed-notice" class="managed" role="note">
      <h2>Managed by your organisation</h2>
      <p>
        Your organisation manages this extension.
        {info.locked.length > 0
          ? ' Settings it has set are shown but cannot be changed here.'
          : ' Its settings are defaults: you may change them here.'}
      </p>
      {info.policyWarnings.length > 0 && (
        <div class="policy-warnings">
          <p>Some of its settings were ignored:</p>
          <ul>
            {info.policyWarnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Said beside a control the administrator has set, so "locked" is not shown by greying alone. */
export function LockedNote({ locked }: { locked: boolean }) {
  return locked ? <p class="locked-note">Set by your organisation.</p> : null;
}
