// SPDX-License-Identifier: Apache-2.0
#include "mdm/ingest/text_decoder.h"

#include <unicode/ucnv.h>

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "mdm/base/utf8.h"

namespace mdm::ingest {
namespace {

using model::IssueReason;

// Microsoft's code page 1252 defines no character for these bytes.
bool IsUndefinedIn1252(unsigned char byte) {
  return byte == 0x81 || byte == 0x8D || byte == 0x8F || byte == 0x90 ||
         byte == 0x9D;
}

// A single-byte character becomes at most 3 UTF-8 bytes (the BMP).
constexpr size_t kMaxUtf8BytesPerByte = 3;

}  // namespace

absl::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kWindows1252: return "windows-1252";
    case Encoding::kLatin1: return "latin-1";
  }
  return "unknown";
}

std::string DecodeError::Detail() const {
  if (reason == IssueReason::kInvalidUtf8) {
    return absl::StrFormat("invalid UTF-8 at byte %d (0x%02X)", offset, byte);
  }
  return absl::StrFormat("byte 0x%02X at byte %d is undefined in %s", byte,
                         offset, EncodingName(encoding));
}

void TextDecoder::ConverterCloser::operator()(UConverter* converter) const {
  ucnv_close(converter);
}

absl::StatusOr<TextDecoder> TextDecoder::Create(Encoding encoding) {
  if (encoding == Encoding::kUtf8) {
    return TextDecoder(encoding, nullptr, nullptr);
  }
  const char* icu_name =
      encoding == Encoding::kWindows1252 ? "windows-1252" : "ISO-8859-1";
  UErrorCode status = U_ZERO_ERROR;
  ConverterPtr from(ucnv_open(icu_name, &status));
  ConverterPtr to_utf8(ucnv_open("UTF-8", &status));
  // An unmapped byte must fail the conversion, not become U+FFFD.
  if (U_SUCCESS(status)) {
    ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr,
                        nullptr, &status);
  }
  if (U_FAILURE(status)) {
    return absl::InternalError(absl::StrCat("ICU has no converter for ",
                                            icu_name, ": ",
                                            u_errorName(status)));
  }
  return TextDecoder(encoding, std::move(from), std::move(to_utf8));
}

TextDecoder::TextDecoder(Encoding encoding, ConverterPtr from,
                         ConverterPtr to_utf8)
    : encoding_(encoding),
      from_(std::move(from)),
      to_utf8_(std::move(to_utf8)) {}

TextDecoder::TextDecoder(TextDecoder&&) noexcept = default;
TextDecoder& TextDecoder::operator=(TextDecoder&&) noexcept = default;
TextDecoder::~TextDecoder() = default;

std::optional<DecodeError> TextDecoder::Decode(std::string* text) {
  if (encoding_ == Encoding::kUtf8) {
    const size_t bad = base::FindInvalidUtf8(*text);
    if (bad == base::kValidUtf8) return std::nullopt;
    return DecodeError{IssueReason::kInvalidUtf8, bad,
                       static_cast<unsigned char>((*text)[bad]), encoding_};
  }
  if (base::IsAscii(*text)) return std::nullopt;
  if (encoding_ == Encoding::kWindows1252) {
    for (size_t i = 0; i < text->size(); ++i) {
      const auto byte = static_cast<unsigned char>((*text)[i]);
      if (IsUndefinedIn1252(byte)) {
        return DecodeError{IssueReason::kEncodingError, i, byte, encoding_};
      }
    }
  }
  return Convert(text);
}

std::optional<DecodeError> TextDecoder::Convert(std::string* text) {
  scratch_.resize(text->size() * kMaxUtf8BytesPerByte);
  char* target = scratch_.data();
  const char* source = text->data();
  UErrorCode status = U_ZERO_ERROR;
  ucnv_convertEx(to_utf8_.get(), from_.get(), &target,
                 scratch_.data() + scratch_.size(), &source,
                 text->data() + text->size(), nullptr, nullptr, nullptr,
                 nullptr, /*reset=*/true, /*flush=*/true, &status);
  if (U_FAILURE(status)) {
    // The source converter stops just past the byte it could not map.
    const size_t consumed = static_cast<size_t>(source - text->data());
    const size_t offset = consumed > 0 ? consumed - 1 : 0;
    return DecodeError{IssueReason::kEncodingError, offset,
                       static_cast<unsigned char>((*text)[offset]), encoding_};
  }
  scratch_.resize(static_cast<size_t>(target - scratch_.data()));
  text->swap(scratch_);
  return std::nullopt;
}

}  // namespace mdm::ingest
