/**
 * The query page: its own files from web/, the YASGUI editor (Yasqe) and result viewer (Yasr) from
 * their npm packages (no CDN: the page works offline), and the graph's prefixes for the editor.
 * Bundled queries are served by bundled.ts.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { extname, join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

/**
 * Style elements Yasr's column resizer (column-resizer, bundled in @zazuko/yasr 4.6.2) adds when it
 * draws a table and while a column is dragged: allowed by their hashes rather than by
 * 'unsafe-inline'. The browser test fails on any CSP violation, so a changed library shows.
 */
const RESIZER_STYLES = [
  ' .grip-resizable{table-layout:fixed;} .grip-resizable > tbody > tr > td, .grip-resizable > tbody > tr > th{overflow:hidden} .grip-padding > tbody > tr > td, .grip-padding > tbody > tr > th{padding-left:0!important; padding-right:0!important;} .grip-container{ height:0px; position:relative;} .grip-handle{margin-left:-5px; position:absolute; z-index:5; } .grip-handle .grip-resizable{position:absolute;background-color:red;filter:alpha(opacity=1);opacity:0;width:10px;height:100%;cursor: col-resize;top:0px} .grip-lastgrip{position:absolute; width:1px; } .grip-drag{ border-left:1px dotted black;\t} .grip-flex{width:auto!important;} .grip-handle.grip-disabledgrip .grip-resizable{cursor:default; display:none;}',
  '*{cursor:col-resize!important}',
];
const styleHash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/**
 * What the page needs from a Content-Security-Policy: scripts, styles and data from its own origin
 * only (Yasr draws some icons as data: images); nothing is loaded from elsewhere.
 */
export const PAGE_CSP = [
  "default-src 'none'", "script-src 'self'", `style-src 'self' ${RESIZER_STYLES.map(styleHash).join(' ')}`,
  "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
};

/** The YASGUI builds served under /vendor/. */
const VENDOR = ['@zazuko/yasqe/build/yasqe.min.js', '@zazuko/yasqe/build/yasqe.min.css', '@zazuko/yasr/build/yasr.min.js', '@zazuko/yasr/build/yasr.min.css'];

function sendText(reply: FastifyReply, type: string, body: string): FastifyReply {
  return reply.type(type).header('Cache-Control', 'no-cache').send(body);
}

export async function registerPage(app: FastifyInstance, prefixes: Readonly<Record<string, string>>): Promise<void> {
  const web = join(PROJECT_ROOT, 'web');
  for (const file of (await readdir(web)).filter((name) => TYPES[extname(name)] !== undefined)) {
    const body = await readFile(join(web, file), 'utf8');
    const type = TYPES[extname(file)]!;
    app.get(file === 'index.html' ? '/' : `/${file}`, async (_request, reply) => {
      if (file === 'index.html') reply.header('Content-Security-Policy', PAGE_CSP);
      return sendText(reply, type, body);
    });
  }
  const require = createRequire(import.meta.url);
  for (const path of VENDOR) {
    const body = await readFile(require.resolve(path), 'utf8');
    const name = path.split('/').pop()!;
    app.get(`/vendor/${name}`, async (_request, reply) => sendText(reply, TYPES[extname(name)]!, body));
  }
  app.get('/prefixes', async () => prefixes);
}
