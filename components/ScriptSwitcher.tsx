import type { ScriptState } from '@/lib/messaging';
import type { MessageKey } from '@/lib/i18n';
import type { ScriptTarget } from '@/lib/settings/settings';
import { useT } from './i18n';
import { onChecked } from './control-events';

/** Catalog keys of the script names, in the order the switcher shows them. */
export const SCRIPT_LABEL_KEYS: Record<ScriptTarget, MessageKey> = {
  original: 'scriptOriginal',
  cn: 'scriptCn',
  tw: 'scriptTw',
  twp: 'scriptTwp',
  hk: 'scriptHk',
};

export interface ScriptSwitcherProps {
  state: ScriptState;
  /** The rule stored for this site, if any. */
  rule: ScriptTarget | null;
  onSelect: (target: ScriptTarget) => void;
  onRule: (target: ScriptTarget | null) => void;
}

/** 原文 / 简体 / 繁體 … for this page, and "always show this site so". */
export function ScriptSwitcher({ state, rule, onSelect, onRule }: ScriptSwitcherProps) {
  const t = useT();
  return (
    <section class="fzl-script" aria-label={t('scriptConversion')}>
      <div class="fzl-segmented" role="radiogroup" aria-label={t('scriptShowAs')} data-testid="script-switcher">
        {(Object.keys(SCRIPT_LABEL_KEYS) as ScriptTarget[]).map((target) => (
          <button
            type="button"
            role="radio"
            aria-checked={state.target === target}
            disabled={state.busy}
            data-testid={`script-${target}`}
            onClick={() => onSelect(target)}
          >
            {t(SCRIPT_LABEL_KEYS[target])}
          </button>
        ))}
      </div>
      <label class="fzl-rule">
        <input
          type="checkbox"
          data-testid="script-rule"
          checked={rule !== null && rule === state.target}
          disabled={state.target === 'original' && rule === null}
          onChange={onChecked((always) => onRule(always ? state.target : null))}
        />
        {t('scriptAlways', { script: t(SCRIPT_LABEL_KEYS[state.target]) })}
      </label>
      {state.error ? (
        <div class="fzl-error" role="alert" data-testid="script-error">
          {state.error}
        </div>
      ) : state.target !== 'original' ? (
        <div class="fzl-muted" data-testid="script-status">
          {t('scriptConverted', { count: state.changedNodes, ms: state.ms })}
        </div>
      ) : null}
    </section>
  );
}
