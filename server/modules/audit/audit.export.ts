import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { findActivityActionKey, humanizeAction } from '../../../common/activity-actions';
import type { Locale } from '../../../common/locale';
import { AUDIT_CATEGORIES, type AuditCategory } from '../../../common/schemas/audit';
// The names of categories and actions are the web app's (`activity.categories`, `activity.actions`),
// read from its locales so that the file says what the screen says, with no second copy to keep.
import en from '../../../web/src/locales/en/translation.json';
import ko from '../../../web/src/locales/ko/translation.json';
import type { ActivityRow } from './audit.repository';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SHEET_NAME: Record<Locale, string> = { en: 'Activity', ko: '사용 기록' };
const WEB_TEXTS = { en: en.activity, ko: ko.activity } satisfies Record<Locale, unknown>;
/** The page's column names (and the code's, which only the file has), so both say the same. */
const HEADERS = Object.fromEntries(
  (['en', 'ko'] as const).map((locale) => {
    const c = WEB_TEXTS[locale].columns;
    return [locale, [c.time, c.category, c.action, c.actionCode, c.actor, c.organization, c.ip, c.client, c.details]];
  }),
) as Record<Locale, string[]>;
const WIDTHS = [20, 12, 32, 32, 36, 28, 18, 28, 80];
/** A worksheet holds at most 1,048,576 rows; a longer export continues on another sheet. */
export const ROWS_PER_SHEET = 1_000_000;
/** Bytes allowed to wait for the client before reading more from the database. */
const MAX_BACKLOG_BYTES = 1024 * 1024;

/** The header row of the export in a language. */
export function exportHeaders(locale: Locale): string[] {
  return HEADERS[locale];
}

/** A category as the export names it: as the web app does; anything else as it is. */
export function categoryLabel(category: string, locale: Locale): string {
  return (AUDIT_CATEGORIES as readonly string[]).includes(category) ? WEB_TEXTS[locale].categories[category as AuditCategory] : category;
}

/** An action as the export names it: as the web app does, its name or else its code in words. */
export function actionLabel(action: string, locale: Locale): string {
  const key = findActivityActionKey(action);
  return key ? WEB_TEXTS[locale].actions[key] : humanizeAction(action);
}

/** Who acted, as the export shows it: the user's name and the recorded label, or whichever exists. */
export function actorText(row: Pick<ActivityRow, 'actorName' | 'actorLabel' | 'actorUserId'>): string {
  if (row.actorName && row.actorLabel && row.actorName !== row.actorLabel) return `${row.actorName} (${row.actorLabel})`;
  return row.actorName ?? row.actorLabel ?? row.actorUserId ?? '';
}

/** The cells of one event, in the order of the headers. */
export function exportCells(row: ActivityRow, locale: Locale): string[] {
  return [
    row.localTime ?? row.occurredAt.toISOString(),
    categoryLabel(row.category, locale),
    actionLabel(row.action, locale),
    row.action,
    actorText(row),
    row.organizationName ?? row.organizationId ?? '',
    row.ip ?? '',
    row.client ?? '',
    row.details === null || row.details === undefined ? '' : JSON.stringify(row.details),
  ];
}

/** `attachment` with the file name for old clients and as RFC 5987 `filename*`. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

interface StreamState {
  _readableState?: { length?: number; pipes?: unknown };
  _writableState?: { length?: number };
}

/**
 * Bytes written and not yet taken by the client, all along the way from the worksheet: the pass-
 * through and deflate streams of its zip entry (ExcelJS writes into them without heeding
 * backpressure, and archiver's streams are readable-stream ones without `readableLength`), the zip
 * stream and the response. Follows the pipes from the worksheet's stream (ExcelJS 4.4 keeps its
 * consumers in `pipes`), summing what each stream buffers.
 */
function pendingBytes(sheet: ExcelJS.Worksheet, out: Writable): number {
  const start = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes ?? [];
  const queue: unknown[] = [...start, out];
  const seen = new Set<unknown>();
  let total = 0;
  while (queue.length > 0) {
    const stream = queue.pop() as StreamState | undefined;
    if (!stream || seen.has(stream)) continue;
    seen.add(stream);
    total += (stream._readableState?.length ?? 0) + (stream._writableState?.length ?? 0);
    const pipes = stream._readableState?.pipes;
    if (Array.isArray(pipes)) queue.push(...(pipes as unknown[]));
    else if (pipes) queue.push(pipes);
  }
  return total;
}

/**
 * Streams an .xlsx of the batches to `out` with ExcelJS's streaming writer: each row is committed
 * (written out and dropped) as it is added, strings are inline (no shared-string table growing in
 * memory), and the next batch is read only once the client has taken what is pending. Stops early
 * when `out` is destroyed (the client went away). Returns the number of events written.
 */
export async function writeActivityWorkbook(
  batches: AsyncIterable<ActivityRow[]>,
  out: Writable,
  locale: Locale,
  options: { rowsPerSheet?: number } = {},
): Promise<number> {
  const rowsPerSheet = options.rowsPerSheet ?? ROWS_PER_SHEET;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  let sheet: ExcelJS.Worksheet | null = null;
  let sheetRows = 0;
  let sheets = 0;
  let written = 0;
  const openSheet = () => {
    sheets += 1;
    const created = workbook.addWorksheet(sheets === 1 ? SHEET_NAME[locale] : `${SHEET_NAME[locale]} ${sheets}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    created.columns = HEADERS[locale].map((header, index) => ({ header, width: WIDTHS[index] }));
    created.getRow(1).font = { bold: true };
    created.getRow(1).commit();
    sheetRows = 0;
    return created;
  };
  sheet = openSheet();
  for await (const rows of batches) {
    if (out.destroyed) break;
    for (const row of rows) {
      if (sheetRows === rowsPerSheet) {
        sheet.commit();
        sheet = openSheet();
      }
      sheet.addRow(exportCells(row, locale)).commit();
      sheetRows += 1;
      written += 1;
    }
    while (!out.destroyed && pendingBytes(sheet, out) > MAX_BACKLOG_BYTES) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  if (out.destroyed) return written;
  sheet.commit();
  await workbook.commit();
  return written;
}
