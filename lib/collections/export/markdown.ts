/**
 * Markdown for notes apps: per collection a heading, then each clip as a block quote, its source
 * link `[title](url)`, site and date, tags and note. Page text is data: every character Markdown
 * (or the HTML it may pass through) would interpret is backslash-escaped, and only http(s) URLs
 * become links.
 */
import type { Clip } from '../model';
import { ok, type Result } from '../result';
import type { CollectionsState } from '../schema';
import { displayedCanonical, exportTime, selectForExport, type ExportOptions } from './select';

/** ASCII punctuation with a meaning in CommonMark/GFM inline or block syntax (CommonMark lets any be escaped). */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()<>#+\-.!|~&=:"']/g;

/** Text shown literally: newlines become spaces (use `escapeMarkdownBlock` for multi-line text). */
export function escapeMarkdownInline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

/** Multi-line text kept as lines, each escaped; `linePrefix` is put before every line (`> ` for quotes). */
export function escapeMarkdownBlock(text: string, linePrefix = ''): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? linePrefix.trimEnd() : linePrefix + escapeMarkdownInline(line)))
    .join('\n');
}

function linkTarget(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // URL.href percent-encodes spaces and angle brackets; parentheses would end the link early.
  return parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

function clipBlock(clip: Clip, options: ExportOptions): string {
  const lines: string[] = [escapeMarkdownBlock(clip.text, '> '), ''];
  const title = escapeMarkdownInline(clip.target.title || clip.target.url);
  const href = linkTarget(clip.target.url);
  const source = [href ? `[${title}](${href})` : title];
  if (clip.target.site) source.push(escapeMarkdownInline(clip.target.site));
  if (clip.target.publishedAt) source.push(escapeMarkdownInline(clip.target.publishedAt.slice(0, 10)));
  lines.push(`— ${source.join(' · ')}`);
  if (clip.canonical && clip.canonical !== clip.text) {
    // The name as the reader was shown it, with the simplified key beside it when they differ.
    const shown = displayedCanonical(clip, options) ?? clip.canonical;
    lines.push('', shown === clip.canonical ? escapeMarkdownInline(shown) : `${escapeMarkdownInline(shown)} (${escapeMarkdownInline(clip.canonical)})`);
  }
  if (clip.tags.length > 0) lines.push('', `Tags: ${clip.tags.map(escapeMarkdownInline).join(', ')}`);
  if (clip.note.trim() !== '') lines.push('', escapeMarkdownBlock(clip.note));
  return lines.join('\n');
}

export function exportMarkdown(state: CollectionsState, options: ExportOptions = {}): Result<string> {
  const selection = selectForExport(state, options);
  if (!selection.ok) return selection;
  const parts: string[] = [];
  for (const { collection, clips } of selection.value.byCollection) {
    parts.push(`# ${escapeMarkdownInline(collection.name)}`);
    parts.push(`_${clips.length} clip${clips.length === 1 ? '' : 's'}, exported ${exportTime(options).slice(0, 10)}_`);
    for (const clip of clips) parts.push(clipBlock(clip, options));
  }
  return ok(parts.join('\n\n') + '\n');
}
