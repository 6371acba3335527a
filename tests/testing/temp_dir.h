// SPDX-License-Identifier: Apache-2.0
// File: tests/testing/temp_dir.h
//
// A fresh directory under the system temp folder, removed with its contents
// when the object goes out of scope. Tests write their input files and
// stores there.
#ifndef MDM_TESTS_TESTING_TEMP_DIR_H_
#define MDM_TESTS_TESTING_TEMP_DIR_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace mdm::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "mdm-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

  // Creates an empty file at `path` (a signal between processes).
  static void Touch(const std::string& path) { std::ofstream(path).flush(); }

  // Writes `bytes` to `name` inside the directory and returns its path.
  std::string Write(const std::string& name, const std::string& bytes) const {
    const std::string file = File(name);
    std::filesystem::create_directories(std::filesystem::path(file).parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }

 private:
  std::string path_;
};

}  // namespace mdm::testing

#endif  // MDM_TESTS_TESTING_TEMP_DIR_H_
