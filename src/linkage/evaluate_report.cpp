// The evaluation as a table for people and as JSON for scripts (bench/linkage.sh reads the JSON).
#include <cstdio>
#include <sstream>

#include "linkage/evaluate.hpp"

namespace hearth::linkage {
namespace {

std::string Grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

std::string Fixed(double x, int places) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", places, x);
  return buffer;
}

std::string Padded(std::string text, std::size_t width) {
  if (text.size() < width) text.insert(0, width - text.size(), ' ');
  return text;
}

std::string PairRow(std::string_view label, const PairScores& s) {
  std::string row(label);
  row.resize(31, ' ');
  return row + Padded(Grouped(s.predicted), 14) + Padded(Grouped(s.true_positives), 14) +
         Padded(Fixed(s.precision, 4), 11) + Padded(Fixed(s.recall, 4), 9) + Padded(Fixed(s.f1, 4), 9) + "\n";
}

void ProblemLine(std::ostringstream& out, std::string_view what, std::uint64_t count) {
  if (count > 0) out << "  " << what << ": " << Grouped(count) << "\n";
}

void Problems(std::ostringstream& out, const EvaluationProblems& p) {
  std::ostringstream lines;
  ProblemLine(lines, "duplicate record ids in the input (first kept)", p.duplicate_record_ids);
  ProblemLine(lines, "records with no truth entry (counted as people of their own)", p.records_without_truth);
  ProblemLine(lines, "ids not in the input", p.unknown_ids);
  ProblemLine(lines, "pairs listed more than once (counted once)", p.duplicate_pairs);
  ProblemLine(lines, "records paired with themselves (ignored)", p.self_pairs);
  ProblemLine(lines, "pairs within one file of two (ignored)", p.same_file_pairs);
  ProblemLine(lines, "pairs below the threshold (left out)", p.below_threshold);
  ProblemLine(lines, "match probabilities that are not numbers (pair kept)", p.bad_probabilities);
  ProblemLine(lines, "records in no cluster (counted as clusters of one)", p.unclustered_records);
  ProblemLine(lines, "records in two clusters (first kept)", p.reclustered_records);
  if (!lines.str().empty()) out << "\nProblems in the inputs\n" << lines.str();
}

void JsonPairs(std::ostringstream& out, const PairScores& s) {
  out << "{\"predicted\": " << s.predicted << ", \"true_positives\": " << s.true_positives
      << ", \"true_pairs\": " << s.true_pairs << ", \"precision\": " << Fixed(s.precision, 6)
      << ", \"recall\": " << Fixed(s.recall, 6) << ", \"f1\": " << Fixed(s.f1, 6) << "}";
}

template <class T>
std::string JsonOptional(const std::optional<T>& value, int places = 6) {
  if (!value) return "null";
  if constexpr (std::is_floating_point_v<T>)
    return Fixed(*value, places);
  else
    return std::to_string(*value);
}
}  // namespace

std::string FormatEvaluationTable(const Evaluation& e) {
  std::ostringstream out;
  out << "Records      " << Grouped(e.records);
  if (e.records_second) out << " + " << Grouped(e.records_second) << " (two files: cross-file pairs only)";
  out << ", people " << Grouped(e.entities) << ", true pairs " << Grouped(e.cluster_pairs.true_pairs) << "\n";
  out << "Evaluated    " << e.source << " (" << Fixed(e.seconds, 2) << " s)\n\n";
  out << "                                    predicted     true pos.  precision   recall       F1\n";
  if (e.listed_pairs) out << PairRow("Pairs as listed", *e.listed_pairs);
  out << PairRow(e.listed_pairs ? "Pairs of connected components" : "Pairs implied by the clusters", e.cluster_pairs);

  const ClusterScores& c = e.clusters;
  out << "\nClusters     " << Grouped(c.clusters) << " (" << Grouped(c.singletons) << " of one record; largest "
      << Grouped(c.largest) << ")\n";
  out << "  B-cubed              precision " << Fixed(c.bcubed_precision, 4) << "  recall " << Fixed(c.bcubed_recall, 4)
      << "  F1 " << Fixed(c.bcubed_f1, 4) << "\n";
  out << "  Adjusted Rand index  " << Fixed(c.adjusted_rand, 4) << "\n";

  const BlockingScores& b = e.blocking;
  out << "\nBlocking     ";
  if (!b.candidates) {
    out << "not evaluated (give --candidates N or --candidate-pairs FILE)\n";
  } else {
    out << Grouped(*b.candidates) << " candidate pairs of " << Grouped(e.comparison_space);
    if (b.reduction_ratio) out << "; reduction ratio " << Fixed(*b.reduction_ratio, 6);
    if (b.recall) out << "; blocking recall " << Fixed(*b.recall, 4);
    out << "\n";
  }
  Problems(out, e.problems);
  return out.str();
}

std::string FormatEvaluationJson(const Evaluation& e) {
  std::ostringstream out;
  out << "{\"records\": " << e.records << ", \"records_second\": " << e.records_second
      << ", \"entities\": " << e.entities << ", \"comparison_space\": " << e.comparison_space << ", \"source\": \""
      << e.source << "\", \"seconds\": " << Fixed(e.seconds, 3) << ",\n \"listed_pairs\": ";
  if (e.listed_pairs)
    JsonPairs(out, *e.listed_pairs);
  else
    out << "null";
  out << ",\n \"cluster_pairs\": ";
  JsonPairs(out, e.cluster_pairs);
  const ClusterScores& c = e.clusters;
  out << ",\n \"clusters\": {\"count\": " << c.clusters << ", \"singletons\": " << c.singletons
      << ", \"largest\": " << c.largest << ", \"bcubed_precision\": " << Fixed(c.bcubed_precision, 6)
      << ", \"bcubed_recall\": " << Fixed(c.bcubed_recall, 6) << ", \"bcubed_f1\": " << Fixed(c.bcubed_f1, 6)
      << ", \"adjusted_rand\": " << Fixed(c.adjusted_rand, 6) << "},\n";
  const BlockingScores& b = e.blocking;
  out << " \"blocking\": {\"candidates\": " << JsonOptional(b.candidates)
      << ", \"reduction_ratio\": " << JsonOptional(b.reduction_ratio, 8)
      << ", \"true_candidates\": " << JsonOptional(b.true_candidates) << ", \"recall\": " << JsonOptional(b.recall)
      << "},\n";
  const EvaluationProblems& p = e.problems;
  out << " \"problems\": {\"duplicate_record_ids\": " << p.duplicate_record_ids
      << ", \"records_without_truth\": " << p.records_without_truth << ", \"unknown_ids\": " << p.unknown_ids
      << ", \"duplicate_pairs\": " << p.duplicate_pairs << ", \"self_pairs\": " << p.self_pairs
      << ", \"same_file_pairs\": " << p.same_file_pairs << ", \"below_threshold\": " << p.below_threshold
      << ", \"bad_probabilities\": " << p.bad_probabilities << ", \"unclustered_records\": " << p.unclustered_records
      << ", \"reclustered_records\": " << p.reclustered_records << "}}\n";
  return out.str();
}

}  // namespace hearth::linkage
