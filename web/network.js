// The network drawing, for results shaped as an edge list: a SELECT whose columns include ?source
// and ?target (the bundled edge-list queries name them so; a ?weight-like third column is allowed).
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 900;
const HEIGHT = 520;

const label = (term) => {
  if (term.type !== 'uri') return term.value;
  const cut = Math.max(term.value.lastIndexOf('/'), term.value.lastIndexOf('#'));
  return term.value.slice(cut + 1);
};

/** [from, to] label pairs of an edge-list result, or [] when the result is not one. */
export function edgeList(json) {
  const vars = json && json.head && json.head.vars;
  if (!Array.isArray(vars) || !vars.includes('source') || !vars.includes('target') || !json.results) return [];
  return json.results.bindings
    .filter((binding) => binding.source && binding.target)
    .map((binding) => [label(binding.source), label(binding.target)]);
}

/** A small force-directed layout, drawn in the svg; an empty list clears and hides it. */
export function drawNetwork(svg, links) {
  svg.replaceChildren();
  // An <svg> has no `hidden` property (that is HTMLElement's): the attribute it is.
  svg.toggleAttribute('hidden', links.length === 0);
  if (links.length === 0) return;
  const names = [...new Set(links.flat())];
  const nodes = names.map((name, index) => ({
    name,
    x: WIDTH / 2 + 200 * Math.cos((2 * Math.PI * index) / names.length),
    y: HEIGHT / 2 + 200 * Math.sin((2 * Math.PI * index) / names.length),
    vx: 0, vy: 0,
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
      node.vx += (WIDTH / 2 - node.x) * 0.002; node.vy += (HEIGHT / 2 - node.y) * 0.002;
      node.x = Math.min(WIDTH - 20, Math.max(20, node.x + node.vx * 0.5)); node.y = Math.min(HEIGHT - 20, Math.max(20, node.y + node.vy * 0.5));
      node.vx *= 0.6; node.vy *= 0.6;
    }
  }
  const add = (name, attributes, text) => {
    const element = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    if (text) element.textContent = text;
    svg.appendChild(element);
  };
  for (const [a, b] of pairs) add('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  for (const node of nodes) { add('circle', { cx: node.x, cy: node.y, r: 5 }); add('text', { x: node.x + 7, y: node.y + 4 }, node.name); }
}
