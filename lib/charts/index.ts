/** Charts of collected figures: data from clips, filters, series by unit and measure, layout, palette. */
export * from './figures';
export * from './filters';
export * from './series';
export * from './scale';
export * from './layout';
export * from './timeline';
export * from './palette';
