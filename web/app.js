// The query page: YASGUI's editor (Yasqe) and result viewer (Yasr) against the page's own endpoint,
// the graph's prefixes predeclared, bundled queries with a form for their parameters (bound by the
// server as `peacegraph query --param` binds them), downloads, a resource view for IRIs, and a
// network drawing for edge-list results.
import { ENDPOINT } from './sparql.js';
import { edgeList, drawNetwork } from './network.js';
import { hideDownloads, showDownloads } from './downloads.js';
import { showResource } from './resource.js';

const $ = (id) => document.getElementById(id);
/** Vocabulary prefixes written into a new query; the minted kinds (person:, event:...) are added when used. */
const DECLARED = ['pg', 'schema', 'org', 'skos', 'oa', 'rdf', 'rdfs', 'xsd', 'owl', 'dct', 'prov', 'theme'];
const EXAMPLE = 'SELECT ?person ?name WHERE {\n  ?person a schema:Person ; schema:name ?name .\n}\nORDER BY ?name\nLIMIT 100\n';

const state = { bundled: [], prefixes: {}, lastQuery: '', lastName: 'query' };

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
  const fields = Object.entries(query.parameters).map(([name, kind]) => {
    const label = document.createElement('label');
    label.textContent = `${name} (${kind === 'iri' ? 'an IRI' : 'text'})`;
    const input = document.createElement('input');
    input.name = name;
    input.type = kind === 'iri' ? 'url' : 'text';
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

function showAnswer(response, duration) {
  const svg = $('network');
  drawNetwork(svg, []);
  hideDownloads($('downloads'));
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
    count = rows === undefined ? `answer: ${json.boolean ? 'yes' : 'no'}` : `${rows} row${rows === 1 ? '' : 's'}`;
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
  const declarations = DECLARED.filter((name) => prefixes[name]).map((name) => `PREFIX ${name}: <${prefixes[name]}>`).join('\n');
  const yasqe = new Yasqe($('editor'), {
    value: `${declarations}\n\n${EXAMPLE}`,
    persistenceId: null,
    consumeShareLink: null,
    createShareableLink: null,
    prefixCcApi: new URL('/prefixes', window.location.href).href,
    editorHeight: '320px',
    requestConfig: {
      endpoint: ENDPOINT,
      method: 'POST',
      acceptHeaderSelect: 'application/sparql-results+json',
      acceptHeaderGraph: 'text/turtle',
      adjustQueryBeforeRequest: declareUsedPrefixes,
    },
  });
  const yasr = new Yasr($('results'), { prefixes, persistenceId: null, pluginOrder: ['table', 'response'], defaultPlugin: 'table' });
  yasqe.on('queryResponse', (_yasqe, response, duration) => {
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
  // For the browser console (and the browser tests): the editor and the result viewer.
  window.peacegraph = { yasqe, yasr };
}

init().catch((error) => setStatus(String(error.message || error), true));
