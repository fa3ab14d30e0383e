import type { EvalLog } from '../log.js';
import { renderHtml } from './html.js';
import { renderJunit } from './junit.js';
import { renderTable } from './table.js';

export const REPORT_FORMATS = ['table', 'json', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function renderReport(log: EvalLog, format: ReportFormat): string {
  switch (format) {
    case 'table':
      return renderTable(log);
    case 'json':
      return `${JSON.stringify(log, null, 2)}\n`;
    case 'junit':
      return renderJunit(log);
    case 'html':
      return renderHtml(log);
  }
}
