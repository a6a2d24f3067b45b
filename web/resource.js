// The resource view: a resource's own triples, the triples that point to it, and the evidence
// quotes (Web Annotation text quotes) behind what the graph says about it. Plain SPARQL sent to the
// endpoint, so any other client can ask the same.
import { iriRef, select } from './sparql.js';

const OA = 'http://www.w3.org/ns/oa#';
const SCHEMA = 'http://schema.org/';
const PG = 'https://w3id.org/peacegraph/ontology#';
const LIMIT = 500;

const outgoing = (iri) => `SELECT ?p ?o WHERE { ${iriRef(iri)} ?p ?o } ORDER BY ?p ?o LIMIT ${LIMIT}`;
// Annotations name the resource as their body: their quotes are listed below, not as links.
const incoming = (iri) => `SELECT ?s ?p WHERE { ?s ?p ${iriRef(iri)} FILTER(?p != <${OA}hasBody>) } ORDER BY ?p ?s LIMIT ${LIMIT}`;
const evidence = (iri) => `SELECT DISTINCT ?quote ?report ?start ?end WHERE {
  { ?annotation <${OA}hasBody> ${iriRef(iri)} } UNION { ${iriRef(iri)} <${PG}evidence> ?annotation }
  ?annotation <${OA}hasTarget> ?target .
  ?target <${OA}hasSelector> ?quoteSelector . ?quoteSelector <${OA}exact> ?quote .
  OPTIONAL { ?target <${OA}hasSource> ?source . ?source <${SCHEMA}name> ?report }
  OPTIONAL { ?target <${OA}hasSelector> ?position . ?position <${OA}start> ?start ; <${OA}end> ?end }
} ORDER BY ?report ?start LIMIT ${LIMIT}`;

/** `prefixed(iri)` shortens an IRI for display; `open(iri)` shows another resource. */
function termNode(term, { prefixed, open }) {
  if (term.type !== 'uri') {
    const span = document.createElement('span');
    span.textContent = term.value;
    if (term['xml:lang']) span.title = `@${term['xml:lang']}`;
    else if (term.datatype) span.title = prefixed(term.datatype);
    return span;
  }
  const link = document.createElement('a');
  link.href = term.value;
  link.className = 'iri';
  link.textContent = prefixed(term.value);
  link.title = term.value;
  link.addEventListener('click', (event) => { event.preventDefault(); open(term.value); });
  return link;
}

function tableOf(headings, rows) {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const heading of headings) {
    const th = document.createElement('th');
    th.textContent = heading;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const cells of rows) {
    const row = body.insertRow();
    for (const cell of cells) row.insertCell().appendChild(cell);
  }
  return table;
}

function section(title, count, content) {
  const heading = document.createElement('h3');
  heading.textContent = `${title} (${count}${count === LIMIT ? '+' : ''})`;
  return [heading, content];
}

function evidenceMissing(message) {
  const heading = document.createElement('h3');
  heading.textContent = 'Evidence quotes';
  const note = document.createElement('p');
  note.className = 'evidence-missing';
  note.textContent = message;
  return [heading, note];
}

export async function showResource(panel, iri, display) {
  panel.hidden = false;
  const title = panel.querySelector('h2');
  const body = panel.querySelector('.resource-body');
  title.textContent = display.prefixed(iri);
  title.title = iri;
  body.replaceChildren(document.createTextNode('Loading…'));
  // A server started without the evidence files refuses the quotes query, saying how to load them: shown in their place.
  const [own, pointing, quotes] = await Promise.all([select(outgoing(iri)), select(incoming(iri)), select(evidence(iri)).catch((error) => error)]);
  const rows = (json) => json.results.bindings;
  const name = rows(own).find((binding) => binding.p.value === `${SCHEMA}name`);
  if (name) title.textContent = `${name.o.value} — ${display.prefixed(iri)}`;
  const quoteList = document.createElement('ol');
  quoteList.className = 'quotes';
  const quoteRows = quotes instanceof Error ? [] : rows(quotes);
  for (const binding of quoteRows) {
    const item = document.createElement('li');
    const quote = document.createElement('blockquote');
    quote.textContent = binding.quote.value;
    const source = document.createElement('cite');
    const where = binding.start ? `, characters ${binding.start.value}–${binding.end.value}` : '';
    source.textContent = `${binding.report ? binding.report.value : 'source report'}${where}`;
    item.append(quote, source);
    quoteList.appendChild(item);
  }
  body.replaceChildren(
    ...section('Triples', rows(own).length, tableOf(['predicate', 'object'], rows(own).map((b) => [termNode(b.p, display), termNode(b.o, display)]))),
    ...section('Linked from', rows(pointing).length, tableOf(['subject', 'predicate'], rows(pointing).map((b) => [termNode(b.s, display), termNode(b.p, display)]))),
    ...(quotes instanceof Error ? evidenceMissing(quotes.message) : section('Evidence quotes', quoteRows.length, quoteList)),
  );
  panel.scrollIntoView();
}
