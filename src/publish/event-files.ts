/** event-<slug>.jsonld and event-<slug>.html for every built report, keyed by file name. */
import type { ReportModel } from '../model/types.js';
import { eventJsonLd } from './event-jsonld.js';
import { eventHtml } from './event-html.js';
import { richResultWarning } from './rich-results.js';

const pageName = (model: ReportModel): string => `event-${model.event.key}.html`;

export function renderEventFiles(models: readonly ReportModel[], base?: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const model of models) {
    const event = eventJsonLd(model, { base });
    files.set(`event-${model.event.key}.jsonld`, `${JSON.stringify(event, null, 2)}\n`);
    files.set(pageName(model), eventHtml(event));
  }
  return files;
}

/** The model with a build warning added when its event page cannot be a Google Event rich result. */
export function withEventPageWarning(model: ReportModel, base?: string): ReportModel {
  const warning = richResultWarning(pageName(model), eventJsonLd(model, { base }));
  return warning === undefined ? model : { ...model, warnings: [...model.warnings, warning] };
}
