import { chartDataOf } from '@/lib/charts';
import { MessageError, type Handlers } from '@/lib/messaging';
import { state } from './collections';

/** The figures and mentions the side panel's chart plots, from the worker's loaded clips. */
export function chartsHandlers(): Handlers<'background'> {
  return {
    'charts/data': async ({ collectionId }) => {
      const current = await state();
      if (collectionId !== undefined && !Object.prototype.hasOwnProperty.call(current.collections, collectionId))
        throw new MessageError('not-found', `NOT_FOUND: no collection ${collectionId}`);
      const clips = Object.values(current.clips);
      return chartDataOf(collectionId === undefined ? clips : clips.filter((c) => c.collectionIds.includes(collectionId)));
    },
  };
}
