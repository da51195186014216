/**
 * Runs Mozilla's addons-linter (what addons.mozilla.org runs on upload) on the built Firefox zip.
 * Fails on any error, and on any warning or notice that is not in ALLOWED below. Usage:
 * `npm run lint:firefox` after `npm run build`; the e2e suite (tests/e2e/addons-lint.e2e.ts) runs
 * it inside `npm test`.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export interface LintMessage {
  _type: 'error' | 'warning' | 'notice';
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface AllowedWarning {
  code: string;
  /** The built file the warning must come from (a regular expression on its path in the zip). */
  file: RegExp;
  message: RegExp;
  /** Why it is acceptable; the README's "Security checks" section repeats it. */
  why: string;
}

/**
 * Warnings that come from libraries, not from our code, each pinned to its code, file and message
 * so that a new warning of the same kind elsewhere still fails.
 */
export const ALLOWED: readonly AllowedWarning[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Whichever chunk holds Preact: the popup's today, a shared one once several pages use it.
    file: /^chunks\/[\w.-]+\.js$/,
    message: /^Unsafe assignment to innerHTML$/,
    why:
      'Preact’s renderer sets `innerHTML` only for the `dangerouslySetInnerHTML` prop, which no component of ours ' +
      'uses (tests/e2e/no-remote-code.e2e.ts checks the sources); every other text goes through text nodes.',
  },
];

export interface LintOutcome {
  zip: string;
  errors: LintMessage[];
  /** Warnings and notices not covered by ALLOWED. */
  unexpected: LintMessage[];
  allowed: LintMessage[];
}

export function firefoxZip(outputDir = resolve('.output')): string {
  const zips = readdirSync(outputDir).filter((name) => name.endsWith('-firefox.zip'));
  if (zips.length !== 1) throw new Error(`Expected one *-firefox.zip in ${outputDir}, found ${zips.length}: run npm run build`);
  return join(outputDir, zips[0]!);
}

export async function lintFirefox(zip = firefoxZip()): Promise<LintOutcome> {
  const bin = resolve('node_modules/addons-linter/bin/addons-linter');
  // The linter exits non-zero when it finds errors; its JSON report is on stdout either way.
  const stdout = await promisify(execFile)(process.execPath, [bin, '--output', 'json', '--boring', zip], { maxBuffer: 32 * 1024 ** 2 })
    .then((r) => r.stdout)
    .catch((error: { stdout?: string }) => {
      if (error.stdout) return error.stdout;
      throw error;
    });
  const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  const isAllowed = (m: LintMessage) =>
    ALLOWED.some((a) => a.code === m.code && a.file.test(m.file ?? '') && a.message.test(m.message));
  const others = [...report.warnings, ...report.notices];
  return { zip, errors: report.errors, unexpected: others.filter((m) => !isAllowed(m)), allowed: others.filter(isAllowed) };
}

const describeMessage = (m: LintMessage) => `${m._type} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} — ${m.message}`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outcome = await lintFirefox();
  for (const m of outcome.allowed) console.log(`allowed: ${describeMessage(m)}`);
  for (const m of [...outcome.errors, ...outcome.unexpected]) console.error(`NOT ALLOWED: ${describeMessage(m)}`);
  const bad = outcome.errors.length + outcome.unexpected.length;
  console.log(`addons-linter on ${outcome.zip}: ${outcome.errors.length} errors, ${outcome.unexpected.length} unexpected warnings, ${outcome.allowed.length} allowed`);
  process.exit(bad === 0 ? 0 : 1);
}
