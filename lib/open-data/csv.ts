// The open data's CSV is written by the one spreadsheet writer and formula guard of the exports.
export { csvCell, neutraliseFormula, toCsv, type CsvValue } from "@/lib/export/spreadsheet-safety";
