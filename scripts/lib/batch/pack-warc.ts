/**
 * Packs pages into WARC response records with warcio (for tests and the bench: real corpus pages, made
 * into the crawl files researchers work from). Each record is its own gzip member when `gzip`, as in
 * Common Crawl.
 */
import { WARCRecord, WARCSerializer } from 'warcio';

export interface PackedPage {
  url: string;
  bytes: Uint8Array;
  /** The HTTP Content-Type the page is served with. */
  contentType: string;
  date?: string;
}

/** The serialized records, one buffer each (their concatenation is the WARC file). */
export async function packWarcRecords(pages: PackedPage[], gzip: boolean): Promise<Uint8Array[]> {
  const records: Uint8Array[] = [];
  for (const page of pages) {
    const record = WARCRecord.create(
      {
        url: page.url,
        date: page.date ?? '2024-05-01T08:00:00Z',
        type: 'response',
        warcVersion: 'WARC/1.1',
        statusline: 'HTTP/1.1 200 OK',
        httpHeaders: { 'Content-Type': page.contentType },
      },
      [page.bytes],
    );
    records.push(await WARCSerializer.serialize(record, { gzip }));
  }
  return records;
}

export async function packWarc(pages: PackedPage[], gzip: boolean): Promise<Buffer> {
  return Buffer.concat(await packWarcRecords(pages, gzip));
}
