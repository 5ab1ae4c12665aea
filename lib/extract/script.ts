import { scriptEvidence } from '../convert/detect';
import { containsHan } from '../convert/han';
import type { Script } from './types';

/**
 * Tells simplified from traditional Chinese for an article, by the same evidence the script
 * conversion weighs (characters that exist in only one script, from OpenCC's tables; one detector
 * for the whole product). Shared characters say nothing. An article is one script when at least
 * 80 % of its distinctive characters are; Chinese text with no distinctive character, or a real
 * mix of both, is `mixed`. A sample decides: a 200,000-character article need not be read whole.
 */
export function detectScript(text: string, limit = 20_000): Script {
  const { simplified, traditional } = scriptEvidence(text, limit);
  const distinctive = simplified + traditional;
  if (distinctive === 0) return containsHan(text.slice(0, limit)) ? 'mixed' : 'none';
  if (simplified >= distinctive * 0.8) return 'zh-Hans';
  if (traditional >= distinctive * 0.8) return 'zh-Hant';
  return 'mixed';
}
