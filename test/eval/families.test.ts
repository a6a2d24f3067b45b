import { expect } from 'chai';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { layoutFamily, loadLayoutFamilies } from '../../src/eval/families.js';
import { PROJECT_ROOT } from '../../src/paths.js';

describe('eval/families', () => {
  const cases: ReadonlyArray<readonly [string, string]> = [
    ['dig.watch single-session event report: title line, date with time range', 'session-report'],
    ['GIP event page with programme: header lines', 'programme-agenda'],
    ['ITU WSIS Forum agenda page: session title', 'programme-agenda'],
    ['Friends of the IGF session page: title', 'session-page'],
    ['EuroDIG wiki session page: Focal Point, Key Participants', 'session-page'],
    ['IGF report template: Session Organizer, Rapporteur', 'session-page'],
    ['NGO author/listing page with two consecutive posts', 'listing'],
    ['Diplo/GIP press release: stamp, dateline', 'news-press'],
    ['Medium blog post: title, subtitle', 'news-press'],
    ['Diplo event page: breadcrumb, title', 'event-page'],
    ['a layout nobody listed', 'other'],
    ['', 'other'],
  ];
  for (const [layout, family] of cases) {
    it(`${JSON.stringify(layout)} -> ${family}`, async () => {
      expect(layoutFamily(layout, await loadLayoutFamilies())).to.equal(family);
    });
  }

  it('puts every development-set page in a family of its own layout, none in "other"', async () => {
    const table = await loadLayoutFamilies();
    const dir = join(PROJECT_ROOT, 'test', 'fixtures', 'devset');
    const golds = (await readdir(dir)).filter((name) => name.endsWith('.json'));
    for (const name of golds) {
      const { layout } = JSON.parse(await readFile(join(dir, name), 'utf8')) as { layout: string };
      expect(layoutFamily(layout, table), name).to.not.equal('other');
    }
  });
});
