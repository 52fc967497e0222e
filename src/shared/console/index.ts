// The console's own HTTP contract (config, session, CONSOLE.* codes), shared by the server
// and the browser. zod/mini only: it ships to the browser. Imports nothing but src/shared/kms.
export * from './auth-modes';
export * from './config';
export * from './errors';
export * from './routes';
export * from './session';
