//! Workbook files: .xlsx written with rust_xlsxwriter; .xlsx, .xls and .ods read with
//! calamine; a .csv read with csv as the sheet of targets.

use std::path::Path;

use calamine::{Data, Reader};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use super::columns::TARGETS_SHEET;
use super::{Cell, Table};

/// Writes `tables` as a workbook. The file's creation date is fixed, so the same plan
/// gives the same bytes.
pub fn write_xlsx(tables: &[Table], output: &Path) -> Result<(), String> {
    let fail = |e: rust_xlsxwriter::XlsxError| format!("cannot write the workbook: {e}");
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1).map_err(fail)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let bold = Format::new().set_bold().set_text_wrap();
    for table in tables {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&table.name).map_err(fail)?;
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r).map_err(|_| "too many rows for a workbook".to_string())?;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|_| "too many columns".to_string())?;
                match cell {
                    Cell::Empty => {}
                    Cell::Text(s) if r == 0 => {
                        sheet
                            .write_string_with_format(r, c, s, &bold)
                            .map_err(fail)?;
                    }
                    Cell::Text(s) => {
                        sheet.write_string(r, c, s).map_err(fail)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(r, c, *n).map_err(fail)?;
                    }
                }
            }
        }
        let columns = table.rows.first().map_or(0, Vec::len);
        for c in 0..columns {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            sheet.set_column_width(c, 18).map_err(fail)?;
        }
        sheet.set_freeze_panes(1, 0).map_err(fail)?;
    }
    workbook.save(output).map_err(fail)
}

/// Reads a workbook or a CSV file into tables.
pub fn read(input: &Path) -> Result<Vec<Table>, String> {
    let ext = input
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => read_csv(input).map(|t| vec![t]),
        "xlsx" | "xlsm" | "xls" | "ods" => read_workbook(input),
        _ => Err(format!(
            "`{}` is not a workbook plansite reads; give a .xlsx, .xls, .ods or .csv file",
            input.display()
        )),
    }
}

fn read_workbook(input: &Path) -> Result<Vec<Table>, String> {
    let mut book = calamine::open_workbook_auto(input)
        .map_err(|e| format!("cannot open the workbook: {e}"))?;
    let mut tables = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("cannot read the sheet {name}: {e}"))?;
        // A range starts at its first used cell; rows and columns before it are empty.
        let (top, left) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let mut rows = vec![Vec::new(); top];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left];
            cells.extend(row.iter().map(cell));
            rows.push(cells);
        }
        tables.push(Table { name, rows });
    }
    Ok(tables)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::DateTime(d) => Cell::Text(d.to_string()),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// A CSV file is the sheet of targets; its cells are all text, read by their column.
fn read_csv(input: &Path) -> Result<Table, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(input)
        .map_err(|e| format!("cannot read {}: {e}", input.display()))?;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("cannot read {}: {e}", input.display()))?;
        rows.push(
            record
                .iter()
                .map(|s| match s.trim_start_matches('\u{feff}') {
                    "" => Cell::Empty,
                    s => Cell::Text(s.to_string()),
                })
                .collect(),
        );
    }
    Ok(Table::new(TARGETS_SHEET, rows))
}
