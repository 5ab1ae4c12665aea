/** What the reader wants to see. `original` means: no conversion, show the page as served. */
export type Target = 'original' | 'cn' | 'tw' | 'twp' | 'hk';

/**
 * What the page is written in, in opencc-js locale names: `cn` simplified, `tw`/`hk` regional
 * traditional, `t` OpenCC's standard traditional (use it when the region is unknown).
 */
export type SourceScript = 'cn' | 'tw' | 'hk' | 't';

/**
 * `char`: the conversion keeps code points one to one (every OpenCC config except the
 * phrase-replacing `*p` ones); `phrase`: whole words may be replaced by words of another length
 * (软件 → 軟體, U盘 → 隨身碟).
 */
export type ConversionKind = 'char' | 'phrase';

/** Many text blocks in, the same number of converted blocks out (the worker's batch API). */
export type ConvertTexts = (texts: string[]) => Promise<string[]>;

/** The text of one block-level element, made of the text nodes of its inline descendants. */
export interface TextBlock {
  nodes: Text[];
  /** `nodes[i].data` at collection time. */
  segments: string[];
  /** `segments.join('')`. */
  text: string;
}

export interface AttributeText {
  element: Element;
  name: string;
  value: string;
}
