/**
 * Charts: the collected figures and mentions, a few fields per clip (lib/charts), for the side
 * panel's compact chart. The manager holds every clip already and builds the same data itself.
 */
import type { ChartData } from '../../charts/figures';
import { LIMITS } from '../../collections';
import { object, optional, string } from '../schema';
import type { MessageSpec } from '../spec';

export const chartsMessages = {
  /** Figures and operation/agency mentions of one collection, or of all. */
  'charts/data': {
    from: ['extension'],
    to: 'background',
    request: object({ collectionId: optional(string({ min: 1, max: LIMITS.idLength })) }),
  },
} as const satisfies Record<string, MessageSpec>;

export interface ChartsResponses {
  'charts/data': ChartData;
}
