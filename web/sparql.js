// Requests to the page's own endpoint, as any SPARQL 1.1 Protocol client sends them.
export const ENDPOINT = new URL('/sparql', window.location.href).href;
/** The same requests with page and pageSize: one page of a SELECT's rows. */
export const PAGED_ENDPOINT = new URL('/paged', window.location.href).href;

export async function post(query, accept) {
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept },
    body: new URLSearchParams({ query }).toString(),
  });
  if (!response.ok) throw new Error(await response.text());
  return response;
}

export async function select(query) {
  return (await post(query, 'application/sparql-results+json')).json();
}

/** An IRI as a SPARQL IRIREF; refuses characters an IRIREF may not hold rather than escaping them. */
export function iriRef(iri) {
  if (!/^[^\u0000-\u0020<>"{}|^`\\]+$/.test(iri)) throw new Error(`not an IRI: ${iri}`);
  return `<${iri}>`;
}
