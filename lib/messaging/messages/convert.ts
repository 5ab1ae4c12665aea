import { array, literal, object, optional, string } from '../schema';
import type { MessageSpec } from '../spec';

/** Script targets a reader can choose: 原文, 简体, 繁體, 繁體·臺灣用語, 繁體·香港. */
export const SCRIPT_TARGETS = ['original', 'cn', 'tw', 'twp', 'hk'] as const;

export const convertMessages = {
  /** Content script → background: a batch of text blocks converted by the worker's opencc-js. */
  'convert/texts': {
    from: ['content', 'extension'],
    to: 'background',
    request: object({
      from: literal('cn', 'tw', 'hk', 't'),
      to: literal('cn', 'tw', 'twp', 'hk'),
      // A batch is a chunk of ~6,000 characters in practice; the bounds only stop abuse.
      texts: array(string({ max: 200_000 }), { max: 5_000 }),
    }),
  },
  /**
   * Content script → background: build the converter for a direction now (loading its dictionaries),
   * because the reader opened the popup and is likely to switch script: building cn→tw costs ~190 ms,
   * which would otherwise be paid by the first switch.
   */
  'convert/prepare': {
    from: ['content', 'extension'],
    to: 'background',
    request: object({
      from: literal('cn', 'tw', 'hk', 't'),
      to: literal('cn', 'tw', 'twp', 'hk'),
      // Some of the page's text, converted once and dropped: the converter's code is then compiled
      // for real input before the reader's switch, which otherwise pays for it on the whole page.
      sample: optional(string({ max: 20_000 })),
    }),
  },
  /** Popup (or the keyboard command) → content script: show the page in this script. */
  'page/setScript': {
    from: ['extension'],
    to: 'content',
    request: object({ target: literal(...SCRIPT_TARGETS) }),
  },
  /** Keyboard command → content script: toggle between the original and the other script. */
  'page/toggleScript': {
    from: ['extension'],
    to: 'content',
    request: object({}),
  },
} as const satisfies Record<string, MessageSpec>;

export interface ScriptState {
  /** The page's own script, detected from its text. */
  source: 'zh-Hans' | 'zh-Hant' | 'none';
  /** What the page shows now. */
  target: (typeof SCRIPT_TARGETS)[number];
  /** A conversion is running. */
  busy: boolean;
  /** Last conversion: text nodes rewritten and time taken (ms), for the popup and the bench. */
  changedNodes: number;
  ms: number;
  error: string | null;
}

export interface ConvertResponses {
  'convert/texts': { texts: string[] };
  /** Whether this call started building the converter (false: it was built or being built), and how long it waited (ms). */
  'convert/prepare': { built: boolean; ms: number };
  'page/setScript': ScriptState;
  'page/toggleScript': ScriptState;
}
