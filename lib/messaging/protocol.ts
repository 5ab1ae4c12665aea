/**
 * The one message protocol between content scripts, extension pages (popup, options, manager)
 * and the background worker. Each message names who may send it, who answers it, the schema its
 * request must pass, and (as a type) what it answers. Features declare their messages in
 * `messages/<feature>.ts`; this file puts them together.
 */
import { coreMessages, type CoreResponses } from './messages/core';
import { pageMessages, type PageResponses } from './messages/page';
import { collectionsMessages, type CollectionsResponses } from './messages/collections';
import { convertMessages, type ConvertResponses } from './messages/convert';
import { sitesMessages, type SitesResponses } from './messages/sites';
import { chartsMessages, type ChartsResponses } from './messages/charts';
import type { Infer } from './schema';
import type { MessageSpec } from './spec';

export type { MessageSpec, Receiver, SenderKind } from './spec';
export type { PingResponse } from './messages/core';
export type { PageState } from './messages/page';
export type { ScriptState } from './messages/convert';
export type { SiteStatus } from './messages/sites';

export const messages = {
  ...coreMessages,
  ...pageMessages,
  ...collectionsMessages,
  ...convertMessages,
  ...sitesMessages,
  ...chartsMessages,
} as const satisfies Record<string, MessageSpec>;

export interface Responses extends CoreResponses, PageResponses, CollectionsResponses, ConvertResponses, SitesResponses, ChartsResponses {}

export type MessageName = keyof typeof messages;
export type RequestOf<N extends MessageName> = Infer<(typeof messages)[N]['request']>;
export type ResponseOf<N extends MessageName> = N extends keyof Responses ? Responses[N] : never;

/** What travels on the wire. The `fzl` tag lets us ignore other extensions' and libraries' messages. */
export interface Envelope<N extends MessageName = MessageName> {
  fzl: 1;
  name: N;
  request: RequestOf<N>;
}

export const envelope = <N extends MessageName>(name: N, request: RequestOf<N>): Envelope<N> => ({
  fzl: 1,
  name,
  request,
});
