/** How highlights are drawn on pages, with a sample of each style. */
import { LockedNote } from './ManagedNotice';
import { HIGHLIGHT_STYLES, type HighlightStyle, type Settings } from '../shared/settings';

const LABELS: Record<HighlightStyle, string> = {
  underline: 'Underline',
  background: 'Background colour',
  outline: 'Outline',
};

interface Props {
  value: HighlightStyle;
  locked: boolean;
  save: (patch: Partial<Settings>) => void;
}

export function StyleSection({ value, locked, save }: Props) {
  return (
    <section aria-labelledby="style-heading">
      <h2 id="style-heading">Highlight style</h2>
      <LockedNote locked={locked} />
      <fieldset class="styles" disabled={locked}>
        <legend class="sr-only">Highlight style</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label class="style-choice" key={style}>
            <input
              type="radio"
              name="highlight-style"
              value={style}
              checked={value === style}
              onChange={() => save({ highlightStyle: style })}
            />
            <span>{LABELS[style]}</span>
            <span class={`sample sample-${style}`} aria-hidden="true">
              NSO Group
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
