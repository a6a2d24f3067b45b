// Download buttons for the last query: the whole result again from the endpoint, in the chosen
// format (the server's writers, so a download is what any SPARQL client would get).
import { post } from './sparql.js';

const TABLE_FORMATS = [['CSV', 'text/csv', 'csv'], ['TSV', 'text/tab-separated-values', 'tsv'], ['JSON', 'application/sparql-results+json', 'json']];
const GRAPH_FORMATS = [['Turtle', 'text/turtle', 'ttl'], ['N-Triples', 'application/n-triples', 'nt'], ['JSON-LD', 'application/ld+json', 'jsonld'], ['RDF/XML', 'application/rdf+xml', 'rdf']];

async function save(query, accept, fileName) {
  const blob = await (await post(query, accept)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

/** Shows the buttons for a table or a graph result; `onError` reports a failed download. */
export function showDownloads(nav, { query, isGraph, name }, onError) {
  const formats = isGraph ? GRAPH_FORMATS : TABLE_FORMATS;
  const label = document.createElement('span');
  label.textContent = 'Download:';
  nav.replaceChildren(label, ...formats.map(([title, accept, extension]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = title;
    button.dataset.type = accept;
    button.addEventListener('click', () => save(query, accept, `${name}.${extension}`).catch(onError));
    return button;
  }));
  nav.hidden = false;
}

export function hideDownloads(nav) {
  nav.replaceChildren();
  nav.hidden = true;
}
