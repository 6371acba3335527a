// SPDX-License-Identifier: Apache-2.0
// File: tools/mdm/table.h
//
// Plain-text tables for terminal output: columns padded to their widest cell
// (counted in code points, so accented names line up), numbers right-aligned.
#ifndef MDM_TOOLS_MDM_TABLE_H_
#define MDM_TOOLS_MDM_TABLE_H_

#include <ostream>
#include <string>
#include <vector>

namespace mdm::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  void Print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace mdm::cli

#endif  // MDM_TOOLS_MDM_TABLE_H_
