/**
 * Where the content script's time goes on one page: a V8 CPU profile of the page's main thread
 * (the content script's isolated world included) from navigation until the lens is active, summed
 * by function (self time) for the extension's scripts. For finding costs, not for the figures of
 * the bench (sampling adds overhead). Build unminified for readable names.
 *
 *   node --import tsx bench/profile-content.ts <fixture path> [runs] [top]
 */
import { writeFileSync } from 'node:fs';
import { launchExtension } from '../scripts/lib/extension-browser';
import { sendToTab } from '../scripts/lib/page-state';

const path = process.argv[2] ?? 'pages/seeds/004_daf76fd60bbc25c0.html';
const runs = Number(process.argv[3] ?? 3);
const top = Number(process.argv[4] ?? 40);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const session = await launchExtension();
const self = new Map<string, number[]>();
const inclusive = new Map<string, number>();
try {
  for (let r = 0; r < runs; r++) {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await page.goto(session.fixtureUrl(path), { waitUntil: 'load' });
    let work = 0;
    for (let i = 0; i < 200; i++) {
      const state = await sendToTab(session, page, 'page/state', {});
      if (state.ok && state.value.lens.status === 'active' && state.value.firstPaintMs !== null) {
        work = state.value.lens.workMs;
        break;
      }
      await page.waitForTimeout(25);
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (r === 0) writeFileSync('/tmp/fzl-content.cpuprofile', JSON.stringify(profile));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const totals = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i])!;
      const f = node.callFrame;
      if (!f.url.startsWith('chrome-extension://') && f.url !== '') continue;
      if (f.url === '' && !['(garbage collector)', '(program)'].includes(f.functionName) && !f.functionName) continue;
      const key = f.url === '' ? `${f.functionName || '(native)'}` : `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
    for (const [k, v] of totals) self.set(k, [...(self.get(k) ?? []), v]);
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    for (let i = 0; i < profile.samples.length; i++) {
      const seen = new Set<string>();
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) {
        const f = byId.get(id)!.callFrame;
        if (!f.url.startsWith('chrome-extension://')) continue;
        const key = `${f.functionName || '(anon)'}:${f.lineNumber + 1}`;
        if (seen.has(key)) continue;
        seen.add(key);
        inclusive.set(key, (inclusive.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
      }
    }
    console.log(`run ${r + 1}: workMs ${work}`);
    await page.close();
  }
} finally {
  await session.close();
}
const rows = [...self].map(([k, v]) => [k, v.reduce((a, b) => a + b, 0) / runs] as const).sort((a, b) => b[1] - a[1]);
let extTotal = 0;
for (const [k, v] of rows) if (k.includes('chrome-extension') || k.includes('.js:')) extTotal += v;
console.log(`extension JS self time (mean of ${runs}): ${extTotal.toFixed(1)} ms`);
for (const [k, v] of rows.slice(0, top)) console.log(v.toFixed(2).padStart(8), k);
console.log(`\ninclusive (mean of ${runs})`);
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log((v / runs).toFixed(2).padStart(8), k);
