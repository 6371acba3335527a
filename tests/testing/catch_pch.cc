// SPDX-License-Identifier: Apache-2.0
// Carrier of the precompiled <catch2/catch.hpp> that every test reuses.
