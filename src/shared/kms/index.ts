export * from './limits';
export * from './enums';
export * from './errors';
export * from './schemas';
export * from './operations';
