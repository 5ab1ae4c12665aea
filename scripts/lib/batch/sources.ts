/**
 * The CLI's inputs, as a stream of documents: saved pages (`.html`/`.htm`/`.txt`, optionally `.gz`), WARC
 * files (`.warc`, `.warc.gz`; response and resource records with an HTML content type), JSONL files
 * (`{"id"?, "url"?, "html" | "text"}` a line), directories (recursively, the files of those kinds) and `-`
 * (stdin, kind sniffed from its first bytes). Documents are yielded one at a time as they are read, so a
 * crawl of any size passes through in flat memory; bad data yields an error naming the file and the record
 * and reading goes on after it.
 */
import type { ReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip, gunzipSync, constants as zlibConstants } from 'node:zlib';
import { WARCParser } from 'warcio';
import type { DocumentContent, DocumentKey } from '../../../lib/report/page-report';

export type InputKind = 'html' | 'text' | 'warc' | 'jsonl' | 'stdin';

export interface InputFile {
  /** As the user named it (or as found under a named directory); `-` for stdin. */
  path: string;
  kind: InputKind;
  gzip: boolean;
  /** Size in bytes on disk (0 for stdin): what progress and ETA count in. */
  size: number;
  /** The named directory this file was found under, when it was (output shards keep the path below it). */
  root?: string;
}

export interface SourceDocument {
  type: 'document';
  file: string;
  key: DocumentKey;
  content: DocumentContent;
  /** Names the record in messages: `offset 5611`, `line 3`, `id abc`. */
  where?: string;
}

export interface SourceError {
  type: 'error';
  file: string;
  where?: string;
  message: string;
}

export type SourceItem = SourceDocument | SourceError;

/** Kind by name: `.warc[.gz]`, `.jsonl`/`.ndjson[.gz]`, `.html`/`.htm[.gz]`; anything else is text, as the CLI always did. */
export function classify(path: string): { kind: InputKind; gzip: boolean } {
  if (path === '-') return { kind: 'stdin', gzip: false };
  const gzip = /\.gz$/i.test(path);
  const name = gzip ? path.slice(0, -3) : path;
  if (/\.warc$/i.test(name)) return { kind: 'warc', gzip };
  if (/\.(jsonl|ndjson)$/i.test(name)) return { kind: 'jsonl', gzip };
  if (/\.html?$/i.test(name)) return { kind: 'html', gzip };
  return { kind: 'text', gzip };
}

/** Names a directory walk picks up; other files (READMEs, ground truth, images) in a crawl folder are not documents. */
const DIRECTORY_MEMBER = /\.(warc|jsonl|ndjson|html?|txt)(\.gz)?$/i;

/** Expands directories (recursively, sorted for a stable order); a path that does not exist is kept, to fail when read. */
export async function expandInputs(args: string[]): Promise<InputFile[]> {
  const inputs: InputFile[] = [];
  const walk = async (dir: string, root: string) => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path, root);
      else if (entry.isFile() && DIRECTORY_MEMBER.test(entry.name)) inputs.push({ path, ...classify(path), size: (await stat(path)).size, root });
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      inputs.push({ path: '-', kind: 'stdin', gzip: false, size: 0 });
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) await walk(arg, arg);
    else inputs.push({ path: arg, ...classify(arg), size: info?.size ?? 0 });
  }
  return inputs;
}

/** Bytes of input consumed so far, for progress; updated as sources read. */
export interface ReadProgress {
  bytes: number;
}

export async function* readInput(input: InputFile, progress: ReadProgress = { bytes: 0 }): AsyncGenerator<SourceItem> {
  const file = input.path;
  if (input.kind === 'stdin') {
    yield* readStdin(progress);
    return;
  }
  if (input.kind === 'warc') {
    yield* readWarcFile(file, input.gzip, progress);
    return;
  }
  if (input.kind === 'jsonl') {
    let stream: Readable;
    try {
      stream = await openStream(file);
    } catch (error) {
      yield { type: 'error', file, message: messageOf(error) };
      return;
    }
    countBytes(stream, progress);
    yield* readJsonl(file, input.gzip ? stream.pipe(createGunzip()) : stream);
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
    progress.bytes += bytes.length;
    if (input.gzip) bytes = gunzipSync(bytes);
  } catch (error) {
    yield { type: 'error', file, message: messageOf(error) };
    return;
  }
  yield { type: 'document', file, key: {}, content: input.kind === 'html' ? { kind: 'html-bytes', bytes } : { kind: 'text-bytes', bytes } };
}

/** Opens a file for streaming, failing here (not later in the stream) when it cannot be read. */
async function openStream(file: string, start = 0): Promise<ReadStream> {
  const handle = await open(file, 'r');
  return handle.createReadStream({ start, autoClose: true }) as unknown as ReadStream;
}

function countBytes(stream: Readable, progress: ReadProgress): void {
  stream.on('data', (chunk: Buffer) => (progress.bytes += chunk.length));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;

/**
 * The records of one WARC stream from `base` on. Returns where reading stopped (absolute offset), and
 * whether it stopped on an error: warcio ends quietly at a corrupt gzip member or a truncated record, so
 * the caller compares that offset with the file's size.
 */
async function* warcRecords(
  file: string,
  source: AsyncIterable<Uint8Array>,
  base: number,
  gzip: boolean,
): AsyncGenerator<SourceItem, { end: number; failed?: string }> {
  const parser = new WARCParser(source);
  let offset = base;
  try {
    for await (const record of parser) {
      offset = base + parser.offset;
      const type = record.warcType;
      const contentType = record.httpHeaders?.headers.get('content-type') ?? (type === 'resource' ? record.warcContentType : null);
      const isHtml = (type === 'response' || type === 'resource') && HTML_TYPE.test(contentType ?? '');
      const payload = isHtml ? await record.readFully(true) : undefined;
      if (!isHtml) await record.skipFully();
      // warcio does not stop at a gzip member that fails to inflate (bad data, bad CRC): it reads on from
      // there as uncompressed bytes. Its reader then is no longer compressed, and the record is garbage.
      const reader = parser._reader;
      if (gzip && (reader.compressed === null || (reader.inflator?.ended && reader.inflator.err))) {
        return { end: offset, failed: 'corrupt gzip member' };
      }
      // Uncompressed, a record cut short still parses, with less than its Content-Length (compressed, the
      // cut member never inflates and is caught by the end check).
      if (!gzip && parser.recordLength < parser._warcHeadersLength - parser.offset + record.warcContentLength) {
        return { end: offset, failed: `truncated WARC record (${parser.recordLength} of ${parser._warcHeadersLength - parser.offset + record.warcContentLength} bytes)` };
      }
      if (!payload) continue;
      const key: DocumentKey = {
        url: record.warcTargetURI ?? undefined,
        warcRecordId: record.warcHeader('WARC-Record-ID') ?? undefined,
        warcDate: record.warcDate ?? undefined,
        warcOffset: offset,
      };
      yield { type: 'document', file, key, content: { kind: 'html-bytes', bytes: payload, contentType }, where: `offset ${offset}` };
    }
  } catch (error) {
    return { end: offset, failed: messageOf(error) };
  }
  return { end: base + parser.offset };
}

/**
 * A WARC file, resynchronising after bad data: a corrupt gzip member or a truncated record is reported with
 * its offset, and reading resumes at the next gzip member (`1f 8b 08`) or, uncompressed, the next `WARC/1.`
 * line, so every good record after it is still read.
 */
async function* readWarcFile(file: string, gzip: boolean, progress: ReadProgress): AsyncGenerator<SourceItem> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    yield { type: 'error', file, message: messageOf(error) };
    return;
  }
  let start = 0;
  let counted = 0;
  while (start < size) {
    let stream: ReadStream;
    try {
      stream = await openStream(file, start);
    } catch (error) {
      yield { type: 'error', file, message: messageOf(error) };
      return;
    }
    const records = warcRecords(file, stream, start, gzip);
    let step: IteratorResult<SourceItem, { end: number; failed?: string }>;
    while (!(step = await records.next()).done) {
      const item = step.value;
      if (item.type === 'document' && item.key.warcOffset !== undefined && item.key.warcOffset > counted) {
        progress.bytes += item.key.warcOffset - counted;
        counted = item.key.warcOffset;
      }
      yield item;
    }
    stream.destroy();
    const { end, failed } = step.value;
    if (end >= size && !failed) break;
    yield { type: 'error', file, where: `offset ${end}`, message: failed ?? (gzip ? 'corrupt gzip member or truncated WARC record' : 'truncated WARC record') };
    const next = await findNext(file, end + 1, gzip ? GZIP_MAGIC : WARC_MAGIC);
    if (next < 0) break;
    start = next;
  }
  progress.bytes += size - counted;
}

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);
const WARC_MAGIC = Buffer.from('\nWARC/1.');

/** The offset of the next occurrence of `magic` at or after `from` (for `\nWARC/1.`, of the `W`), or -1. */
async function findNext(file: string, from: number, magic: Buffer): Promise<number> {
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let position = from; ; ) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead < magic.length) return -1;
      const at = chunk.subarray(0, bytesRead).indexOf(magic);
      if (at >= 0) return position + at + (magic === WARC_MAGIC ? 1 : 0);
      position += bytesRead - magic.length + 1;
    }
  } finally {
    await handle.close();
  }
}

/** JSONL records, one a line; a line that is not a record is reported by its number and skipped. */
async function* readJsonl(file: string, stream: Readable): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      const item = jsonlRecord(file, line, n);
      if (item) yield item;
    }
  } catch (error) {
    yield { type: 'error', file, where: `line ${n + 1}`, message: messageOf(error) };
  }
}

function jsonlRecord(file: string, line: string, n: number): SourceItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { type: 'error', file, where: `line ${n}`, message: `not JSON (${messageOf(error)})` };
  }
  const record = value as { id?: unknown; url?: unknown; html?: unknown; text?: unknown } | null;
  const id = record && typeof record === 'object' && (typeof record.id === 'string' || typeof record.id === 'number') ? String(record.id) : undefined;
  const where = id === undefined ? `line ${n}` : `line ${n}, id ${id}`;
  if (!record || typeof record !== 'object' || Array.isArray(record)) return { type: 'error', file, where, message: 'not a JSON object' };
  const key: DocumentKey = { ...(id !== undefined ? { id } : {}), ...(typeof record.url === 'string' ? { url: record.url } : {}) };
  if (typeof record.html === 'string') return { type: 'document', file, key, content: { kind: 'html', html: record.html }, where };
  if (typeof record.text === 'string') return { type: 'document', file, key, content: { kind: 'text', text: record.text }, where };
  return { type: 'error', file, where, message: 'has neither an "html" nor a "text" string' };
}

/**
 * stdin, sniffed: gzip is looked into; `WARC/` starts a WARC stream (warcio inflates member by member
 * itself), `{` a JSONL stream, anything else is one page (`<` HTML, else text).
 */
async function* readStdin(progress: ReadProgress): AsyncGenerator<SourceItem> {
  const file = '-';
  const iterator = (process.stdin as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head: Buffer = first.value;
  const rest = (async function* () {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
  })();
  const counted = (async function* () {
    for await (const chunk of rest) {
      progress.bytes += chunk.length;
      yield chunk;
    }
  })();
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  let peek = head;
  if (gzip) {
    try {
      peek = gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    } catch {
      peek = Buffer.alloc(0);
    }
  }
  const start = peek.subarray(0, 64).toString('latin1').trimStart();
  if (start.startsWith('WARC/')) {
    const records = warcRecords(file, counted, 0, gzip);
    let step;
    while (!(step = await records.next()).done) yield step.value;
    // stdin cannot be searched for the next record, so reading stops at the first bad one.
    if (step.value.failed) yield { type: 'error', file, where: `offset ${step.value.end}`, message: step.value.failed };
    return;
  }
  const plain = Readable.from(counted);
  const stream = gzip ? plain.pipe(createGunzip()) : plain;
  if (start.startsWith('{')) {
    yield* readJsonl(file, stream);
    return;
  }
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    yield { type: 'error', file, message: messageOf(error) };
    return;
  }
  const bytes = Buffer.concat(chunks);
  yield { type: 'document', file, key: {}, content: start.startsWith('<') ? { kind: 'html-bytes', bytes } : { kind: 'text-bytes', bytes } };
}
