// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/file_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "mdm/status.h"

namespace mdm::ingest {

absl::Status CheckReadOptions(const IngestLimits& limits, size_t read_buffer_bytes,
                              absl::string_view name) {
  if (limits.max_field_bytes <= 0 || limits.max_row_bytes <= 0 ||
      limits.max_fields <= 0 || read_buffer_bytes == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(name, ": ingest limits and buffer size must be positive"));
  }
  return absl::OkStatus();
}
namespace {

class FileSource final : public ByteSource {
 public:
  FileSource(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~FileSource() override { close(fd_); }
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  absl::StatusOr<size_t> ReadAt(int64_t offset, char* dst,
                                size_t size) override {
    for (;;) {
      const ssize_t n = pread(fd_, dst, size, static_cast<off_t>(offset));
      if (n >= 0) return static_cast<size_t>(n);
      if (errno != EINTR) {
        return absl::DataLossError(absl::StrCat(
            "read ", path_, " at byte ", offset, ": ", std::strerror(errno)));
      }
    }
  }

 private:
  std::string path_;
  int fd_;
};

class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string bytes) : bytes_(std::move(bytes)) {}

  absl::StatusOr<size_t> ReadAt(int64_t offset, char* dst,
                                size_t size) override {
    if (offset < 0 || static_cast<uint64_t>(offset) >= bytes_.size()) return 0;
    const size_t n = std::min(size, bytes_.size() - static_cast<size_t>(offset));
    std::memcpy(dst, bytes_.data() + offset, n);
    return n;
  }

 private:
  std::string bytes_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<ByteSource>> OpenFileSource(
    absl::string_view path) {
  std::string path_str(path);
  const int fd = open(path_str.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::NotFoundError(
        absl::StrCat("cannot open ", path, ": ", std::strerror(errno)));
  }
  struct stat info;
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    close(fd);
    return absl::NotFoundError(
        absl::StrCat("cannot open ", path, ": not a regular file"));
  }
  return std::make_unique<FileSource>(std::move(path_str), fd);
}

std::unique_ptr<ByteSource> MemorySource(std::string bytes) {
  return std::make_unique<StringSource>(std::move(bytes));
}

absl::StatusOr<int64_t> Utf8BomLength(ByteSource* source) {
  char head[3];
  size_t have = 0;
  while (have < sizeof(head)) {
    MDM_ASSIGN_OR_RETURN(size_t n, source->ReadAt(static_cast<int64_t>(have),
                                                  head + have,
                                                  sizeof(head) - have));
    if (n == 0) return 0;
    have += n;
  }
  return std::memcmp(head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

LineReader::LineReader(std::unique_ptr<ByteSource> source,
                       int64_t start_offset, int64_t max_line_bytes,
                       size_t chunk_bytes)
    : source_(std::move(source)),
      max_line_bytes_(max_line_bytes),
      chunk_bytes_(chunk_bytes),
      next_offset_(start_offset) {}

absl::StatusOr<bool> LineReader::Next(Line* line) {
  const auto max_len = static_cast<size_t>(max_line_bytes_);
  size_t searched = 0;  // bytes after pos_ known to hold no '\n'
  for (;;) {
    const char* start = buf_.data() + pos_;
    const size_t avail = end_ - pos_;
    const void* nl = avail > searched ? std::memchr(start + searched, '\n',
                                                    avail - searched)
                                      : nullptr;
    if (nl != nullptr || avail > max_len) {
      const size_t len =
          nl != nullptr ? static_cast<const char*>(nl) - start : avail;
      line->number = ++line_number_;
      line->too_long = len > max_len;
      if (line->too_long) {
        MDM_RETURN_IF_ERROR(TakeLongLine(len, nl != nullptr, line));
        return true;
      }
      SetText(start, len, line);
      pos_ += len + 1;
      return true;
    }
    searched = avail;
    MDM_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) {
      if (pos_ == end_) return false;
      line->number = ++line_number_;
      line->too_long = false;
      SetText(buf_.data() + pos_, end_ - pos_, line);
      pos_ = end_;
      return true;
    }
  }
}

void LineReader::SetText(const char* start, size_t len, Line* line) {
  line->text = absl::string_view(start, len);
  if (!line->text.empty() && line->text.back() == '\r') {
    line->text.remove_suffix(1);
  }
}

absl::Status LineReader::TakeLongLine(size_t len, bool ends_in_buffer,
                                      Line* line) {
  long_prefix_.assign(buf_.data() + pos_, static_cast<size_t>(max_line_bytes_));
  line->text = long_prefix_;
  if (ends_in_buffer) {
    pos_ += len + 1;
    return absl::OkStatus();
  }
  pos_ = end_;
  return SkipRestOfLine();
}

absl::StatusOr<bool> LineReader::Fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  if (buf_.size() < end_ + chunk_bytes_) buf_.resize(end_ + chunk_bytes_);
  MDM_ASSIGN_OR_RETURN(size_t n, source_->ReadAt(next_offset_,
                                                 buf_.data() + end_,
                                                 chunk_bytes_));
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ += n;
  next_offset_ += static_cast<int64_t>(n);
  return true;
}

absl::Status LineReader::SkipRestOfLine() {
  for (;;) {
    pos_ = end_ = 0;
    MDM_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) return absl::OkStatus();
    const void* nl = std::memchr(buf_.data(), '\n', end_);
    if (nl != nullptr) {
      pos_ = static_cast<size_t>(static_cast<const char*>(nl) - buf_.data()) + 1;
      return absl::OkStatus();
    }
  }
}

}  // namespace mdm::ingest
