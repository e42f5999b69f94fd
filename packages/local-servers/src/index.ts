export * from './kafka';
export * from './mongo';
