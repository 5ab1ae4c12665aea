/**
 * #19 item 3 (in part): text over ~33.5 M Chinese characters exceeded Chromium's 64 MiB message before the
 * 40 M check, so the reader saw "后台未响应" instead of "too large", and that message was English only.
 */
import { describe, expect, it } from 'vitest';
import { errorText } from '../../../components/collections/labels';
import { MAX_IMPORT_CHARS, parseImportText } from '../../../lib/collections/import';
import { createTranslator } from '../../../lib/i18n';

/** Chromium's limit on one extension message, and the two bytes a character the text travels at. */
const MESSAGE_LIMIT_BYTES = 64 * 1024 * 1024;

describe('import size', () => {
  it('refuses, before sending, any text one message could not carry', () => {
    expect(MAX_IMPORT_CHARS * 2).toBeLessThan(MESSAGE_LIMIT_BYTES);
    const refused = parseImportText('x'.repeat(MAX_IMPORT_CHARS + 1));
    expect(!refused.ok && refused.error.code).toBe('TOO_LARGE');
  });

  it('says "too large" in the interface language', () => {
    const error = { code: 'TOO_LARGE', message: 'The file is too large to import (40000001 characters; at most 40000000).' };
    expect(errorText(error, createTranslator('zh_CN'))).toMatch(/^文件太大，无法导入/);
    expect(errorText(error, createTranslator('zh_TW'))).toMatch(/^檔案太大，無法匯入/);
    expect(errorText(error, createTranslator('en'))).toMatch(/^The file is too large to import \(at most 32,000,000/);
  });
});
