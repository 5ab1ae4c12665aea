import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe as describeSelectors } from '../../../lib/collections/anchor';
import type { ClipDraft } from '../../../lib/collections/commands';
import { createIdSource, seededRandomBytes } from '../../../lib/collections/ids';
import type { StorageArea } from '../../../lib/collections/storage';

export const fixturesDir = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function readSeed(name: string): string {
  return readFileSync(`${fixturesDir}seeds/${name}`, 'utf8');
}

export const SEED_SIMPLIFIED = '002_cd855594ea86f9d9.txt';
export const SEED_TRADITIONAL = '001_69ea3a8987a04835.txt';
export const SEED_000 = '000_0b94c6cf45dcb226.txt';

export function readFixtureJson(path: string): unknown {
  return JSON.parse(readFileSync(`${fixturesDir}collections/${path}`, 'utf8'));
}

/** A clock that advances one second per call, from a fixed instant. */
export function fakeClock(start = '2024-03-01T08:00:00.000Z'): () => string {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t).toISOString();
    t += 1000;
    return now;
  };
}

export function testIds(seed = 7) {
  return createIdSource(seededRandomBytes(seed));
}

export const PAGE_URL = 'https://www.cpd.com.cn/n3559/t_1090399.html';

/** A draft clipping the first occurrence of `quote` in `page`. */
export function draftFrom(page: string, quote: string, extra: Partial<ClipDraft> = {}): ClipDraft {
  const start = page.indexOf(quote);
  if (start === -1) throw new Error(`quote not in page: ${quote}`);
  return {
    kind: 'selection',
    text: quote,
    target: {
      url: PAGE_URL,
      title: '打击治理电信网络新型违法犯罪成效明显',
      site: '中国警察网',
      publishedAt: '2023-05-31T21:31:24',
      script: 'zh-Hans',
      selector: describeSelectors(page, start, start + quote.length),
    },
    ...extra,
  };
}

/** Seeded PRNG for delays and shuffles. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x1_0000_0000;
  };
}

/**
 * In-memory stand-in for browser.storage.local: values are structured-cloned like the real one,
 * every call takes a random few milliseconds, `set` is atomic (all keys or none), and failures can
 * be injected.
 */
export class FakeStorage implements StorageArea {
  readonly data = new Map<string, unknown>();
  readonly calls = { get: 0, set: 0, remove: 0 };
  failSet: Error | null = null;
  failRemove: Error | null = null;
  private readonly random: () => number;

  constructor(
    initial: Record<string, unknown> = {},
    private readonly maxDelayMs = 0,
    seed = 1,
  ) {
    for (const [key, value] of Object.entries(initial)) this.data.set(key, structuredClone(value));
    this.random = rng(seed);
  }

  private async pause(): Promise<void> {
    const ms = this.maxDelayMs > 0 ? Math.floor(this.random() * (this.maxDelayMs + 1)) : 0;
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    this.calls.get++;
    await this.pause();
    const wanted = keys === null || keys === undefined ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.calls.set++;
    await this.pause();
    if (this.failSet) throw this.failSet;
    const cloned = structuredClone(items);
    for (const [key, value] of Object.entries(cloned)) this.data.set(key, value);
  }

  async remove(keys: string | string[]): Promise<void> {
    this.calls.remove++;
    await this.pause();
    if (this.failRemove) throw this.failRemove;
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }

  snapshot(): Record<string, unknown> {
    return structuredClone(Object.fromEntries(this.data));
  }
}

/**
 * A state with `count` clips spread over 3 collections, built directly (not through commands) so
 * benchmarks measure the code under test. Texts are 20-character windows of the seed pages.
 */
export function bigState(count: number) {
  const pages = [SEED_000, SEED_TRADITIONAL, SEED_SIMPLIFIED].map(readSeed);
  const ids = testIds(99);
  const at = '2024-03-01T08:00:00.000Z';
  const collections = ['电诈统计', '專項行動', 'Agencies'].map((name) => ({ id: ids(), name, createdAt: at, updatedAt: at }));
  const clips: Record<string, import('../../../lib/collections/model').Clip> = {};
  for (let i = 0; i < count; i++) {
    const page = pages[i % pages.length];
    const start = (i * 7) % (page.length - 40);
    const id = ids();
    clips[id] = {
      id,
      collectionIds: [collections[i % 3].id],
      kind: (['operation', 'agency', 'statistic', 'selection'] as const)[i % 4],
      text: page.slice(start, start + 20),
      note: i % 5 === 0 ? `第${i}条笔记` : '',
      tags: i % 2 === 0 ? ['断卡', `t${i % 17}`] : [],
      target: {
        url: `https://news.example.cn/${i % 500}.html`,
        title: `页面 ${i % 500}`,
        site: i % 2 ? '中国警察网' : 'Tianshui',
        publishedAt: '2023-05-31',
        script: i % 3 === 1 ? 'zh-Hant' : 'zh-Hans',
        selector: describeSelectors(page, start, start + 20),
      },
      createdAt: new Date(Date.parse(at) + i * 1000).toISOString(),
      updatedAt: new Date(Date.parse(at) + i * 1000).toISOString(),
    };
  }
  return {
    schemaVersion: 3 as const,
    collections: Object.fromEntries(collections.map((c) => [c.id, c])),
    order: collections.map((c) => c.id),
    clips,
  };
}
