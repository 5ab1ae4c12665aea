import { containsHan } from './han';
import type { ConversionKind, TextBlock } from './types';

/** How blocks are cut into messages to the worker. */
export interface ChunkSizes {
  /** Characters sent in the first message: small, so the first blocks (the article) come back fast. */
  first: number;
  /** Each later message may hold twice as many characters as the one before, up to this. */
  max: number;
  /** Texts per message (the message schema refuses more than 5,000). */
  maxTexts: number;
}

/** One message to the worker. */
export interface Chunk {
  blocks: TextBlock[];
  /** The block texts, then (phrase conversions) the Han segments of multi-node blocks, each alone. */
  texts: string[];
  /** Per block: for each segment, its index in `texts`, or -1 when it has no Han character (it
   * converts to itself). Absent for blocks whose segments are not sent. */
  segmentSlots: (number[] | undefined)[];
}

export interface ConvertedBlock {
  block: TextBlock;
  converted: string;
  /** Each segment converted on its own (phrase conversions of multi-node blocks). */
  segmentsConverted?: string[];
}

/**
 * Cuts blocks into chunks of growing size. For phrase conversions, every multi-node block also sends
 * its segments, each converted alone (splitConverted needs them to pin the boundaries no phrase
 * spans): in the same message, so that no block waits for a second round trip. Only segments with
 * a Han character are sent: no OpenCC dictionary key without one changes (checked on opencc-js
 * 1.4.2's dictionaries), so the others convert to themselves.
 */
export function planChunks(blocks: TextBlock[], kind: ConversionKind, sizes: ChunkSizes): Chunk[] {
  const chunks: Chunk[] = [];
  let current: Chunk = { blocks: [], texts: [], segmentSlots: [] };
  let segments: string[] = [];
  let characters = 0;
  let limit = sizes.first;

  const close = () => {
    if (current.blocks.length === 0) return;
    current.texts.push(...segments);
    chunks.push(current);
    current = { blocks: [], texts: [], segmentSlots: [] };
    segments = [];
    characters = 0;
    limit = Math.min(sizes.max, limit * 2);
  };

  for (const block of blocks) {
    const sendsSegments = kind === 'phrase' && block.nodes.length > 1;
    let size = block.text.length;
    let count = 1;
    if (sendsSegments) {
      for (const segment of block.segments) {
        if (containsHan(segment)) {
          size += segment.length;
          count++;
        }
      }
    }
    if (
      current.blocks.length > 0 &&
      (characters + size > limit || current.texts.length + segments.length + count > sizes.maxTexts)
    ) {
      close();
    }
    current.blocks.push(block);
    current.texts.push(block.text);
    characters += size;
    if (!sendsSegments) {
      current.segmentSlots.push(undefined);
      continue;
    }
    // Slots are relative to the segment list; made absolute when the chunk is read.
    current.segmentSlots.push(block.segments.map((segment) => (containsHan(segment) ? segments.push(segment) - 1 : -1)));
  }
  close();
  return chunks;
}

/** Pairs the worker's answer to a chunk with the chunk's blocks. */
export function readChunk(chunk: Chunk, converted: string[]): ConvertedBlock[] {
  if (converted.length !== chunk.texts.length) {
    throw new Error(`converted batch holds ${converted.length} texts, ${chunk.texts.length} were sent`);
  }
  const segmentsStart = chunk.blocks.length;
  return chunk.blocks.map((block, i) => {
    const slots = chunk.segmentSlots[i];
    if (!slots) return { block, converted: converted[i] };
    const segmentsConverted = slots.map((slot, k) => (slot < 0 ? block.segments[k] : converted[segmentsStart + slot]));
    return { block, converted: converted[i], segmentsConverted };
  });
}
