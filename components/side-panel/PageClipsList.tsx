import { readableText } from '@/lib/collections/display';
import type { PageClipsAnswer } from '@/lib/messaging/messages/collections';
import { useT } from '../i18n';
import { CLIP_KIND_KEYS } from '../collections/labels';

/** This page's clips: the ones found scroll to their passage; the others say they are not found on this page. */
export function PageClipsList({ page, onScroll }: { page: PageClipsAnswer | null; onScroll: (clipId: string) => void }) {
  const t = useT();
  if (!page || page.clips.length === 0) return null;
  return (
    <section data-testid="panel-page-clips">
      <h2 class="fzl-h2" id="fzl-panel-page-clips">
        {t('pageClips', { count: page.clips.length })}
      </h2>
      <ul class="fzl-panel-list" role="list" aria-labelledby="fzl-panel-page-clips">
        {page.clips.map(({ clip, found }) => (
          <li class="fzl-panel-page-clip" data-testid={found ? 'panel-page-clip-found' : 'panel-page-clip-missing'}>
            {found ? (
              <button type="button" class="fzl-entity" onClick={() => onScroll(clip.id)}>
                <span class="fzl-coll-kind">{t(CLIP_KIND_KEYS[clip.kind])}</span> {readableText(clip.text)}
              </button>
            ) : (
              <div class="fzl-muted">
                <span class="fzl-coll-kind">{t(CLIP_KIND_KEYS[clip.kind])}</span> {readableText(clip.text)}
                <div class="fzl-coll-missing" data-testid="panel-not-found">
                  {page.anchored ? t('panelNotFoundOnPage') : '…'}
                </div>
              </div>
            )}
            {clip.note || clip.tags.length ? (
              <div class="fzl-muted fzl-panel-note">
                {clip.tags.map((tag) => `#${tag} `).join('')}
                {clip.note}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
