import type { CollectionSummary } from '@/lib/messaging/messages/collections';
import { useT } from '../i18n';
import { onValue } from '../control-events';

/** "New collection" in the chooser: the clip creates it, under the name typed beside it. */
export const NEW_COLLECTION = '__new__';

export interface ClipChoice {
  collectionId: string;
  newName: string;
  note: string;
  tags: string;
}

/**
 * Where the next clip goes and what it carries: a collection chosen (or created) here, a note and
 * tags. Every 收藏 button of the panel clips with this choice.
 */
export function ClipForm({ collections, choice, onChange, status }: { collections: readonly CollectionSummary[]; choice: ClipChoice; onChange: (next: ClipChoice) => void; status: { error: boolean; text: string } | null }) {
  const t = useT();
  const set = (key: keyof ClipChoice) => onValue((value) => onChange({ ...choice, [key]: value }));
  return (
    <section class="fzl-panel-form" aria-labelledby="fzl-panel-form-title" data-testid="panel-clip-form">
      <h2 class="fzl-h2" id="fzl-panel-form-title">
        {t('panelClipInto')}
      </h2>
      <div class="fzl-panel-row">
        <select aria-label={t('collection')} data-testid="panel-collection" value={choice.collectionId} onChange={set('collectionId')}>
          {collections.map((c) => (
            <option value={c.id}>{t('nameWithCount', { name: c.name, count: c.clipCount })}</option>
          ))}
          <option value={NEW_COLLECTION}>{t('newCollectionOption')}</option>
        </select>
        {choice.collectionId === NEW_COLLECTION ? (
          <input type="text" maxLength={200} placeholder={t('newCollectionName')} aria-label={t('newCollectionName')} data-testid="panel-new-collection" value={choice.newName} onInput={set('newName')} />
        ) : null}
      </div>
      <textarea rows={2} maxLength={20000} placeholder={t('clipNote')} aria-label={t('clipNote')} data-testid="panel-note" value={choice.note} onInput={set('note')} />
      <input type="text" placeholder={t('clipTagsPlaceholder')} aria-label={t('clipTags')} data-testid="panel-tags" value={choice.tags} onInput={set('tags')} />
      {status ? (
        <div class={status.error ? 'fzl-coll-error' : 'fzl-panel-saved'} role={status.error ? 'alert' : 'status'} data-testid="panel-clip-status">
          {status.text}
        </div>
      ) : null}
    </section>
  );
}
