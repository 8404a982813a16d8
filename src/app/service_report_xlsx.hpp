// The service report as an Excel workbook (libxlsxwriter): the same figures, in the same rows, as the CSV
// (section, key, subkey, value), on one sheet, numbers as numbers and null as an empty cell; and a second sheet
// "About" saying the period and where the figures are defined.
#pragma once
#include <boost/json/object.hpp>
#include <string>

#include "common/error.hpp"

namespace hearth {

// The workbook's bytes. libxlsxwriter writes to a file, so this goes through a private temporary file that is
// removed before returning. A workbook that cannot be written throws FatalError (never a half-written download).
std::string ServiceReportXlsx(const boost::json::object& report);

}  // namespace hearth
