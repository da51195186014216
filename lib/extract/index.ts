// The shared text grammar: adapters and the generic reader import from here.
export * from './numbers';
export * from './units';
