import { useEffect, useRef, useState } from 'preact/hooks';
import { readableText } from '@/lib/collections/display';
import { useT } from '../i18n';
import css from './picker.css?inline';
import { onValue } from '../control-events';

/** Choosing the collection for a clip, inside the page's shadow-DOM UI. Page text is shown as text only. */
export interface ClipPickerProps {
  /** The passage being clipped. */
  quote: string;
  collections: readonly { id: string; name: string }[];
  /** Pre-selected: the last used collection. */
  selectedId: string | null;
  status: 'idle' | 'saving' | { saved: string } | { error: string };
  onSave: (choice: { collectionId: string } | { newName: string }) => void;
  onCancel: () => void;
}

const NEW = '__new__';

export function ClipPicker({ quote, collections, selectedId, status, onSave, onCancel }: ClipPickerProps) {
  const initial = selectedId && collections.some((c) => c.id === selectedId) ? selectedId : collections[0]?.id ?? NEW;
  const [choice, setChoice] = useState(initial);
  const [newName, setNewName] = useState('');
  const t = useT();
  const nameInput = useRef<HTMLInputElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  useEffect(() => setChoice(initial), [initial]);
  useEffect(() => {
    (choice === NEW ? nameInput.current : select.current)?.focus({ preventScroll: true });
  }, [choice]);

  const saving = status === 'saving';
  const canSave = !saving && (choice !== NEW || newName.trim() !== '');
  const submit = (event: Event) => {
    event.preventDefault();
    if (!canSave) return;
    onSave(choice === NEW ? { newName: newName.trim() } : { collectionId: choice });
  };

  return (
    <form
      class="picker"
      role="dialog"
      aria-label={t('pickerTitle')}
      data-testid="fzl-clip-picker"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <style>{css}</style>
      <h2>{t('pickerTitle')}</h2>
      <div class="quote" data-testid="fzl-clip-quote">
        {readableText(quote)}
      </div>
      {collections.length > 0 ? (
        <select
          ref={select}
          aria-label={t('collection')}
          data-testid="fzl-clip-collection"
          value={choice}
          onChange={onValue(setChoice)}
        >
          {collections.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value={NEW}>{t('newCollectionOption')}</option>
        </select>
      ) : null}
      {choice === NEW ? (
        <input
          ref={nameInput}
          type="text"
          maxLength={200}
          placeholder={t('newCollectionName')}
          aria-label={t('newCollectionName')}
          data-testid="fzl-clip-new-name"
          value={newName}
          onInput={onValue(setNewName)}
        />
      ) : null}
      {typeof status === 'object' && 'saved' in status ? (
        <div class="saved" role="status" data-testid="fzl-clip-saved">
          {t('savedTo', { name: status.saved })}
        </div>
      ) : null}
      {typeof status === 'object' && 'error' in status ? (
        <div class="error" role="alert" data-testid="fzl-clip-error">
          {status.error}
        </div>
      ) : null}
      <div class="row">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" data-testid="fzl-clip-save" disabled={!canSave}>
          {saving ? t('saving') : t('clip')}
        </button>
      </div>
    </form>
  );
}
