/** opencc-js's dictionaries, read from the installed package (for the generators of lib/data tables). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// opencc-js's exports map hides package.json and dist/, so locate the package from its main entry.
const require = createRequire(import.meta.url);
const packageDir = join(dirname(require.resolve('opencc-js')), '../..');
const dictDir = join(packageDir, 'dist/esm-lib/dict');

export const openccVersion: string = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;

/** A dict module is `export default "a b|c d|..."`: its (from, first target) pairs. */
export function readDict(name: string): [string, string][] {
  const source = readFileSync(join(dictDir, `${name}.js`), 'utf8');
  const body = source.slice(source.indexOf('"') + 1, source.lastIndexOf('"'));
  return body.split('|').map((entry) => {
    const [from, to] = entry.split(' ');
    return [from, to];
  });
}
