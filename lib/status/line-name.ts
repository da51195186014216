import type { LineRow } from '../db/schema';

/** "••12": enough for the owner to recognise the line, useless to anyone looking over a shoulder. */
export function maskedDigits(digits: string): string {
  return `••${digits.slice(-2)}`;
}

/**
 * What follows the carrier's name in a line's name (" ••12", " · plan", or nothing), or null when
 * the user named the line: each UI language can then write the carrier's name its own way.
 */
export function lineNameTail(line: Pick<LineRow, 'label' | 'lineDigits' | 'planName'>): string | null {
  if (line.label) return null;
  if (line.lineDigits) return ` ${maskedDigits(line.lineDigits)}`;
  if (line.planName) return ` · ${line.planName}`;
  return '';
}

/** How a line is named everywhere: the user's label, else masked number, else plan name. */
export function lineName(line: Pick<LineRow, 'label' | 'lineDigits' | 'planName'>, carrierLabel: string): string {
  const tail = lineNameTail(line);
  return tail === null ? line.label! : `${carrierLabel}${tail}`;
}

/**
 * One brand of a carrier that sells under two ("Orange / Sosh"): the one whose name is in the host
 * of the line's last page, so a Sosh line says "Sosh" and an Orange line "Orange". Unknown: both.
 */
export function brandOf(label: string, pageUrl: string | null | undefined): string {
  const brands = label.split(' / ');
  if (brands.length < 2 || !pageUrl) return label;
  let host = '';
  try {
    host = new URL(pageUrl).hostname.toLowerCase();
  } catch {
    return label;
  }
  return brands.find((b) => host.split('.').includes(b.toLowerCase())) ?? label;
}
