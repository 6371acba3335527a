// SPDX-License-Identifier: Apache-2.0
// File: mdm/config/survivorship_reader.h
//
// Reads the `survivorship:` section of mdm.yaml into an
// mdm::SurvivorshipConfig, reporting every problem into ConfigErrors (file,
// line, key) like the rest of the loader. What the section leaves out keeps
// its default. A source_priority entry must name one of `source_names` or
// a source type.
#ifndef MDM_CONFIG_SURVIVORSHIP_READER_H_
#define MDM_CONFIG_SURVIVORSHIP_READER_H_

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "mdm/config/config_errors.h"
#include "mdm/survivorship_config.h"

namespace mdm::config {

SurvivorshipConfig ReadSurvivorship(const YAML::Node& node,
                                    const std::vector<std::string>& source_names,
                                    ConfigErrors* errors);

}  // namespace mdm::config

#endif  // MDM_CONFIG_SURVIVORSHIP_READER_H_
