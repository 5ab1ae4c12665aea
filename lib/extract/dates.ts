/**
 * Publication dates as Chinese pages write them: `2023-05-31 21:31:24`, `(2022/9/5 19:25:41)`,
 * `2022年3月30日 09:50`, `2015.10.12`, and ISO strings from meta tags. Taiwan pages date in the ROC
 * calendar (`中華民國113年12月3日`, `民國99年3月1日`, `113/12/03`, `發布日期：113-12-03`: year + 1911);
 * Hong Kong pages put the zone before the time (`2024年12月3日（星期二）香港時間15時30分`, `HKT 15:30`).
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** The calendar offset of ROC years (民國1年 = 1912). */
const ROC_OFFSET = 1911;

// One alternation for the year: a Gregorian year, an ROC year after 民國 (any length), or a bare 3-digit
// ROC year (100–199, i.e. 2011 on; two-digit bare years are too often something else).
const DATE_IN_TEXT =
  /(?<![\d])(?:((?:19|20)\d{2})|(?:中華|中华)?民[國国]\s*(\d{1,3})|(1\d{2}))\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:\s*(?:[T ]|\u00a0)?\s*(?:[（(]?(?:星期|禮拜|礼拜|周|週)[一二三四五六日天][)）]?\s*)?(?:(?:香港|澳門|澳门|臺北|台北)?[時时]間\s*|HKT\s*)?(上午|下午|凌晨|晚上|早上|中午)?\s*(\d{1,2})\s*[:：時时点點]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?(?:\s*([ap])\.?m\b\.?)?)?/i;

// Flags 'g' only, as the per-call copy always had: `PM` in capitals is not read as a meridiem here.
const DATE_IN_TEXT_GLOBAL = new RegExp(DATE_IN_TEXT.source, 'g');
/** A bare ROC date must not run on into an address number (`台北市100/12/3號`). */
const BARE_ROC_DATE = /1\d{2}\s*(?:[-/.]|年)\s*\d{1,2}\s*(?:[-/.]|月)\s*\d{1,2}(?![\d號号巷弄樓楼之])/y;

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
  // One global copy for every call (not a new RegExp per call: this runs for many blocks of every page).
  const re = DATE_IN_TEXT_GLOBAL;
  re.lastIndex = 0;
  for (let match = re.exec(text); match; match = re.exec(text)) {
    const [, y, rocPrefixed, rocBare, mo, d, meridiem, h, mi, s, latinMeridiem] = match;
    const roc = rocPrefixed ?? rocBare;
    if (rocBare !== undefined) {
      BARE_ROC_DATE.lastIndex = match.index;
      if (!BARE_ROC_DATE.test(text)) continue;
    }
    const year = roc !== undefined ? Number(roc) + ROC_OFFSET : Number(y);
    const month = Number(mo);
    const day = Number(d);
    let hour = h === undefined ? undefined : Number(h);
    if (hour !== undefined && (meridiem === '下午' || meridiem === '晚上' || latinMeridiem?.toLowerCase() === 'p') && hour < 12) hour += 12;
    // `12:05 am` is just after midnight.
    if (hour === 12 && latinMeridiem?.toLowerCase() === 'a') hour = 0;
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

/**
 * `——《北京之春》1998年3月号`, `2003年5月`: a year and month without a day, as magazine reprints and reports
 * date themselves. Returned as ISO 8601 reduced precision, `1998-03`. Only a fallback: a full date wins.
 */
export function findYearMonthInText(text: string): string | undefined {
  const match = /(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号號])/.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return valid(year, month, 1) ? `${year}-${pad(month)}` : undefined;
}

const ZONED_MACHINE_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})$/;

/** The local times a printed date-and-time may mean: `06/02/2022 - 13:48` is 6 February (day first) or June 2 (month first). */
function printedLocalTimes(text: string): { date: [number, number, number]; hour: number; minute: number }[] {
  const found: { date: [number, number, number]; hour: number; minute: number }[] = [];
  const chinese = findDateInText(text);
  if (chinese?.hasTime) {
    const [, y, mo, d, h, mi] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(chinese.iso)!.map(Number);
    found.push({ date: [y, mo, d], hour: h, minute: mi });
  }
  const slashed = /(?<![\d/])(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2})\D{0,5}?(\d{1,2})[:：](\d{2})/.exec(text);
  if (slashed) {
    const [, a, b, y, h, mi] = slashed.map(Number);
    found.push({ date: [y, b, a], hour: h, minute: mi }, { date: [y, a, b], hour: h, minute: mi });
  }
  return found;
}

/**
 * A machine date with a zone (`2022-02-06T12:48:06+00:00`) written in the local time the page prints
 * (`发表时间： 06/02/2022 - 13:48`), with that offset: `2022-02-06T13:48:06+01:00`. Researchers cite the
 * time the page shows; the offset keeps the instant exact. The printed time must be the same instant
 * shifted by a whole quarter-hour offset of at most 14 hours, so an unrelated date on the page is not taken.
 * Returns the machine date unchanged when no printed line matches.
 */
export function inPrintedLocalTime(machine: string, lines: string[]): string {
  const zoned = ZONED_MACHINE_DATE.exec(machine);
  if (!zoned) return machine;
  const [, y, mo, d, h, mi, s, zone] = zoned;
  const zoneMinutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const utcMinute = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi)) / 60000 - zoneMinutes;
  for (const line of lines) {
    for (const printed of printedLocalTimes(line)) {
      const [py, pmo, pd] = printed.date;
      if (!valid(py, pmo, pd, printed.hour, printed.minute)) continue;
      const offset = Date.UTC(py, pmo - 1, pd, printed.hour, printed.minute) / 60000 - utcMinute;
      if (offset % 15 !== 0 || Math.abs(offset) > 14 * 60) continue;
      const sign = offset < 0 ? '-' : '+';
      const abs = Math.abs(offset);
      return `${py}-${pad(pmo)}-${pad(pd)}T${pad(printed.hour)}:${pad(printed.minute)}:${s}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    }
  }
  return machine;
}
