import { expect } from 'chai';
import { generateCorpus } from '../../bench/corpus.js';

describe('bench/corpus', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = generateCorpus(5, 7);
    expect(generateCorpus(5, 7)).to.deep.equal(a);
    expect(generateCorpus(5, 8).map((report) => report.text)).not.to.deep.equal(a.map((report) => report.text));
  });

  it('writes reports in the observatory layout with 3 to 10 sessions', () => {
    for (const report of generateCorpus(20, 3)) {
      expect(report.text).to.match(/^Digital Peace Forum \d{4} edition \d+\n\n\d+ \w{3} \d{4} to \d+ \w{3} \d{4}\n[^\n]+, [^\n]+\n\n\nEvent report\/s:\n/);
      expect(report.text).to.include('Scroll to Top');
      expect(report.text.startsWith(`${report.event}\n`)).to.equal(true);
      expect(report.sessions.length).to.be.within(3, 10);
      for (const session of report.sessions) {
        expect(report.text).to.include(session.reporter);
        expect(report.text).to.include(`moderated by`);
        for (const speaker of session.speakers) expect(report.text).to.include(speaker);
      }
    }
  });

  it('shares people across reports', () => {
    const corpus = generateCorpus(30, 1);
    const appearances = new Map<string, number>();
    for (const report of corpus) for (const person of report.people) appearances.set(person.name, (appearances.get(person.name) ?? 0) + 1);
    expect([...appearances.values()].some((count) => count > 1)).to.equal(true);
  });
});
