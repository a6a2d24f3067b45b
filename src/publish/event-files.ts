/** event-<slug>.jsonld and event-<slug>.html for every built report, keyed by file name. */
import type { ReportModel } from '../model/types.js';
import { eventJsonLd } from './event-jsonld.js';
import { eventHtml } from './event-html.js';

export function renderEventFiles(models: readonly ReportModel[], base?: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const model of models) {
    const event = eventJsonLd(model, { base });
    files.set(`event-${model.event.key}.jsonld`, `${JSON.stringify(event, null, 2)}\n`);
    files.set(`event-${model.event.key}.html`, eventHtml(event));
  }
  return files;
}
