/**
 * Publication dates as Chinese pages write them: `2023-05-31 21:31:24`, `(2022/9/5 19:25:41)`,
 * `2022年3月30日 09:50`, `2015.10.12`, and ISO strings from meta tags.
 */

const pad = (value: number) => String(value).padStart(2, '0');

const DATE_IN_TEXT =
  /(?<![\d])((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:\s*(?:[T ]|\u00a0)?\s*(?:[（(]?[星期周週][一二三四五六日天][)）]?\s*)?(上午|下午|凌晨|晚上|早上|中午)?\s*(\d{1,2})\s*[:：時时点點]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?/;

/** `9/17/2004 5:54:13 AM`: US order, as ASP pages print dates. */
const US_DATE_IN_TEXT = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?/i;

export interface FoundDate {
  iso: string;
  index: number;
  hasTime: boolean;
}

function valid(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 24 && minute < 60 && second < 60 && year >= 1990 && year <= 2100;
}

/** The first date in a piece of text, as a zone-less ISO string (local time of the page). */
export function findDateInText(text: string): FoundDate | undefined {
  const re = new RegExp(DATE_IN_TEXT.source, 'g');
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const [, y, mo, d, meridiem, h, mi, s] = match;
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    let hour = h === undefined ? undefined : Number(h);
    if (hour !== undefined && (meridiem === '下午' || meridiem === '晚上') && hour < 12) hour += 12;
    const minute = mi === undefined ? 0 : Number(mi);
    const second = s === undefined ? 0 : Number(s);
    if (!valid(year, month, day, hour, minute, second)) continue;
    const date = `${year}-${pad(month)}-${pad(day)}`;
    if (hour === undefined) return { iso: date, index: match.index, hasTime: false };
    return { iso: `${date}T${pad(hour)}:${pad(minute)}:${pad(second)}`, index: match.index, hasTime: true };
  }
  const us = US_DATE_IN_TEXT.exec(text);
  if (us) {
    const [, mo, d, y, h, mi, s, meridiem] = us;
    let hour = h === undefined ? undefined : Number(h);
    if (hour !== undefined && meridiem?.toUpperCase() === 'PM' && hour < 12) hour += 12;
    if (hour !== undefined && meridiem?.toUpperCase() === 'AM' && hour === 12) hour = 0;
    if (valid(Number(y), Number(mo), Number(d), hour, Number(mi ?? 0), Number(s ?? 0))) {
      const date = `${y}-${pad(Number(mo))}-${pad(Number(d))}`;
      if (hour === undefined) return { iso: date, index: us.index, hasTime: false };
      return { iso: `${date}T${pad(hour)}:${pad(Number(mi))}:${pad(Number(s ?? 0))}`, index: us.index, hasTime: true };
    }
  }
  return undefined;
}

/**
 * Normalises a machine date (meta tag, JSON-LD, `<time datetime>`). Keeps the zone when one is given,
 * and reads Chinese forms too, since some CMSs put `2022年3月30日` in their meta tags.
 */
export function normalizeMachineDate(value: string): string | undefined {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (iso) {
    const [, y, mo, d, h, mi, s, zone] = iso;
    if (!valid(Number(y), Number(mo), Number(d))) return undefined;
    if (h === undefined) return `${y}-${mo}-${d}`;
    const zonePart = zone ? (zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`) : '';
    return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${zonePart}`;
  }
  if (/^\d{10}(\d{3})?$/.test(trimmed)) {
    const ms = trimmed.length === 13 ? Number(trimmed) : Number(trimmed) * 1000;
    // Epoch stamps are UTC; written out in China Standard Time, the zone Chinese pages mean.
    const local = new Date(ms + 8 * 3600_000);
    return local.toISOString().slice(0, 19) + '+08:00';
  }
  return findDateInText(trimmed)?.iso;
}
