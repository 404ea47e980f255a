import { stringify } from "csv-stringify/sync";

/**
 * The one CSV writer, for files people open in a spreadsheet: RFC 4180 with CRLF between records,
 * a UTF-8 byte order mark so that Excel reads Japanese names as UTF-8, and a text that starts with
 * = + - @ prefixed with ' so that a cell never runs as a formula (CSV injection). Lists are joined
 * with spaces, and an absent value is an empty cell.
 */
export function spreadsheetCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify(
    rows.map((row) => row.map((cell) => (Array.isArray(cell) ? cell.join(" ") : cell))),
    {
      header: true,
      columns: [...columns],
      bom: true,
      record_delimiter: "windows",
      escape_formulas: true,
      cast: { boolean: (value) => String(value) },
    },
  );
}
