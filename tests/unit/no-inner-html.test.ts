import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Page text must only ever be rendered as text. The Firefox lint allowlist (scripts/lint-firefox.mjs)
// accepts preact's own innerHTML code path only because no source file uses it.
const root = resolve(import.meta.dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('no HTML injection in extension code', () => {
  it('never uses innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML', () => {
    const files = ['lib', 'entrypoints', 'components'].flatMap((d) => sources(join(root, d)));
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((f) =>
      /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});
