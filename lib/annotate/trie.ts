/** A code-unit trie for gazetteer terms, with a first-unit flag table so most positions cost one lookup. */

interface TrieNode<T> {
  children: Map<number, TrieNode<T>> | null;
  value: T | null;
}

export interface TrieMatch<T> {
  end: number;
  value: T;
}

export class CodeTrie<T> {
  private readonly root: TrieNode<T> = { children: new Map(), value: null };
  /** 1 where some term starts with this code unit. */
  readonly firstUnit = new Uint8Array(0x10000);
  /** The code units set in `firstUnit`, in the order first added (to combine tables without a 64K scan). */
  readonly firstUnits: number[] = [];

  /** Adds `term` (already simplified); an existing value for the same term is kept. */
  add(term: string, value: T): void {
    let node = this.root;
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i);
      if (node.children === null) node.children = new Map();
      let next = node.children.get(code);
      if (next === undefined) {
        next = { children: null, value: null };
        node.children.set(code, next);
      }
      node = next;
    }
    if (node.value === null) node.value = value;
    const first = term.charCodeAt(0);
    if (this.firstUnit[first] === 0) {
      this.firstUnit[first] = 1;
      this.firstUnits.push(first);
    }
  }

  /** Longest term starting at `at` (ending at or before `limit`), or null. */
  longestAt(codes: Uint16Array, at: number, limit: number): TrieMatch<T> | null {
    if (this.firstUnit[codes[at]] === 0) return null;
    let node: TrieNode<T> | undefined = this.root;
    let best: TrieMatch<T> | null = null;
    for (let i = at; i < limit; i++) {
      const children: Map<number, TrieNode<T>> | null = node.children;
      if (children === null) break;
      node = children.get(codes[i]);
      if (node === undefined) break;
      if (node.value !== null) best = { end: i + 1, value: node.value };
    }
    return best;
  }

  /**
   * For a trie of reversed terms: the longest term ending at `end` (reading backwards, not before `floor`),
   * as the start offset of the match, or -1.
   */
  longestEndingAt(codes: Uint16Array, end: number, floor: number): TrieMatch<T> | null {
    if (end <= floor || this.firstUnit[codes[end - 1]] === 0) return null;
    let node: TrieNode<T> | undefined = this.root;
    let best: TrieMatch<T> | null = null;
    for (let i = end - 1; i >= floor; i--) {
      const children: Map<number, TrieNode<T>> | null = node.children;
      if (children === null) break;
      node = children.get(codes[i]);
      if (node === undefined) break;
      if (node.value !== null) best = { end: i, value: node.value };
    }
    return best;
  }

  /** Every term end starting at `at`, shortest first (for callers that need a fallback). */
  allAt(codes: Uint16Array, at: number, limit: number): TrieMatch<T>[] {
    const found: TrieMatch<T>[] = [];
    if (this.firstUnit[codes[at]] === 0) return found;
    let node: TrieNode<T> | undefined = this.root;
    for (let i = at; i < limit; i++) {
      const children: Map<number, TrieNode<T>> | null = node.children;
      if (children === null) break;
      node = children.get(codes[i]);
      if (node === undefined) break;
      if (node.value !== null) found.push({ end: i + 1, value: node.value });
    }
    return found;
  }
}

/** A trie whose values are the terms' own lengths: for word lists (units, suffixes). */
export function wordTrie(words: readonly string[]): CodeTrie<string> {
  const trie = new CodeTrie<string>();
  for (const word of words) trie.add(word, word);
  return trie;
}
