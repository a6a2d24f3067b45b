/**
 * Small hand-written graphs and gold files with the counts worked out by hand from the scoring rules
 * (GOLD-FORMAT.md, score.py, score2.py). score.test.ts checks our scorer against these counts;
 * python-parity.test.ts checks the independent scorer gives the same on the same files.
 */

export interface ExpectedCounts {
  readonly people: { readonly found: number; readonly predicted: number; readonly gold: number; readonly duplicates: number };
  readonly pairs: { readonly predictedRight: number; readonly predicted: number; readonly goldFound: number; readonly gold: number };
  readonly moderators: { readonly found: number; readonly predicted: number; readonly gold: number };
  readonly dateRight: boolean;
  /** Normalised names, as score.py lists them. */
  readonly missing: readonly string[];
  readonly extra: readonly string[];
}

export interface ScorerCase {
  readonly name: string;
  readonly turtle: string;
  readonly gold: object;
  readonly expected: ExpectedCounts;
}

const PREFIXES = `@prefix schema: <http://schema.org/> .
@prefix s: <https://schema.org/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix pg: <https://w3id.org/peacegraph/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/id/> .
`;

function gold(people: object[], organisations: object[] = [], extra: object = {}): object {
  return { layout: 'hand-made test page', event: { name: 'Test', startDate: null }, reporters: [], sessions: [], people, other_people: [], organisations, ...extra };
}

const nothingElse = { moderators: { found: 0, predicted: 0, gold: 0 }, dateRight: true };

export const SCORER_CASES: readonly ScorerCase[] = [
  {
    name: 'names compare after NFKC, case folding, punctuation and repeated honorifics are removed',
    turtle: `${PREFIXES}
:a a schema:Person ; schema:name "Prof. Dr. ANNA MÜLLER" ; schema:jobTitle "Rector" .
:b a schema:Person ; schema:name "Ｍｓ Lina O’Hara" ; schema:jobTitle "Adviser" .
:c a schema:Person ; schema:name "Sam Okafor" .
:d a schema:Person ; schema:name "H.E. Mr. Ivo Petrov" ; schema:jobTitle "Minister" .
:e a schema:Person ; schema:jobTitle "Nameless officer" .`,
    gold: gold([
      { name: 'Anna Müller', jobTitles: ['Rector'], organisations: [] },
      { name: 'Lina O’Hara', jobTitles: ['Adviser'], organisations: [] },
      { name: 'Ivo Petrov', jobTitles: ['Minister'], organisations: [] },
    ]),
    // :c has neither title nor organisation and :e no name: not counted. "H.E." loses its dots
    // before honorifics are stripped, so "h e mr ivo petrov" stays unmatched (as in score.py).
    expected: {
      people: { found: 2, predicted: 3, gold: 3, duplicates: 0 },
      pairs: { predictedRight: 0, predicted: 0, goldFound: 0, gold: 0 },
      ...nothingElse,
      missing: ['ivo petrov'],
      extra: ['h e mr ivo petrov'],
    },
  },
  {
    name: 'an organisation matches by equal name or acronym, or by a 2+-word label contained in the other',
    turtle: `${PREFIXES}
:a a schema:Person ; schema:name "Ada Lind" ; schema:affiliation :itu .
:itu schema:name "ITU" .
:b a schema:Person ; schema:name "Ben Roy" ; schema:affiliation :tu .
:tu schema:name "Telecommunication Union" .
:c a schema:Person ; schema:name "Cleo Park" ; schema:affiliation :union .
:union schema:name "Union" .
:d a schema:Person ; schema:name "Dan Moe" ; schema:worksFor :wto .
:wto skos:altLabel "the World Trade Organization, Geneva" .`,
    gold: gold([
      { name: 'Ada Lind', organisations: ['International Telecommunication Union'] },
      { name: 'Ben Roy', organisations: ['International Telecommunication Union'] },
      { name: 'Cleo Park', organisations: ['International Telecommunication Union'] },
      { name: 'Dan Moe', organisations: ['World Trade Organization'] },
    ], [{ name: 'International Telecommunication Union', acronym: 'ITU' }, { name: 'World Trade Organization', acronym: null }]),
    // "union" is one word: containment needs two. The WTO label contains the gold name.
    expected: {
      people: { found: 4, predicted: 4, gold: 4, duplicates: 0 },
      pairs: { predictedRight: 3, predicted: 4, goldFound: 3, gold: 4 },
      ...nothingElse,
      missing: [],
      extra: [],
    },
  },
  {
    name: 'a gold organisation is found through parent chains; the predicted pair is judged on the direct organisation',
    turtle: `${PREFIXES}
:a a schema:Person ; schema:name "Eva Holm" ; schema:affiliation :office .
:office schema:name "Office in Geneva" ; schema:parentOrganization :bureau .
:bureau rdfs:label "Regional Bureau" ; org:subOrganizationOf :undp .
:undp schema:name "United Nations Development Programme" ; schema:alternateName "UNDP" .
:m a org:Membership ; org:member :b ; org:organization :unit .
:b a schema:Person ; schema:name "Finn Berg" .
:unit schema:name "Digital Unit" ; schema:parentOrganization :ministry .
:ministry schema:name "Ministry of Finance" ; schema:parentOrganization :unit .`,
    gold: gold([
      { name: 'Eva Holm', organisations: ['UNDP'] },
      { name: 'Finn Berg', organisations: ['Ministry of Finance', 'Digital Unit'] },
    ], [{ name: 'United Nations Development Programme', acronym: 'UNDP' }, { name: 'Ministry of Finance', acronym: null }]),
    // Eva: one pair predicted (Office in Geneva: wrong), UNDP found two levels up. Finn, through
    // org:Membership: one pair (Digital Unit: right); both gold organisations found; the loop
    // unit -> ministry -> unit ends.
    expected: {
      people: { found: 2, predicted: 2, gold: 2, duplicates: 0 },
      pairs: { predictedRight: 1, predicted: 2, goldFound: 3, gold: 3 },
      ...nothingElse,
      missing: [],
      extra: [],
    },
  },
  {
    name: 'two nodes with one name count once as found and add a duplicate; both nodes\' organisations are predicted pairs',
    turtle: `${PREFIXES}
:a1 a schema:Person ; schema:name "Ana Silva" ; schema:affiliation :wipo .
:a2 a schema:Person ; schema:name "Ms Ana Silva" ; schema:affiliation :oecd .
:wipo schema:name "World Intellectual Property Organization" .
:oecd schema:name "OECD" .
:r a schema:Person ; schema:name "Raj Patel" ; s:worksFor :role .
:role a s:Role ; s:worksFor :wipo .`,
    gold: gold([
      { name: 'Ana Silva', organisations: ['WIPO'] },
      { name: 'Raj Patel', organisations: ['World Intellectual Property Organization'] },
    ], [{ name: 'World Intellectual Property Organization', acronym: 'WIPO' }]),
    // Raj's affiliation goes through a schema:Role node in the https namespace.
    expected: {
      people: { found: 2, predicted: 2, gold: 2, duplicates: 1 },
      pairs: { predictedRight: 2, predicted: 3, goldFound: 2, gold: 2 },
      ...nothingElse,
      missing: [],
      extra: [],
    },
  },
  {
    name: 'moderators come from moderator participations and pg:moderator, without needing a title',
    turtle: `${PREFIXES}
:p1 pg:participant :kim ; pg:role pg:ModeratorRole .
:kim schema:name "Kim Lee" .
:p2 pg:participant :tom ; pg:role pg:SpeakerRole .
:tom schema:name "Tom Ek" .
:session pg:moderator :ola .
:ola schema:name "Dr Ola Nord" .`,
    gold: gold([{ name: 'Ola Nord', roles: ['speaker', 'moderator'], organisations: ['UNICEF'] }], [], {
      sessions: [{ title: null, moderators: ['Kim Lee', 'Pia Sund'], speakers: [] }],
    }),
    expected: {
      people: { found: 0, predicted: 0, gold: 1, duplicates: 0 },
      pairs: { predictedRight: 0, predicted: 0, goldFound: 0, gold: 1 },
      moderators: { found: 2, predicted: 2, gold: 3 },
      dateRight: true,
      missing: ['ola nord'],
      extra: [],
    },
  },
  {
    name: 'the start date is the first 10 characters of a top-level event\'s schema:startDate',
    turtle: `${PREFIXES}
:event a schema:Event ; schema:startDate "2022-03-14T10:00:00+01:00"^^xsd:dateTime .
:session a schema:Event ; schema:superEvent :event ; schema:startDate "2022-03-15"^^xsd:date .`,
    gold: gold([], [], { event: { name: 'Test', startDate: '2022-03-14', endDate: null, location: null } }),
    expected: {
      people: { found: 0, predicted: 0, gold: 0, duplicates: 0 },
      pairs: { predictedRight: 0, predicted: 0, goldFound: 0, gold: 0 },
      ...nothingElse,
      missing: [],
      extra: [],
    },
  },
  {
    name: 'a session\'s date is not the event\'s: the start date is wrong',
    turtle: `${PREFIXES}
:event a s:Event ; s:startDate "2022-03-14"^^xsd:date .
:session a s:Event ; s:superEvent :event ; s:startDate "2022-03-15"^^xsd:date .`,
    gold: gold([], [], { event: { name: 'Test', startDate: '2022-03-15', endDate: null, location: null } }),
    expected: {
      people: { found: 0, predicted: 0, gold: 0, duplicates: 0 },
      pairs: { predictedRight: 0, predicted: 0, goldFound: 0, gold: 0 },
      moderators: { found: 0, predicted: 0, gold: 0 },
      dateRight: false,
      missing: [],
      extra: [],
    },
  },
];
