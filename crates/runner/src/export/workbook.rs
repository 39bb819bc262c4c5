//! Writes sheets into an Excel workbook (rust_xlsxwriter): a bold, wrapped header row with
//! each column's unit, frozen above the rows; numbers as numbers, months as dates shown
//! `yyyy-mm`, empty cells for missing values; columns fitted to their contents. The workbook's
//! creation time is the run's start, so the bytes depend on the results and that time only.

use anyhow::{Context, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

use super::table::{Cell, Sheet};

/// The longest a column is fitted to, in characters (long notes wrap in the About sheet).
const MAX_COLUMN_WIDTH: u32 = 90;

/// The workbook's bytes: one worksheet per sheet, in order.
pub(crate) fn write(sheets: &[Sheet], title: &str, started_unix: i64) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_timestamp(started_unix)
        .or_else(|_| ExcelDateTime::from_ymd(2000, 1, 1))
        .context("the workbook's creation time")?;
    book.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_author("Wandel")
            .set_creation_datetime(&created),
    );
    let header = Format::new().set_bold().set_text_wrap();
    let month = Format::new().set_num_format("yyyy-mm");
    let wrap = Format::new().set_text_wrap();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name)
            .with_context(|| format!("sheet name {:?}", sheet.name))?;
        for (c, column) in sheet.columns.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, column.header(), &header)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Number(v) => {
                        ws.write_number(r, c, *v)?;
                    }
                    Cell::Text(s) => {
                        ws.write_string(r, c, s)?;
                    }
                    Cell::Month { year, month: m } => {
                        ws.write_datetime_with_format(
                            r,
                            c,
                            &ExcelDateTime::from_ymd(*year, *m, 1)?,
                            &month,
                        )?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        ws.set_freeze_panes(1, 0)?;
        ws.set_autofit_max_width(MAX_COLUMN_WIDTH * 7).autofit();
        if sheet.name == "About" {
            ws.set_column_width(1, MAX_COLUMN_WIDTH as f64)?;
            ws.set_column_format(1, &wrap)?;
        }
    }
    book.save_to_buffer().context("cannot build the workbook")
}
