/**
 * W3C Web Annotation Data Model (JSON-LD) export: an AnnotationCollection whose single page holds
 * one Annotation per clip, targeting the page (`source`) with our TextQuote/TextPosition selectors.
 * The note is a `commenting` TextualBody, each tag a `tagging` one; a clip without a note is a
 * `highlighting`. Each annotation also carries the context, so it can be copied out on its own.
 */
import { UUID_PATTERN } from '../ids';
import type { Clip, Collection } from '../model';
import { ok, type Result } from '../result';
import type { CollectionsState } from '../schema';
import { displayedCanonical, exportTime, selectForExport, type ExportOptions } from './select';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'describing';
  format?: 'text/plain';
  language?: string;
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id?: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: TextualBody[];
  target: {
    source: string;
    selector: Clip['target']['selector'];
  };
}

export function clipToAnnotation(clip: Clip, options: ExportOptions = {}): WebAnnotation {
  const body: TextualBody[] = [];
  const hasNote = clip.note.trim() !== '';
  if (hasNote) body.push({ type: 'TextualBody', value: clip.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of clip.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (clip.canonical && clip.canonical !== clip.text) {
    body.push({ type: 'TextualBody', value: clip.canonical, purpose: 'describing', format: 'text/plain' });
    // The form the reader was shown, when it is not the simplified key, tagged with its script.
    const shown = displayedCanonical(clip, options);
    if (shown !== undefined && shown !== clip.canonical) body.push({ type: 'TextualBody', value: shown, purpose: 'describing', format: 'text/plain', language: 'zh-Hant' });
  }
  const annotation: WebAnnotation = {
    '@context': ANNOTATION_CONTEXT,
    type: 'Annotation',
    motivation: hasNote ? 'commenting' : 'highlighting',
    created: clip.createdAt,
    modified: clip.updatedAt,
    target: { source: clip.target.url, selector: clip.target.selector },
  };
  if (UUID_PATTERN.test(clip.id)) annotation.id = `urn:uuid:${clip.id}`;
  if (body.length > 0) annotation.body = body;
  return annotation;
}

export interface AnnotationCollectionDocument {
  '@context': typeof ANNOTATION_CONTEXT;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

function labelOf(collections: Collection[]): string {
  return collections.length === 1 ? collections[0].name : 'Fanzha Lens collections';
}

export function exportWebAnnotations(state: CollectionsState, options: ExportOptions = {}): Result<string> {
  const selection = selectForExport(state, options);
  if (!selection.ok) return selection;
  const items = selection.value.clips.map((clip) => clipToAnnotation(clip, options));
  const document: AnnotationCollectionDocument = {
    '@context': ANNOTATION_CONTEXT,
    type: 'AnnotationCollection',
    label: labelOf(selection.value.collections),
    total: items.length,
    generated: exportTime(options),
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return ok(JSON.stringify(document, null, 2));
}
