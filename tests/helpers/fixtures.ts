import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export interface ExpectedReading {
  lineDigits: string | null;
  planName: string | null;
  bucket: string;
  usedBytes: number | null;
  totalBytes: number | null;
  unlimited: boolean;
  remainingBytes: number | null;
  /** YYYY-MM-DD (UTC day) or null. */
  periodEnd: string | null;
  /** 'expiry' (prepaid validity) or 'renewal' (bill cycle), when periodEnd is stated. */
  periodEndKind?: 'expiry' | 'renewal';
  /** ISO time, compared to the minute, or null. */
  pageSaysUpdatedAt: string | null;
  generic?: boolean;
}

export interface FixtureExpectation {
  url: string;
  now: string;
  /**
   * Same-origin frame documents the page loads: frame src URL → a `<name>.frame.html` file beside
   * the fixture. The unit harness inlines them (happy-dom loads no frame pages); the e2e serves them
   * at their URLs.
   */
  frames?: Record<string, string>;
  result: { ok: true; readings: ExpectedReading[] } | { ok: false; reason: string };
}

export interface Fixture {
  carrierId: string;
  name: string;
  htmlPath: string;
  html: string;
  /** The frame documents named by the sidecar's `frames`, by src URL. */
  frames: Record<string, string>;
  expected: FixtureExpectation;
}

/** Every `tests/fixtures/<carrier>/<name>.html` with its `<name>.expected.json` sidecar. */
export function loadFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const carrierId of readdirSync(FIXTURES_DIR).sort()) {
    const dir = join(FIXTURES_DIR, carrierId);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.html') && !f.endsWith('.frame.html')).sort()) {
      const name = file.slice(0, -'.html'.length);
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as FixtureExpectation;
      const frames = Object.fromEntries(Object.entries(expected.frames ?? {}).map(([src, frame]) => [src, readFileSync(join(dir, frame), 'utf8')]));
      fixtures.push({ carrierId, name, htmlPath: join(dir, file), html: readFileSync(join(dir, file), 'utf8'), frames, expected });
    }
  }
  return fixtures;
}

/** Parses saved HTML the way a page script-free browser would: DOMParser never runs scripts. */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * A fixture's page with its same-origin frames in place, as a browser would show it: each frame
 * named in the sidecar is inlined as `srcdoc` (same origin as the page, like the real frame).
 */
export function parseFixture(fixture: Pick<Fixture, 'html' | 'frames'>, into?: Document): Document {
  let html = fixture.html;
  for (const [src, frame] of Object.entries(fixture.frames)) {
    const escaped = frame.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    html = html.split(`src="${src}"`).join(`srcdoc="${escaped}"`);
  }
  // Any other frame is another origin's: a browser shows the page nothing of it, so it goes
  // (happy-dom would only log that it loads no frame pages). The e2e tests serve one for real.
  html = html.replace(/<iframe\b[^>]*\ssrc="[^"]*"[^>]*>\s*<\/iframe>/gi, '');
  if (!into) return attachDeclarativeShadowRoots(parseHtml(html));
  // Into a live document (the test window's): no new window per page, so thousands of runs fit.
  into.documentElement.innerHTML = /<html[^>]*>([\s\S]*)<\/html>/i.exec(html)?.[1] ?? html;
  return attachDeclarativeShadowRoots(into);
}

/**
 * What a browser's HTML parser does with `<template shadowrootmode="open">` and DOMParser does
 * not: attach it as the host's shadow root (innermost first, so nested ones attach too).
 */
export function attachDeclarativeShadowRoots(doc: Document): Document {
  const attach = (root: ParentNode) => {
    for (const template of Array.from(root.querySelectorAll('template[shadowrootmode]')).reverse()) {
      const host = template.parentElement;
      if (!host || host.shadowRoot) continue;
      const mode = template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open';
      const content = (template as HTMLTemplateElement).content;
      attach(content);
      const shadow = host.attachShadow({ mode });
      shadow.append(...Array.from(content.childNodes));
      template.remove();
    }
  };
  attach(doc);
  return doc;
}
