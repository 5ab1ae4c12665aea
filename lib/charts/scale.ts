/** Scales and ticks for the charts: a time axis over article dates and a value axis (linear or log). */

const DAY = 86_400_000;

export interface Tick {
  at: number;
  label: string;
}

export interface Scale {
  (value: number): number;
  domain: [number, number];
  ticks: Tick[];
}

/**
 * Years when the dates span years, months otherwise; a single date gets half a year each side. At most
 * `maxTicks` labels (a narrow chart gets fewer, so they never overlap).
 */
export function timeScale(times: readonly number[], range: [number, number], maxTicks = 8): Scale {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of times) {
    if (t < lo) lo = t;
    if (t > hi) hi = t;
  }
  if (!Number.isFinite(lo)) lo = hi = Date.UTC(2024, 0, 1);
  if (hi - lo < 60 * DAY) {
    lo -= 183 * DAY;
    hi += 183 * DAY;
  } else {
    const pad = (hi - lo) * 0.04;
    lo -= pad;
    hi += pad;
  }
  const [r0, r1] = range;
  const scale = ((t: number) => r0 + ((t - lo) / (hi - lo)) * (r1 - r0)) as Scale;
  scale.domain = [lo, hi];
  const ticks: Tick[] = [];
  const first = new Date(lo);
  const spanYears = (hi - lo) / (365.25 * DAY);
  if (spanYears >= 2) {
    const step = Math.max(1, Math.ceil(spanYears / maxTicks));
    for (let y = first.getUTCFullYear() + 1; ; y += step) {
      const at = Date.UTC(y, 0, 1);
      if (at > hi) break;
      ticks.push({ at, label: String(y) });
    }
  } else {
    const wanted = (spanYears * 12) / maxTicks;
    const months = [1, 2, 3, 6, 12].find((n) => n >= wanted) ?? 12;
    let y = first.getUTCFullYear();
    let m = first.getUTCMonth() + 1;
    for (;; m++) {
      if (m === 12) {
        y++;
        m = 0;
      }
      const at = Date.UTC(y, m, 1);
      if (at > hi) break;
      if (m % months === 0) ticks.push({ at, label: m === 0 ? String(y) : `${y}-${String(m + 1).padStart(2, '0')}` });
    }
  }
  scale.ticks = ticks;
  return scale;
}

/** Log scale when the positive values span three orders of magnitude or more: 351 名 beside 46.4万. */
export function wantsLog(values: readonly number[]): boolean {
  let lo = Infinity;
  let hi = 0;
  for (const v of values) {
    if (v <= 0) return false;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi > 0 && hi / lo >= 1000;
}

function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

/**
 * Value axis from 0 (linear) or from the decade below the smallest value (log), to a round number
 * above the largest; `format` writes tick labels (compact: 2.4亿, 240M).
 */
export function valueScale(values: readonly number[], range: [number, number], log: boolean, format: (v: number) => string): Scale {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo)) lo = hi = 1;
  const [r0, r1] = range;
  const ticks: Tick[] = [];
  let scale: Scale;
  if (log) {
    const d0 = Math.floor(Math.log10(lo));
    const d1 = Math.max(d0 + 1, Math.ceil(Math.log10(hi)));
    scale = ((v: number) => r0 + ((Math.log10(Math.max(v, 10 ** d0)) - d0) / (d1 - d0)) * (r1 - r0)) as Scale;
    scale.domain = [10 ** d0, 10 ** d1];
    const every = Math.max(1, Math.ceil((d1 - d0) / 6));
    for (let d = d0; d <= d1; d += every) ticks.push({ at: 10 ** d, label: format(10 ** d) });
  } else {
    const bottom = Math.min(0, lo);
    const step = niceStep(hi - bottom || Math.abs(hi) || 1, 5);
    const top = Math.max(step, Math.ceil(hi / step) * step);
    const start = Math.floor(bottom / step) * step;
    scale = ((v: number) => r0 + ((v - start) / (top - start)) * (r1 - r0)) as Scale;
    scale.domain = [start, top];
    for (let v = start; v <= top + step / 2; v += step) ticks.push({ at: v, label: format(v) });
  }
  scale.ticks = ticks;
  return scale;
}
