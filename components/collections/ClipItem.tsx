import { useState } from 'preact/hooks';
import { readableText } from '@/lib/collections/display';
import type { Clip } from '@/lib/collections';
import type { CollectionSummary } from '@/lib/messaging/messages/collections';
import { useI18n } from '../i18n';
import { CLIP_KIND_KEYS, clipCanonical, clipDate, errorText, parseTags } from './labels';
import type { Send } from './send';
import { onValue } from '../control-events';

export interface ClipItemProps {
  clip: Clip;
  collections: readonly CollectionSummary[];
  /** The collection being shown (null: all clips). */
  collectionId: string | null;
  send: Send;
  onChanged: () => void;
  onDeleted: (clip: Clip, undo: unknown) => void;
  onError: (message: string) => void;
}

/**
 * One clip in the popup: quote, source, note and tags editing, move / also add, delete, open.
 * A clip in several collections is ONE clip (as in Zotero): "also add" puts the same clip in
 * another collection, so a note edited anywhere shows everywhere; the clip says where else it is.
 */
export function ClipItem({ clip, collections, collectionId, send, onChanged, onDeleted, onError }: ClipItemProps) {
  // Editing controls only when asked for: a list of plain rows renders fast on every keystroke of a search.
  const [editing, setEditing] = useState(false);
  const { t, locale } = useI18n();
  const canonical = clipCanonical(clip, locale);
  const [note, setNote] = useState(clip.note);
  const [tags, setTags] = useState(clip.tags.join(', '));
  const [target, setTarget] = useState('');
  const dirty = note !== clip.note || parseTags(tags).join('\n') !== clip.tags.join('\n');
  const others = collections.filter((c) => !clip.collectionIds.includes(c.id));
  const nameOf = (id: string) => collections.find((c) => c.id === id)?.name ?? '';
  const elsewhere = clip.collectionIds.filter((id) => id !== collectionId).map(nameOf).filter(Boolean);
  // In a collection: where else it is. In all clips: where it is, when that is more than one place.
  const membership = collectionId ? (elsewhere.length ? t('alsoIn', { names: elsewhere.join('、') }) : '') : elsewhere.length > 1 ? t('inCollections', { names: elsewhere.join('、') }) : '';
  const onlyHere = collectionId !== null && clip.collectionIds.length > 1;

  const saveEdits = async () => {
    const result = await send('collections/updateClip', { clipId: clip.id, note, tags: parseTags(tags) });
    if (!result.ok) return onError(errorText(result.error, t));
    onChanged();
  };
  const transfer = async (kind: 'move' | 'copy') => {
    if (!target) return;
    const result =
      kind === 'move' && collectionId
        ? await send('collections/moveClips', { clipIds: [clip.id], fromCollectionId: collectionId, toCollectionId: target })
        : await send('collections/copyClips', { clipIds: [clip.id], toCollectionId: target });
    if (!result.ok) return onError(errorText(result.error, t));
    if (result.value.duplicates.length) onError(t('duplicateInTarget'));
    setTarget('');
    onChanged();
  };
  const remove = async () => {
    const result = await send('collections/deleteClips', collectionId ? { clipIds: [clip.id], collectionId } : { clipIds: [clip.id] });
    if (!result.ok) return onError(errorText(result.error, t));
    onDeleted(clip, result.value.undo);
  };

  return (
    <li class="fzl-coll-clip" data-testid="clip-item" data-clip-id={clip.id}>
      <div class="fzl-coll-meta">
        <span class="fzl-coll-kind" data-testid="clip-kind">
          {t(CLIP_KIND_KEYS[clip.kind])}
        </span>
        {canonical && canonical !== clip.text ? <span data-testid="clip-canonical">{canonical}</span> : null}
      </div>
      <div class="fzl-coll-clip-text" data-testid="clip-text">
        {readableText(clip.text)}
      </div>
      <div class="fzl-coll-meta" title={clip.target.url} data-testid="clip-source">
        {[readableText(clip.target.title) || clip.target.url, clip.target.site, clipDate(clip)].filter(Boolean).join(' · ')}
      </div>
      {membership ? (
        <div class="fzl-coll-meta" data-testid="clip-membership">
          {membership}
        </div>
      ) : null}
      {clip.note || clip.tags.length ? (
        <div class="fzl-coll-meta" data-testid="clip-note-text">
          {clip.tags.map((t) => `#${t} `).join('')}
          {clip.note}
        </div>
      ) : null}
      {editing ? (
        <>
          <div class="fzl-coll-edit">
            <textarea aria-label={t('clipNote')} placeholder={t('clipNote')} maxLength={20000} data-testid="clip-note" value={note} onInput={onValue(setNote)} />
            <input type="text" aria-label={t('clipTags')} placeholder={t('clipTagsPlaceholder')} data-testid="clip-tags" value={tags} onInput={onValue(setTags)} />
          </div>
          <div class="fzl-coll-actions">
            <button type="button" data-testid="clip-save" disabled={!dirty} onClick={() => void saveEdits()}>
              {t('save')}
            </button>
            {others.length ? (
              <>
                <select aria-label={t('targetCollection')} data-testid="clip-target" value={target} onChange={onValue(setTarget)}>
                  <option value="">{collectionId ? t('moveOrAddTo') : t('targetCollection')}</option>
                  {others.map((c) => (
                    <option value={c.id}>{c.name}</option>
                  ))}
                </select>
                {collectionId ? (
                  <button type="button" disabled={!target} data-testid="clip-move" title={t('moveTitle')} onClick={() => void transfer('move')}>
                    {t('move')}
                  </button>
                ) : null}
                <button type="button" disabled={!target} data-testid="clip-copy" title={t('addToCollectionTitle')} onClick={() => void transfer('copy')}>
                  {t('addToCollection')}
                </button>
              </>
            ) : null}
            <button type="button" onClick={() => setEditing(false)}>
              {t('collapse')}
            </button>
          </div>
        </>
      ) : null}
      <div class="fzl-coll-actions">
        {editing ? null : (
          <button type="button" data-testid="clip-edit" onClick={() => setEditing(true)}>
            {t('clipEdit')}
          </button>
        )}
        <button type="button" data-testid="clip-open" onClick={() => void send('collections/openClip', { clipId: clip.id })}>
          {t('openArticle')}
        </button>
        <button type="button" data-testid="clip-delete" onClick={() => void remove()}>
          {onlyHere ? t('removeFromCollection') : t('delete')}
        </button>
      </div>
    </li>
  );
}
