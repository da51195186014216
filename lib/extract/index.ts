// The shared text grammar: adapters and the generic reader import from here.
export * from './numbers';
export * from './units';
export * from './text';
export * from './unlimited';
export * from './phrases';
export * from './dates';
export { findRelative, type RelativeOptions } from './relative';
export * from './digits';
export { zonedParts, zonedTime } from '../time/calendar';
export * from './line-number';
