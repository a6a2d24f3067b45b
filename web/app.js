// The query page: pick a bundled query or write one, run it against /sparql, show a table, and a
// small force-directed picture when the result is an edge list (its first two columns link things).
const $ = (id) => document.getElementById(id);
let bundled = [];

const label = (term) => {
  if (!term) return '';
  if (term.type !== 'uri') return term.value;
  const cut = Math.max(term.value.lastIndexOf('/'), term.value.lastIndexOf('#'));
  return term.value.slice(cut + 1);
};

function showTable(json) {
  const table = $('results');
  table.replaceChildren();
  if (typeof json.boolean === 'boolean') {
    table.insertRow().insertCell().textContent = json.boolean ? 'yes' : 'no';
    return;
  }
  const vars = json.head.vars;
  const head = table.createTHead().insertRow();
  for (const name of vars) { const th = document.createElement('th'); th.textContent = name; head.appendChild(th); }
  const body = table.createTBody();
  for (const binding of json.results.bindings) {
    const row = body.insertRow();
    for (const name of vars) {
      const cell = row.insertCell();
      const term = binding[name];
      cell.textContent = term ? term.value : '';
      if (term && term.type === 'uri') cell.title = term.value;
    }
  }
}

/** Edge list: at least two columns and the first two name nodes (IRIs or labels) in every row. */
function edges(json) {
  if (!json.head || !json.head.vars || json.head.vars.length < 2) return [];
  const [a, b] = json.head.vars;
  const rows = json.results.bindings.filter((binding) => binding[a] && binding[b]);
  if (rows.length === 0 || !/source|from|org|person|theme|a$/i.test(a)) return [];
  return rows.map((binding) => [label(binding[a]), label(binding[b])]);
}

function drawNetwork(links) {
  const svg = $('network');
  svg.replaceChildren();
  svg.hidden = links.length === 0;
  if (links.length === 0) return;
  const width = 900, height = 520;
  const names = [...new Set(links.flat())];
  const nodes = names.map((name, index) => ({
    name, x: width / 2 + 200 * Math.cos((2 * Math.PI * index) / names.length), y: height / 2 + 200 * Math.sin((2 * Math.PI * index) / names.length), vx: 0, vy: 0,
  }));
  const byName = new Map(nodes.map((node) => [node.name, node]));
  const pairs = links.map(([from, to]) => [byName.get(from), byName.get(to)]);
  for (let step = 0; step < 300; step += 1) {
    for (const a of nodes) for (const b of nodes) {
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, distance = Math.max(1, Math.hypot(dx, dy));
      const push = 1500 / (distance * distance);
      a.vx += (dx / distance) * push; a.vy += (dy / distance) * push;
    }
    for (const [a, b] of pairs) {
      const dx = b.x - a.x, dy = b.y - a.y, distance = Math.max(1, Math.hypot(dx, dy));
      const pull = (distance - 90) * 0.01;
      a.vx += (dx / distance) * pull; a.vy += (dy / distance) * pull; b.vx -= (dx / distance) * pull; b.vy -= (dy / distance) * pull;
    }
    for (const node of nodes) {
      node.vx += (width / 2 - node.x) * 0.002; node.vy += (height / 2 - node.y) * 0.002;
      node.x = Math.min(width - 20, Math.max(20, node.x + node.vx * 0.5)); node.y = Math.min(height - 20, Math.max(20, node.y + node.vy * 0.5));
      node.vx *= 0.6; node.vy *= 0.6;
    }
  }
  const ns = 'http://www.w3.org/2000/svg';
  const add = (name, attributes, text) => {
    const element = document.createElementNS(ns, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (text) element.textContent = text;
    svg.appendChild(element);
  };
  for (const [a, b] of pairs) add('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  for (const node of nodes) { add('circle', { cx: node.x, cy: node.y, r: 5 }); add('text', { x: node.x + 7, y: node.y + 4 }, node.name); }
}

async function run() {
  const status = $('status');
  status.className = '';
  status.textContent = 'Running…';
  const started = performance.now();
  const response = await fetch('/sparql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json' },
    body: $('query').value,
  });
  if (!response.ok) {
    status.className = 'error';
    status.textContent = await response.text();
    return;
  }
  const type = response.headers.get('content-type') || '';
  if (!type.includes('json')) {
    $('results').replaceChildren();
    status.textContent = 'The result is a graph: ask for it with Accept: text/turtle.';
    return;
  }
  const json = await response.json();
  showTable(json);
  drawNetwork(edges(json));
  const rows = json.results ? json.results.bindings.length : 1;
  const cut = response.headers.get('x-peacegraph-truncated');
  status.textContent = `${rows} row${rows === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms${cut ? ` (${cut})` : ''}`;
}

async function init() {
  bundled = await (await fetch('/queries')).json();
  for (const query of bundled) {
    const option = document.createElement('option');
    option.value = query.name;
    option.textContent = query.title;
    $('bundled').appendChild(option);
  }
  $('bundled').addEventListener('change', () => {
    const query = bundled.find((candidate) => candidate.name === $('bundled').value);
    $('description').textContent = query ? query.description : '';
    if (query) $('query').value = query.text;
  });
  $('run').addEventListener('click', () => run().catch((error) => { $('status').className = 'error'; $('status').textContent = String(error); }));
}

init();
