// SPDX-License-Identifier: Apache-2.0
// File: mdm/ingest/text_decoder.h
//
// Turns text read in a source's encoding into the UTF-8 that every later
// stage expects. The CSV reader decodes field by field (delimiters and
// quotes are ASCII in all supported encodings); the JSON Lines reader
// decodes a whole line before parsing it.
//
// | encoding     | what Decode() does                                          |
// |--------------|-------------------------------------------------------------|
// | utf-8        | checks the bytes; ill-formed UTF-8 -> kInvalidUtf8          |
// | windows-1252 | converts with ICU; 0x81 0x8D 0x8F 0x90 0x9D -> kEncodingError |
// | latin-1      | converts with ICU (ISO-8859-1: every byte is a character)   |
//
// ICU's windows-1252 table maps the five bytes Microsoft leaves undefined to
// C1 control characters; a CRM export holding them is mis-labelled (often
// really UTF-8), so they are rejected instead of loaded as controls.
//
// Example:
//   absl::StatusOr<TextDecoder> decoder =
//       TextDecoder::Create(mdm::Encoding::kWindows1252);
//   std::string text = "Andr\xE9 \x80";
//   decoder->Decode(&text);  // nullopt; text == "André €"
#ifndef MDM_INGEST_TEXT_DECODER_H_
#define MDM_INGEST_TEXT_DECODER_H_

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/config.h"
#include "mdm/model/reject.h"

struct UConverter;

namespace mdm::ingest {

// "utf-8", "windows-1252" or "latin-1", as written in mdm.yaml.
absl::string_view EncodingName(Encoding encoding);

// Why a text could not be decoded, without quoting the text.
struct DecodeError {
  model::IssueReason reason = model::IssueReason::kInvalidUtf8;
  size_t offset = 0;      // of the first byte that could not be decoded
  unsigned char byte = 0;  // that byte
  Encoding encoding = Encoding::kUtf8;

  // "invalid UTF-8 at byte 7 (0xE9)" or "byte 0x81 at byte 3 is undefined in
  // windows-1252".
  std::string Detail() const;
};

// Decodes text of one encoding. Owns an ICU converter for the single-byte
// encodings; not thread-safe (use one decoder per reader). Movable.
class TextDecoder {
 public:
  // Create()
  //
  // A decoder for `encoding`. Internal when the ICU data lacks a converter
  // for it (a broken ICU installation).
  static absl::StatusOr<TextDecoder> Create(Encoding encoding);

  TextDecoder(TextDecoder&&) noexcept;
  TextDecoder& operator=(TextDecoder&&) noexcept;
  ~TextDecoder();

  Encoding encoding() const { return encoding_; }

  // Decode()
  //
  // Replaces `*text`, bytes in encoding(), by their UTF-8 form and returns
  // nullopt; on failure returns the error and leaves `*text` unchanged. Empty
  // and pure-ASCII text is returned as is without calling ICU.
  std::optional<DecodeError> Decode(std::string* text);

 private:
  struct ConverterCloser {
    void operator()(UConverter* converter) const;
  };
  using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

  TextDecoder(Encoding encoding, ConverterPtr from, ConverterPtr to_utf8);
  std::optional<DecodeError> Convert(std::string* text);

  Encoding encoding_;
  ConverterPtr from_;     // null for utf-8
  ConverterPtr to_utf8_;  // null for utf-8
  std::string scratch_;   // conversion output, swapped into *text
};

}  // namespace mdm::ingest

#endif  // MDM_INGEST_TEXT_DECODER_H_
