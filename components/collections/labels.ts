/** Display names and formats shared by the popup panel and the manager. */
import type { Clip, ClipKind } from '@/lib/collections';

export const CLIP_KIND_LABELS: Record<ClipKind, string> = {
  operation: '专项行动',
  agency: '机构',
  statistic: '数据',
  selection: '摘录',
};

/** The page's date when known, else the day it was clipped (local time), as YYYY-MM-DD. */
export function clipDate(clip: Clip): string {
  if (clip.target.publishedAt) return clip.target.publishedAt.slice(0, 10);
  const d = new Date(clip.createdAt);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Tags typed as "a, b；c" or separated by spaces/、. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,，;；、\s]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export function errorText(error: { code: string; message: string }): string {
  if (error.code === 'storage') return `存储失败：${error.message}`;
  if (error.code === 'unreachable') return '后台未响应，请重试';
  return error.message;
}
