import type { LineRow } from '../db/schema';

/** "••12": enough for the owner to recognise the line, useless to anyone looking over a shoulder. */
export function maskedDigits(digits: string): string {
  return `••${digits.slice(-2)}`;
}

/** How a line is named everywhere: the user's label, else masked number, else plan name. */
export function lineName(line: Pick<LineRow, 'label' | 'lineDigits' | 'planName'>, carrierLabel: string): string {
  if (line.label) return line.label;
  if (line.lineDigits) return `${carrierLabel} ${maskedDigits(line.lineDigits)}`;
  if (line.planName) return `${carrierLabel} · ${line.planName}`;
  return carrierLabel;
}
