// The service dashboard's content: every figure of the service report (METRICS.md) as a captioned table, and for
// most tables the kind of chart /static/hearth/dashboard.js draws from it. The charts are drawn from the tables
// themselves, so the numbers beside a chart are the chart's numbers, and without JavaScript the tables alone are the
// whole report.
#pragma once
#include <map>
#include <string>

#include "common/messages.hpp"
#include "domain/service_report.hpp"
#include "http/template_engine.hpp"
#include "ports/reports.hpp"

namespace hearth::http {

// The dashboard's panels (headline figures first, then one panel per part of the service, in the order service
// leads present them in seed 002). `names` turns team and service ids into names where they are known.
mustache::data ReportDashboardPanels(const ServiceReport& report, const MessageCatalogue& messages,
                                     const ReportNames& names);

// Number formats shared by the tables: a count with thousands separators; a rate as a percentage with one decimal;
// a mean with one decimal; null as the catalogue's "none" mark.
std::string FormatCount(std::int64_t n);
std::string FormatPercent(const Mean& rate, const MessageCatalogue& messages);
std::string FormatMean(const Mean& mean, const MessageCatalogue& messages);

}  // namespace hearth::http
