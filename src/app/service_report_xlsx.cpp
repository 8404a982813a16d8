#include "app/service_report_xlsx.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/service_report_rows.hpp"
#include "common/secrets.hpp"

namespace hearth {
namespace {
namespace json = boost::json;

// Removes the temporary workbook however we leave.
struct TemporaryFile {
  std::filesystem::path path;
  ~TemporaryFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
};

std::string Text(std::string_view s) { return std::string(s); }

void WriteFigures(lxw_workbook* book, const json::object& report) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Figures");
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  worksheet_set_column(sheet, 0, 1, 24, nullptr);
  worksheet_set_column(sheet, 2, 2, 32, nullptr);
  worksheet_set_column(sheet, 3, 3, 14, nullptr);
  lxw_row_t row = 0;
  const char* headers[] = {"section", "key", "subkey", "value"};
  for (lxw_col_t c = 0; c < 4; ++c) worksheet_write_string(sheet, row, c, headers[c], bold);
  worksheet_freeze_panes(sheet, 1, 0);
  ForEachReportFigure(
      report, [&](std::string_view section, std::string_view key, std::string_view subkey, const json::value& value) {
        ++row;
        worksheet_write_string(sheet, row, 0, Text(section).c_str(), nullptr);
        worksheet_write_string(sheet, row, 1, Text(key).c_str(), nullptr);
        if (!subkey.empty()) worksheet_write_string(sheet, row, 2, Text(subkey).c_str(), nullptr);
        if (value.is_int64())
          worksheet_write_number(sheet, row, 3, static_cast<double>(value.get_int64()), nullptr);
        else if (value.is_uint64())
          worksheet_write_number(sheet, row, 3, static_cast<double>(value.get_uint64()), nullptr);
        else if (value.is_double())
          worksheet_write_number(sheet, row, 3, value.get_double(), nullptr);
        else if (value.is_string())
          worksheet_write_string(sheet, row, 3, std::string(value.get_string()).c_str(), nullptr);
        // null: left empty, as in the CSV
      });
  worksheet_autofilter(sheet, 0, 0, row, 3);
}

void WriteAbout(lxw_workbook* book, const json::object& report) {
  lxw_worksheet* sheet = workbook_add_worksheet(book, "About");
  worksheet_set_column(sheet, 0, 0, 12, nullptr);
  worksheet_set_column(sheet, 1, 1, 60, nullptr);
  std::string from, to;
  if (const auto* period = report.if_contains("period"); period && period->is_object()) {
    if (const auto* f = period->get_object().if_contains("from"); f && f->is_string()) from = f->get_string();
    if (const auto* t = period->get_object().if_contains("to"); t && t->is_string()) to = t->get_string();
  }
  worksheet_write_string(sheet, 0, 0, "Report", nullptr);
  worksheet_write_string(sheet, 0, 1, "Hearth service report", nullptr);
  worksheet_write_string(sheet, 1, 0, "From", nullptr);
  worksheet_write_string(sheet, 1, 1, from.c_str(), nullptr);
  worksheet_write_string(sheet, 2, 0, "To", nullptr);
  worksheet_write_string(sheet, 2, 1, to.c_str(), nullptr);
  worksheet_write_string(sheet, 3, 0, "Figures", nullptr);
  worksheet_write_string(sheet, 3, 1,
                         "As defined in METRICS.md; rates are fractions from 0 to 1; an empty value is null "
                         "(an average or rate over no records).",
                         nullptr);
}

}  // namespace

std::string ServiceReportXlsx(const json::object& report) {
  TemporaryFile file{std::filesystem::temp_directory_path() / ("hearth-report-" + RandomHex(12) + ".xlsx")};
  lxw_workbook* book = workbook_new(file.path.c_str());
  if (book == nullptr) throw FatalError("cannot create a temporary workbook");
  WriteFigures(book, report);
  WriteAbout(book, report);
  if (const lxw_error rc = workbook_close(book); rc != LXW_NO_ERROR)
    throw FatalError(std::string("cannot write the workbook: ") + lxw_strerror(rc));
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) throw FatalError("cannot read back the workbook");
  return bytes.str();
}

}  // namespace hearth
