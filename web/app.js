// The query page: YASGUI's editor (Yasqe) and result viewer (Yasr) against the page's own endpoint,
// the graph's prefixes predeclared, bundled queries with a form for their parameters (bound by the
// server as `peacegraph query --param` binds them), downloads, a resource view for IRIs, and a
// network drawing for edge-list results. SELECT answers come a page at a time (/paged), so a
// listing of the whole corpus shows its first rows at once; downloads hold the whole answer.
import { ENDPOINT, PAGED_ENDPOINT } from './sparql.js';
import { edgeList, drawNetwork } from './network.js';
import { hideDownloads, showDownloads } from './downloads.js';
import { showResource } from './resource.js';

const $ = (id) => document.getElementById(id);
/** Vocabulary prefixes written into a new query; the minted kinds (person:, event:...) are added when used. */
const DECLARED = ['pg', 'schema', 'org', 'skos', 'oa', 'rdf', 'rdfs', 'xsd', 'owl', 'dct', 'prov', 'theme'];
const EXAMPLE = 'SELECT ?person ?name WHERE {\n  ?person a schema:Person ; schema:name ?name .\n}\nORDER BY ?name\nLIMIT 100\n';

/** Rows per page: Yasr's table page, so that a page of the answer is one page of the table. */
const PAGE_SIZE = 50;

const state = { bundled: [], prefixes: {}, lastQuery: '', lastName: 'query', page: 1, firstRow: 1 };

/** The request fields of one page of the answer. */
const pageArgs = (page) => [{ name: 'page', value: String(page) }, { name: 'pageSize', value: String(PAGE_SIZE) }];

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').className = isError ? 'error' : '';
}

/** An IRI shortened with the graph's prefixes, for display. */
function prefixed(iri) {
  let best = '';
  for (const [name, namespace] of Object.entries(state.prefixes)) {
    if (iri.startsWith(namespace) && namespace.length > (state.prefixes[best] || '').length) best = name;
  }
  const local = best ? iri.slice(state.prefixes[best].length) : '';
  return best && /^[\w.-]*$/.test(local) ? `${best}:${local}` : iri;
}

/** Prefixes the query uses but does not declare, declared from the graph's prefixes (so `schema:Person` just works). */
function declareUsedPrefixes(yasqe) {
  const declared = yasqe.getPrefixesFromQuery();
  const missing = {};
  for (let line = 0; line < yasqe.lineCount(); line += 1) {
    for (const token of yasqe.getLineTokens(line)) {
      if (token.type !== 'string-2') continue;
      const name = token.string.slice(0, token.string.indexOf(':'));
      if (!(name in declared) && state.prefixes[name]) missing[name] = state.prefixes[name];
    }
  }
  if (Object.keys(missing).length > 0) yasqe.addPrefixes(missing);
  state.lastQuery = yasqe.getValue();
  return state.lastQuery;
}

function parameterFields(query) {
  const fields = Object.entries(query.parameters).map(([name, { kind, required }]) => {
    const label = document.createElement('label');
    label.textContent = `${name} (${kind === 'iri' ? 'an IRI' : 'text'}${required ? ', required' : ''})`;
    const input = document.createElement('input');
    input.name = name;
    input.type = kind === 'iri' ? 'url' : 'text';
    input.required = required;
    input.id = `parameter-${name}`;
    label.htmlFor = input.id;
    return [label, input];
  });
  $('parameter-fields').replaceChildren(...fields.flat());
  $('parameters').hidden = fields.length === 0;
}

function pickBundled(yasqe) {
  const query = state.bundled.find((candidate) => candidate.name === $('bundled').value);
  $('description').textContent = query ? query.description : '';
  state.lastName = query ? query.name : 'query';
  if (query) {
    yasqe.setValue(query.text);
    parameterFields(query);
  } else {
    $('parameters').hidden = true;
  }
}

async function runBundled(yasqe) {
  const name = $('bundled').value;
  const values = new URLSearchParams();
  for (const input of $('parameter-fields').querySelectorAll('input')) values.set(input.name, input.value.trim());
  const response = await fetch(`/queries/${encodeURIComponent(name)}?${values}`);
  if (!response.ok) throw new Error(await response.text());
  yasqe.setValue(await response.text());
  await yasqe.query();
}

/** Where the page lies in the answer (from the server's headers), or undefined for an answer that is not paged. */
function pageOf(response, rows) {
  const page = Number(response.headers.get('x-peacegraph-page'));
  if (!page || rows === undefined) return undefined;
  const size = Number(response.headers.get('x-peacegraph-page-size'));
  const more = response.headers.get('x-peacegraph-more') === 'true';
  return { page, first: (page - 1) * size + 1, rows, more, ordered: response.headers.get('x-peacegraph-order') !== 'none' };
}

/** The previous and next buttons and what they lead through; hidden when the whole answer fits one page. */
function showPaging(paged) {
  const nav = $('paging');
  nav.hidden = paged === undefined || (paged.page === 1 && !paged.more);
  if (nav.hidden) return;
  state.page = paged.page;
  $('previous-page').disabled = paged.page === 1;
  $('next-page').disabled = !paged.more;
  const order = paged.ordered ? '' : ' The query has no ORDER BY: pages follow the engine\'s order; add one for an order of your own.';
  $('paging-note').textContent = `A paged listing: ${PAGE_SIZE} rows at a time, ${paged.more ? 'more follow' : 'this is the last page'}. Downloads hold the whole answer.${order}`;
}

function showAnswer(response, duration) {
  const svg = $('network');
  drawNetwork(svg, []);
  hideDownloads($('downloads'));
  showPaging(undefined);
  if (response instanceof Error || !response.ok) {
    setStatus('');
    return;
  }
  const type = response.headers.get('content-type') || '';
  const isGraph = !type.includes('json');
  let count = '';
  if (!isGraph) {
    const json = JSON.parse(response.content);
    const rows = json.results ? json.results.bindings.length : undefined;
    const paged = pageOf(response, rows);
    showPaging(paged);
    count = rows === undefined ? `answer: ${json.boolean ? 'yes' : 'no'}` : `${rows} row${rows === 1 ? '' : 's'}`;
    if (paged && (paged.page > 1 || paged.more)) {
      count = `rows ${paged.first}–${paged.first + rows - 1} (page ${paged.page}${paged.more ? ', more follow' : ', the last'})`;
    }
    drawNetwork(svg, edgeList(json));
  } else {
    count = 'a graph';
  }
  const cut = response.headers.get('x-peacegraph-truncated');
  setStatus(`${count} in ${duration} ms${cut ? ` (${cut})` : ''}`);
  showDownloads($('downloads'), { query: state.lastQuery, isGraph, name: state.lastName }, (error) => setStatus(String(error.message || error), true));
}

async function init() {
  const [bundled, prefixes] = await Promise.all([(await fetch('/queries')).json(), (await fetch('/prefixes')).json()]);
  state.bundled = bundled;
  state.prefixes = prefixes;
  $('endpoint').textContent = ENDPOINT;
  // No remote look-ups: prefix completion from the graph's own prefixes, no LOV class/property search.
  Yasqe.defaults.autocompleters = ['prefixes', 'variables'];
  Yasr.plugins.table.defaults.openIriInNewWindow = false;
  // Yasr numbers the rows it shows from 1: a page's rows get their numbers in the whole answer.
  const tableRows = Yasr.plugins.table.prototype.getRows;
  Yasr.plugins.table.prototype.getRows = function getRows() {
    return tableRows.call(this).map(([number, ...cells]) => [number + state.firstRow - 1, ...cells]);
  };
  const declarations = DECLARED.filter((name) => prefixes[name]).map((name) => `PREFIX ${name}: <${prefixes[name]}>`).join('\n');
  const yasqe = new Yasqe($('editor'), {
    value: `${declarations}\n\n${EXAMPLE}`,
    persistenceId: null,
    consumeShareLink: null,
    createShareableLink: null,
    prefixCcApi: new URL('/prefixes', window.location.href).href,
    editorHeight: '320px',
    requestConfig: {
      endpoint: PAGED_ENDPOINT,
      method: 'POST',
      args: pageArgs(1),
      acceptHeaderSelect: 'application/sparql-results+json',
      acceptHeaderGraph: 'text/turtle',
      adjustQueryBeforeRequest: declareUsedPrefixes,
    },
  });
  const yasr = new Yasr($('results'), { prefixes, persistenceId: null, pluginOrder: ['table', 'response'], defaultPlugin: 'table' });
  yasqe.on('queryResponse', (_yasqe, response, duration) => {
    state.firstRow = response instanceof Error ? 1 : pageOf(response, 0)?.first ?? 1;
    yasr.setResponse(response, duration);
    showAnswer(response, duration);
  });
  yasqe.on('query', () => setStatus('Running…'));

  for (const query of bundled) {
    const option = document.createElement('option');
    option.value = query.name;
    option.textContent = query.title;
    $('bundled').appendChild(option);
  }
  $('bundled').addEventListener('change', () => pickBundled(yasqe));
  $('parameters').addEventListener('submit', (event) => {
    event.preventDefault();
    runBundled(yasqe).catch((error) => setStatus(String(error.message || error), true));
  });

  const panel = $('resource');
  const display = { prefixed, open: (iri) => openResource(iri) };
  const openResource = (iri) => showResource(panel, iri, display).catch((error) => setStatus(String(error.message || error), true));
  // IRIs in the result table open the resource view instead of leaving for the IRI's own site.
  $('results').addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.iri') : null;
    if (!link) return;
    event.preventDefault();
    openResource(link.href);
  }, true);
  $('close-resource').addEventListener('click', () => { panel.hidden = true; });
  const turnPage = (step) => yasqe.query({ args: pageArgs(state.page + step) }).catch(() => undefined);
  $('previous-page').addEventListener('click', () => turnPage(-1));
  $('next-page').addEventListener('click', () => turnPage(1));
  // For the browser console (and the browser tests): the editor and the result viewer.
  window.peacegraph = { yasqe, yasr };
}

init().catch((error) => setStatus(String(error.message || error), true));
