// SPDX-License-Identifier: Apache-2.0
// File: tools/gen/config_writer.h
//
// Renders the mdm.yaml that loads the generated files: one source per entry
// of SourceSpecs() with its format, delimiter, encoding, country, trust,
// lawful basis, retention and column mapping, in the format LoadConfig()
// (mdm/include/mdm/config.h) reads. Paths are relative to the config, so the
// file works wherever the output folder is moved.
//
// Example:
//   std::string yaml = RenderConfig();
//   // "version: 1\nstore:\n  path: mdm.db\nsources:\n  - name: crm_fr\n ..."
#ifndef MDM_TOOLS_GEN_CONFIG_WRITER_H_
#define MDM_TOOLS_GEN_CONFIG_WRITER_H_

#include <string>

namespace mdm::gen {

// The whole YAML text. Pure function of SourceSpecs(); thread-safe.
std::string RenderConfig();

}  // namespace mdm::gen

#endif  // MDM_TOOLS_GEN_CONFIG_WRITER_H_
