/**
 * Frame-sized writing (issue #17, no jank): conversion and restore write at most a frame's worth of
 * characters (plus the block in hand) before letting the page render, what is on screen first, and
 * end with exactly the text an all-at-once run gives.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createConverterCache, createPageConversion, type ConvertTexts } from '../../../lib/convert';

const cache = createConverterCache();
const cnToTw: ConvertTexts = (texts) => cache.convertTexts(texts, 'cn', 'tw');
const noYield = async () => {};
const PARAGRAPH = '警方开展断卡行动，打掉诈骗团伙后台软件，冻结涉案资金三千万元。';

function page(paragraphs: number) {
  const body = Array.from({ length: paragraphs }, (_, i) => `<p id="p${i}">${i}：${PARAGRAPH}</p>`).join('');
  return parseHTML(`<!doctype html><html><head><title>断卡</title></head><body>${body}</body></html>`).document;
}

/** Traditional characters in the page's text: how much has been written converted. */
const convertedParagraphs = (document: Document) => [...document.querySelectorAll('p')].filter((p) => p.textContent!.includes('斷卡')).map((p) => p.id);

describe('frame-sized conversion and restore', () => {
  it('writes a frame’s worth of characters between frames and ends as an all-at-once run does', async () => {
    const framed = page(60);
    const whole = page(60);
    const perFrame: number[] = [];
    let before = 0;
    const conversion = createPageConversion(framed, {
      yieldToPage: noYield,
      frameCharacters: 200,
      nextFrame: async () => {
        const now = convertedParagraphs(framed).length;
        perFrame.push(now - before);
        before = now;
      },
    });
    await conversion.convertTo('tw', cnToTw);
    await createPageConversion(whole, { yieldToPage: noYield }).convertTo('tw', cnToTw);
    expect(framed.body.innerHTML).toBe(whole.body.innerHTML);
    // 60 paragraphs of ~35 characters at 200 a frame: about ten frames, none over 200 + one block.
    expect(perFrame.length).toBeGreaterThanOrEqual(9);
    const paragraphLength = PARAGRAPH.length + 4;
    for (const count of perFrame) expect(count * paragraphLength).toBeLessThanOrEqual(200 + paragraphLength * 2);
  });

  it('converts and restores what is on screen first, and restores exactly', async () => {
    const document = page(40);
    const original = document.body.innerHTML;
    const onScreen = new Set(['p30', 'p31', 'p32']);
    const firstFrame: string[][] = [];
    let phase: 'convert' | 'restore' = 'convert';
    const conversion = createPageConversion(document, {
      yieldToPage: noYield,
      chunkCharacters: 100_000,
      frameCharacters: 100,
      isOnScreen: (node) => onScreen.has((node.parentElement ?? (node as Element)).id),
      nextFrame: async () => {
        if (firstFrame.length === (phase === 'convert' ? 0 : 1)) {
          const converted = convertedParagraphs(document);
          firstFrame.push(phase === 'convert' ? converted : [...document.querySelectorAll('p')].map((p) => p.id).filter((id) => !converted.includes(id)));
        }
      },
    });
    await conversion.convertTo('tw', cnToTw);
    expect(convertedParagraphs(document)).toHaveLength(40);
    phase = 'restore';
    await conversion.restoreInFrames();
    expect(document.body.innerHTML).toBe(original);
    expect(document.title).toBe('断卡');
    expect(conversion.target).toBe('original');
    // At the first frame of each, the on-screen paragraphs (and only about a frame's worth) are done.
    for (const done of firstFrame) {
      expect(done).toEqual(expect.arrayContaining([...onScreen]));
      expect(done.length).toBeLessThanOrEqual(6);
    }
    expect(firstFrame).toHaveLength(2);
  });

  it('a conversion started during a framed restore starts from the original text of every node', async () => {
    const document = page(30);
    const expected = page(30);
    await createPageConversion(expected, { yieldToPage: noYield }).convertTo('tw', (texts) => cache.convertTexts(texts, 'cn', 'hk'));
    let frames = -1_000; // no pause while converting
    let resume: (() => void) | null = null;
    const conversion = createPageConversion(document, {
      yieldToPage: noYield,
      frameCharacters: 150,
      nextFrame: () => (++frames === 3 ? new Promise<void>((r) => (resume = r)) : Promise.resolve()),
    });
    await conversion.convertTo('tw', cnToTw);
    frames = 0;
    const restoring = conversion.restoreInFrames();
    await new Promise((r) => setTimeout(r, 0));
    expect(resume).not.toBeNull(); // the restore is paused mid-way, some nodes restored, some not
    const partly = convertedParagraphs(document).length;
    expect(partly).toBeGreaterThan(0);
    expect(partly).toBeLessThan(30);
    frames = 100; // no more pauses
    const converting = conversion.convertTo('hk', (texts) => cache.convertTexts(texts, 'cn', 'hk'));
    resume!();
    await Promise.all([restoring, converting]);
    expect(document.body.innerHTML).toBe(expected.body.innerHTML);
    conversion.restore();
    expect(document.body.innerHTML).toBe(page(30).body.innerHTML);
  });
});
