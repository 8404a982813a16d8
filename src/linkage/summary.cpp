// The run summary printed after `hearth link dedupe | match`: counts only, never record values.
#include <cstdio>
#include <sstream>

#include "linkage/output.hpp"
#include "linkage/pipeline.hpp"

namespace hearth::linkage {

namespace {
std::string Format(const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

void Inputs(const RunSummary& s, std::ostream& out) {
  for (size_t i = 0; i < s.reads.size() && i < s.inputs.size(); ++i) {
    const ReadReport& r = s.reads[i];
    out << "  input              " << s.inputs[i] << ": " << Thousands(r.rows) << " records";
    if (r.short_rows) out << ", " << Thousands(r.short_rows) << " rows with too few fields (missing fields counted as absent)";
    if (r.long_rows) out << ", " << Thousands(r.long_rows) << " rows with too many fields (extra fields ignored)";
    if (r.empty_ids) out << ", " << Thousands(r.empty_ids) << " without an id (given #<row>)";
    if (r.unterminated_quotes) out << ", " << Thousands(r.unterminated_quotes) << " unterminated quoted fields";
    out << "\n";
  }
  for (const auto& [name, c] : s.columns) {
    out << "  column             " << name << ": " << Thousands(c.present) << " usable, " << Thousands(c.empty)
        << " empty";
    if (c.invalid) out << ", " << Thousands(c.invalid) << " unusable (treated as missing)";
    if (c.absent) out << ", " << Thousands(c.absent) << " absent (short rows)";
    out << "\n";
  }
}

void Blocking(const RunSummary& s, std::ostream& out) {
  out << "  candidate pairs    " << Thousands(s.candidates) << " of " << Format("%.0f", s.total_pairs)
      << " (reduction ratio " << Format("%.8f", s.ReductionRatio()) << ")\n";
  for (size_t r = 0; r < s.rules.size(); ++r) {
    const RuleStats& rs = s.rules[r];
    out << "  blocking rule " << Format("%-5.0f", static_cast<double>(r + 1)) << "[" << rs.text << "]: "
        << Thousands(rs.new_pairs) << " new pairs, " << Thousands(rs.blocks) << " blocks, largest "
        << Thousands(rs.largest_block);
    if (rs.skipped_blocks)
      out << "; skipped " << Thousands(rs.skipped_blocks) << " blocks over the cap (" << Thousands(rs.skipped_records)
          << " records, " << Thousands(rs.skipped_pairs) << " pairs)";
    out << "\n";
  }
}
}  // namespace

std::string FormatSummary(const RunSummary& s) {
  std::ostringstream out;
  out << "Summary\n";
  out << "  records            " << Thousands(s.records);
  if (s.left_records != s.records)
    out << " (" << Thousands(s.left_records) << " + " << Thousands(s.records - s.left_records) << ")";
  out << "\n";
  Inputs(s, out);
  Blocking(s, out);
  const Model& m = s.model;
  out << "  model              " << (s.model_trained ? "trained" : "loaded") << ": prior " << Format("%.4g", m.prior)
      << " (weight " << Format("%+.2f", m.PriorWeight()) << ")";
  if (s.model_trained)
    out << ", u from " << Thousands(m.u_sample_pairs) << " random pairs, EM " << m.em_iterations << " iterations"
        << (m.em_converged ? " (converged)" : " (not converged)") << " on " << Thousands(m.patterns) << " patterns";
  out << "\n";
  out << "  pairs written      " << Thousands(s.pairs_written) << " at match probability >= "
      << Format("%g", s.min_probability) << "\n";
  out << "  clusters           " << Thousands(s.clusters.clusters) << " at threshold " << Format("%g", s.threshold)
      << " (largest " << Thousands(s.clusters.largest) << " records";
  if (s.clusters.split_components)
    out << "; chain guard split " << Thousands(s.clusters.split_components) << " components, dropping "
        << Thousands(s.clusters.dropped_edges) << " weak links";
  out << ")\n";
  out << "  seconds            ";
  for (const auto& [stage, sec] : s.stages) out << stage << " " << Format("%.2f", sec) << ", ";
  out << "total " << Format("%.2f", s.Seconds()) << "\n";
  out << "  peak memory        " << Format("%.0f", static_cast<double>(s.peak_memory) / (1024.0 * 1024.0)) << " MiB\n";
  return out.str();
}

}  // namespace hearth::linkage
