export * from './protocol';
export * from './result';
export * from './router';
export * from './client';
export * as schema from './schema';
