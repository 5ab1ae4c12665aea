import type { MessageName, RequestOf, ResponseOf, Result } from '@/lib/messaging';

/** A typed message sender (to the background, or to one tab's content script), injected by the page. */
export type Send = <N extends MessageName>(name: N, request: RequestOf<N>) => Promise<Result<ResponseOf<N>>>;
