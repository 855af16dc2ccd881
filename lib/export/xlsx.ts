// A one-sheet Excel workbook from a header and rows. Text cells go through the same formula
// guard as CSV (a workbook's string cells are not run, but a user who edits one may make it so).
import ExcelJS from "exceljs";
import { neutraliseFormula } from "./spreadsheet-safety";

export type XlsxCell = string | number | Date | null;

export async function toXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly XlsxCell[])[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Twinning Office";
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(row.map((cell) => (typeof cell === "string" ? neutraliseFormula(cell) : cell)));
  }
  header.forEach((name, index) => {
    const column = sheet.getColumn(index + 1);
    const widest = Math.max(name.length, ...rows.slice(0, 500).map((row) => cellWidth(row[index] ?? null)));
    column.width = Math.min(60, Math.max(10, widest + 2));
    if (rows.some((row) => row[index] instanceof Date)) column.numFmt = "yyyy-mm-dd";
  });
  if (rows.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellWidth(cell: XlsxCell): number {
  if (cell === null) return 0;
  if (cell instanceof Date) return 10;
  return String(cell).length;
}
