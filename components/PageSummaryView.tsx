import { nameInScript, type DisplayScript } from '@/lib/display/names';
import type { EntitySummary, PageSummary } from '@/lib/highlight/page-annotations';
import { KINDS_LABEL_KEYS } from './HighlightCard';
import { useT } from './i18n';

/** `nameScript`: the script canonical names are shown in (the reader's); they are stored simplified. */
export function PageSummaryView({ summary, onSelect, nameScript = 'zh-Hans' }: { summary: PageSummary; onSelect: (index: number) => void; nameScript?: DisplayScript }) {
  const { counts } = summary;
  const t = useT();
  return (
    <div data-testid="page-summary">
      <div class="fzl-counts">
        {(['operation', 'agency', 'statistic'] as const).map((kind) => (
          <span class={`fzl-count kind-${kind}`} data-testid={`count-${kind}`}>
            <span class="fzl-swatch" aria-hidden="true" />
            {t(KINDS_LABEL_KEYS[kind])} <strong>{counts[kind]}</strong>
          </span>
        ))}
      </div>
      <EntityList title={t('kindsOperation')} kind="operation" items={summary.operations} onSelect={onSelect} nameScript={nameScript} />
      <EntityList title={t('kindsAgency')} kind="agency" items={summary.agencies} onSelect={onSelect} nameScript={nameScript} />
    </div>
  );
}

function EntityList({
  title,
  kind,
  items,
  onSelect,
  nameScript,
}: {
  title: string;
  kind: string;
  items: EntitySummary[];
  onSelect: (index: number) => void;
  nameScript: DisplayScript;
}) {
  const t = useT();
  if (!items.length) return null;
  return (
    <section>
      <h2 class="fzl-h2" id={`fzl-list-${kind}`}>
        {title}
      </h2>
      <ul class="fzl-list" role="list" aria-labelledby={`fzl-list-${kind}`} data-testid={`list-${kind}`}>
        {items.map((item) => {
          const name = nameInScript(item.canonical, nameScript);
          return (
          <li>
            <button class="fzl-entity" type="button" onClick={() => onSelect(item.first)} title={item.surfaces.join('、')}>
              <span class="fzl-entity-label">
                <span class="fzl-entity-name" lang={nameScript}>{name}</span>
                {item.surfaces.some((s) => s !== name) ? (
                  <span class="fzl-muted"> ({item.surfaces.filter((s) => s !== name).join('、')})</span>
                ) : null}
              </span>
              <span class="fzl-mentions" aria-label={t('mentions', { count: item.mentions })}>
                ×{item.mentions}
              </span>
            </button>
          </li>
          );
        })}
      </ul>
    </section>
  );
}
