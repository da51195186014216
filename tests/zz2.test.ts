import { it } from 'vitest';
import { pageText } from '@/lib/extract/text';
import { loadFixtures, parseFixture } from './helpers/fixtures';
it('x', () => {
  const f = loadFixtures().find((x) => `${x.carrierId}/${x.name}`.includes(process.env.FX!))!;
  const page = pageText(parseFixture(f));
  console.log(JSON.stringify(page.text));
  console.log(page.pieces.map((p) => `${p.owner.localName}:${p.value.trim()}`).join(' | '));
});
