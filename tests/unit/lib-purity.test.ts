import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// lib/ is pure TypeScript: no extension APIs, no page globals (DOM code takes a root node), so the
// same code runs in the content script, the worker, the CLI and the unit tests.
const root = resolve(import.meta.dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}
const GLOBALS = ['browser', 'chrome', 'window', 'document', 'location', 'navigator', 'localStorage'];

describe('lib/ purity', () => {
  it('uses no extension API and no page global', () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'lib'))) {
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '')
        .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
      if (/from\s+''/.test(code) && /from\s+['"]wxt/.test(readFileSync(file, 'utf8'))) offenders.push(`${relative(root, file)}: imports wxt`);
      for (const name of GLOBALS) {
        // A local binding of the same name (a parameter or const) is not the global.
        const declared = new RegExp(`(?:const|let|var|function)\\s+${name}\\b|[(,]\\s*${name}\\s*[:,)]`).test(code);
        if (!declared && new RegExp(`(?<![\\w.$])${name}\\.`).test(code)) offenders.push(`${relative(root, file)}: ${name}.`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
