/**
 * Synthetic observatory reports for benchmarks: the sample's layout (header, "Event report/s:",
 * sections starting at the reporter's name, a repeated teaser, speaker patterns, a closing
 * description, the footer), deterministic from a seed, with people and organisations shared across
 * reports. Each report comes with the entities it states, so extraction can be scored at scale.
 */
export interface ExpectedPerson {
  readonly name: string;
  readonly organisation: string;
  readonly acronym: string;
}

export interface ExpectedSession {
  readonly reporter: string;
  readonly moderator: string;
  readonly speakers: readonly string[];
}

export interface SyntheticReport {
  readonly fileName: string;
  readonly text: string;
  /** The event's name, the report's first line. */
  readonly event: string;
  readonly people: readonly ExpectedPerson[];
  readonly sessions: readonly ExpectedSession[];
}

/** mulberry32: small, fast, good enough for test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Amina', 'Lukas', 'Sofia', 'Kwame', 'Mei', 'Jean-Pierre', 'Renée', 'Tomás', 'Ingrid', 'Farid', 'Olga', 'Ravi', 'Chiara', 'Daniel', 'Yuki', 'Hélène', 'Marco', 'Aisha', 'Pieter', 'Nadia',
  'Oluwaseun', 'Björn', 'Leila', 'Mateus', 'Ananya', 'Grzegorz', 'Zeynep', 'Diego', 'Siobhan', 'Thabo', 'Élodie', 'Kenji', 'Fatou', 'Andrés', 'Mariam', 'Henrik', 'Priya', 'Ioana', 'Samuel', 'Lucía'];
const LAST = ['Okafor', 'Brunner', 'Lindqvist', 'Mensah', 'Zhang', 'Dubois', 'Larivière', 'García', 'Haugen', 'Haddad', 'Petrova', 'Iyer', 'Rossi', 'Keller', 'Tanaka', 'Moreau', 'Bianchi', 'Rahman', 'de Vries', 'Novak',
  'Adeyemi', 'Johansson', 'Nguyen', 'Kowalski', 'Yılmaz', 'Fernández', "O'Brien", 'Dlamini', 'Schmid', 'Sato', 'Diallo', 'Costa', 'Popescu', 'Andersen', 'Mahmoud', 'Kapoor', 'Van den Berg', 'Ferreira', 'Ivanova', 'Achterberg'];
const ORGANISATIONS: ReadonlyArray<[string, string]> = [
  ['Institute for Digital Peace', 'IDP'], ['Global Cyber Stability Forum', 'GCSF'], ['Centre for Humanitarian Data Studies', 'CHDS'],
  ['Alliance for Early Warning Systems', 'AEWS'], ['Peace Technology Lab', 'PTL'], ['Network for Safer Internet Childhood', 'NSIC'],
  ['Observatory of Conflict Analytics', 'OCA'], ['Foundation for Online Trade and Development', 'FOTD'], ['Council on Artificial Intelligence Governance', 'CAIG'],
  ['Satellite Monitoring Agency for Peace', 'SMAP'], ['International Bureau of Data Protection', 'IBDP'], ['Mediation Support Network', 'MSN'],
];
const TITLES = ['Programme Manager', 'Director', 'Senior Adviser', 'Head of Research', 'Policy Officer', 'Chief Technology Officer', 'Deputy Director', 'Project Coordinator'];
const THEMES = ['cybersecurity', 'big data', 'artificial intelligence', 'early warning', 'e-commerce', 'data protection', 'conflict prevention', 'satellite imagery', 'child safety online', 'hate speech'];
const HONORIFICS = ['Mr', 'Ms', 'Dr', 'Prof.'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PLACES = ['Geneva, Switzerland', 'Vienna, Austria', 'Nairobi, Kenya', 'New York, United States'];

interface Speaker {
  readonly honorific: string;
  readonly name: string;
  readonly surname: string;
  readonly title: string;
  readonly organisation: readonly [string, string];
}

/** People a corpus can have: every one a different name. */
const POPULATION = FIRST.length * LAST.length;

/** The population shared by all reports: person i always has the same name, title and organisation. */
function speaker(index: number): Speaker {
  // Surnames vary fastest, so that even a small population has all of them.
  const last = LAST[index % LAST.length]!;
  const first = FIRST[Math.floor(index / LAST.length) % FIRST.length]!;
  return {
    honorific: HONORIFICS[index % HONORIFICS.length]!,
    name: `${first} ${last}`,
    surname: last,
    title: TITLES[index % TITLES.length]!,
    organisation: ORGANISATIONS[index % ORGANISATIONS.length]!,
  };
}

/** The ways real reports introduce a speaker, in the observatory's running prose. */
const INTRODUCTIONS: ReadonlyArray<(s: Speaker) => string> = [
  (s) => `${s.honorific} ${s.name}, ${s.title}, ${s.organisation[0]} (${s.organisation[1]}), said that`,
  (s) => `${s.honorific} ${s.name} (${s.title}, ${s.organisation[0]}) explained that`,
  (s) => `${s.honorific} ${s.name}, ${s.title} at the ${s.organisation[0]} (${s.organisation[1]}), pointed out that`,
  (s) => `${s.honorific} ${s.name}, ${s.organisation[0]} (${s.organisation[1]}), ${s.title}, argued that`,
];

function date(day: number, month: number, year: number): string {
  return `${day} ${MONTHS[month]} ${year}`;
}

export function generateReport(index: number, seed: number, population: number): SyntheticReport {
  const next = random(seed * 100003 + index);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const person = (): Speaker => speaker(Math.floor(next() * population));
  const sessionCount = 3 + Math.floor(next() * 8);
  // A reporter's name line opens a section only if the page has not named that surname before (an
  // AI report's speaker headings repeat names listed above), so reporters' surnames are their own.
  const reporters: Speaker[] = [];
  while (reporters.length < sessionCount) {
    const candidate = person();
    if (!reporters.some((reporter) => reporter.surname === candidate.surname)) reporters.push(candidate);
  }
  const reporterSurnames = new Set(reporters.map((reporter) => reporter.surname));
  const participant = (): Speaker => {
    for (;;) {
      const candidate = person();
      if (!reporterSurnames.has(candidate.surname)) return candidate;
    }
  };
  const year = 2015 + (index % 8);
  const month = Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 20);
  const event = `Digital Peace Forum ${year} edition ${index}`;
  const lines = [event, '', `${date(day, month, year)} to ${date(day + 3, month, year)}`, pick(PLACES), '', '', 'Event report/s:'];
  const people = new Map<string, ExpectedPerson>();
  const sessions: ExpectedSession[] = [];
  for (let session = 0; session < sessionCount; session += 1) {
    const reporter = reporters[session]!;
    const moderator = participant();
    const speakers = [...new Map(Array.from({ length: 2 + Math.floor(next() * 3) }, participant).map((s) => [s.name, s])).values()]
      .filter((s) => s.name !== moderator.name);
    const theme = pick(THEMES);
    const opening = `The session, moderated by ${moderator.honorific} ${moderator.name}, ${moderator.title}, ${moderator.organisation[0]} (${moderator.organisation[1]}), discussed ${theme} and its implications for peacebuilding.`;
    lines.push(reporter.name, '', opening.slice(0, 120), '', opening, '');
    for (const [position, s] of speakers.entries()) {
      lines.push(`${INTRODUCTIONS[(index + session + position) % INTRODUCTIONS.length]!(s)} ${theme} requires cooperation between governments, the private sector and civil society. ${s.surname} added that data must be handled responsibly.`, '');
    }
    lines.push(`${moderator.surname} thanked the panellists and closed the session.`, '');
    for (const s of [moderator, ...speakers]) people.set(s.name, { name: s.name, organisation: s.organisation[0], acronym: s.organisation[1] });
    sessions.push({ reporter: reporter.name, moderator: moderator.name, speakers: speakers.map((s) => s.name) });
  }
  const organiser = pick(ORGANISATIONS);
  lines.push(`The forum is facilitated by the ${organiser[0]} (${organiser[1]}). This year, it will focus on the theme of 'Technology for prevention'.`, '',
    'For more information, visit the event website.', '', '', 'The GIP Digital Watch observatory is provided by', '', '', '', 'Scroll to Top');
  return { fileName: `report-${String(index).padStart(5, '0')}.txt`, text: lines.join('\n'), event, people: [...people.values()], sessions };
}

/** `count` reports; the population grows with the corpus so people recur across reports. */
export function generateCorpus(count: number, seed = 1): SyntheticReport[] {
  const population = Math.max(50, Math.min(POPULATION, count * 3));
  return Array.from({ length: count }, (_unused, index) => generateReport(index, seed, population));
}
