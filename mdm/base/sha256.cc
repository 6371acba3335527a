// SPDX-License-Identifier: Apache-2.0
#include "mdm/base/sha256.h"

#include <cstdio>
#include <cstring>
#include <memory>

#include <openssl/evp.h>
#include <openssl/crypto.h>

#include "absl/strings/str_cat.h"

namespace mdm::base {

struct Sha256::Context {
  EVP_MD_CTX* md = nullptr;
};

Sha256::Sha256() : ctx_(std::make_unique<Context>()) {
  ctx_->md = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx_->md, EVP_sha256(), nullptr);
}

Sha256::~Sha256() { EVP_MD_CTX_free(ctx_->md); }

void Sha256::Update(absl::string_view data) {
  EVP_DigestUpdate(ctx_->md, data.data(), data.size());
}

namespace {

std::string ToHex(const unsigned char* bytes, unsigned int len) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    hex.push_back(kHex[bytes[i] >> 4]);
    hex.push_back(kHex[bytes[i] & 0xF]);
  }
  return hex;
}

}  // namespace

std::string Sha256::HexDigest() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_->md, digest, &len);
  return ToHex(digest, len);
}

absl::StatusOr<std::string> Sha256File(absl::string_view path) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(std::string(path).c_str(), "rb"),
                                              &std::fclose);
  if (file == nullptr) {
    return absl::NotFoundError(absl::StrCat(path, ": cannot be opened"));
  }
  Sha256 hasher;
  std::string block(1 << 20, '\0');
  size_t n;
  while ((n = std::fread(block.data(), 1, block.size(), file.get())) > 0) {
    hasher.Update(absl::string_view(block.data(), n));
  }
  if (std::ferror(file.get())) {
    return absl::DataLossError(absl::StrCat(path, ": read failed"));
  }
  return hasher.HexDigest();
}

std::string Sha256Hex(absl::string_view data) {
  Sha256 hasher;
  hasher.Update(data);
  return hasher.HexDigest();
}

struct HmacSha256::Contexts {
  EVP_MD_CTX* inner = nullptr;  // after the key XOR ipad block
  EVP_MD_CTX* outer = nullptr;  // after the key XOR opad block
};

HmacSha256::HmacSha256(absl::string_view key) : ctx_(std::make_unique<Contexts>()) {
  constexpr size_t kBlock = 64;
  unsigned char block[kBlock] = {};
  if (key.size() > kBlock) {
    unsigned int len = 0;
    EVP_Digest(key.data(), key.size(), block, &len, EVP_sha256(), nullptr);
  } else {
    std::memcpy(block, key.data(), key.size());
  }
  unsigned char ipad[kBlock], opad[kBlock];
  for (size_t i = 0; i < kBlock; ++i) {
    ipad[i] = block[i] ^ 0x36;
    opad[i] = block[i] ^ 0x5c;
  }
  ctx_->inner = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx_->inner, EVP_sha256(), nullptr);
  EVP_DigestUpdate(ctx_->inner, ipad, kBlock);
  ctx_->outer = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx_->outer, EVP_sha256(), nullptr);
  EVP_DigestUpdate(ctx_->outer, opad, kBlock);
  OPENSSL_cleanse(block, kBlock);
  OPENSSL_cleanse(ipad, kBlock);
  OPENSSL_cleanse(opad, kBlock);
}

HmacSha256::~HmacSha256() {
  EVP_MD_CTX_free(ctx_->inner);
  EVP_MD_CTX_free(ctx_->outer);
}

std::string HmacSha256::Hex(absl::string_view data) const {
  // Each call works on its own copy: the keyed contexts are only read.
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> work(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_MD_CTX_copy_ex(work.get(), ctx_->inner);
  EVP_DigestUpdate(work.get(), data.data(), data.size());
  EVP_DigestFinal_ex(work.get(), digest, &len);
  EVP_MD_CTX_copy_ex(work.get(), ctx_->outer);
  EVP_DigestUpdate(work.get(), digest, len);
  EVP_DigestFinal_ex(work.get(), digest, &len);
  return ToHex(digest, len);
}

std::string HmacSha256Hex(absl::string_view key, absl::string_view data) {
  return HmacSha256(key).Hex(data);
}

}  // namespace mdm::base
