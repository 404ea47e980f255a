import { spreadsheetCsv } from "../src/contracts/spreadsheet-csv";

describe("spreadsheet CSV", () => {
  const csv = spreadsheetCsv(["name", "note", "count"], [["中央区", 'says "hello", then\nleaves', -3]]);

  it("starts with the UTF-8 byte order mark and ends records with CRLF", () => {
    expect(csv.startsWith("\ufeffname,note,count\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("quotes a cell holding a comma, a quote or a newline, doubling its quotes", () => {
    expect(csv).toBe('\ufeffname,note,count\r\n中央区,"says ""hello"", then\nleaves",-3\r\n');
  });

  it("escapes a text that a spreadsheet would run as a formula, but not a negative number", () => {
    const rows = spreadsheetCsv(["cell"], [['=HYPERLINK("http://x")'], ["+1"], ["-1+2"], ["@SUM(A1)"], [-1], [null], [true], [["a", "b"]]]);
    expect(rows.split("\r\n").slice(1, -1)).toEqual(['"\'=HYPERLINK(""http://x"")"', "'+1", "'-1+2", "'@SUM(A1)", "-1", "", "true", "a b"]);
  });
});
