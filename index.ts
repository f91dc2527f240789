/**
 * n8n-nodes-mcu domain library: usable from a Code node or any Node.js program.
 * The n8n nodes in this package are thin adapters over these functions.
 */
export * from './lib/appeal';
export * from './lib/topics';
export * from './lib/calendar';
export * from './lib/deadlines';
export * from './lib/classify';
export * from './lib/conflicts';
export * from './lib/repeats';
export * from './lib/quality';
export * from './lib/rating';
