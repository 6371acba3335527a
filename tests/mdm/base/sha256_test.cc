// SPDX-License-Identifier: Apache-2.0
#include "mdm/base/sha256.h"

#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

namespace mdm::base {
namespace {

// Vectors from FIPS 180-2 appendix B.
TEST_CASE("Sha256: FIPS 180-2 vectors, one-shot and incremental", "[base]") {
  CHECK(Sha256Hex("") ==
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  Sha256 incremental;
  incremental.Update("abcdbcdecdefdefgefghfghighij");
  incremental.Update("hijkijkljklmklmnlmnomnopnopq");
  CHECK(incremental.HexDigest() ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

// RFC 4231 test cases 1 and 2.
TEST_CASE("HmacSha256Hex: RFC 4231 vectors", "[base]") {
  CHECK(HmacSha256Hex(std::string(20, '\x0b'), "Hi There") ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  CHECK(HmacSha256Hex("Jefe", "what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  CHECK(HmacSha256Hex("key1", "x") != HmacSha256Hex("key2", "x"));
  // Test case 6: a key longer than the block is hashed first.
  CHECK(HmacSha256Hex(std::string(131, '\xaa'),
                      "Test Using Larger Than Block-Size Key - Hash Key First") ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("HmacSha256: one keyed object answers every message, from several threads", "[base]") {
  const HmacSha256 hmac("Jefe");
  CHECK(hmac.Hex("what do ya want for nothing?") ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  std::vector<std::string> expected;
  for (int i = 0; i < 200; ++i) expected.push_back(HmacSha256Hex("Jefe", std::to_string(i)));
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) got[t].push_back(hmac.Hex(std::to_string(i)));
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::vector<std::string>& g : got) CHECK(g == expected);
}

}  // namespace
}  // namespace mdm::base
