import type { ScriptState } from '@/lib/messaging';
import type { ScriptTarget } from '@/lib/settings/settings';

export const SCRIPT_LABELS: Record<ScriptTarget, string> = {
  original: '原文',
  cn: '简体',
  tw: '繁體',
  twp: '繁體·臺灣用語',
  hk: '繁體·香港',
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
  return (
    <section class="fzl-script" aria-label="文字转换">
      <div class="fzl-segmented" role="radiogroup" aria-label="显示文字" data-testid="script-switcher">
        {(Object.keys(SCRIPT_LABELS) as ScriptTarget[]).map((target) => (
          <button
            type="button"
            role="radio"
            aria-checked={state.target === target}
            disabled={state.busy}
            data-testid={`script-${target}`}
            onClick={() => onSelect(target)}
          >
            {SCRIPT_LABELS[target]}
          </button>
        ))}
      </div>
      <label class="fzl-rule">
        <input
          type="checkbox"
          data-testid="script-rule"
          checked={rule !== null && rule === state.target}
          disabled={state.target === 'original' && rule === null}
          onChange={(e) => onRule((e.currentTarget as HTMLInputElement).checked ? state.target : null)}
        />
        此网站总是显示为{SCRIPT_LABELS[state.target]}
      </label>
      {state.error ? (
        <div class="fzl-error" role="alert" data-testid="script-error">
          {state.error}
        </div>
      ) : state.target !== 'original' ? (
        <div class="fzl-muted" data-testid="script-status">
          已转换 {state.changedNodes} 处文字，用时 {state.ms} ms
        </div>
      ) : null}
    </section>
  );
}
