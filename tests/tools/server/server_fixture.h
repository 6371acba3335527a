// SPDX-License-Identifier: Apache-2.0
// File: tests/tools/server/server_fixture.h
//
// A ReviewServer running in-process on a free loopback port, over a store
// holding the invented people of tests/testing/sample_people.h matched with
// a wide review band (so that there are review items), with a fake clock
// for session expiry. Each user, named after its role, costs a PBKDF2 hash
// (~0.3 s) to add and another to log in, so tests ask for few.
#ifndef MDM_TESTS_TOOLS_SERVER_SERVER_FIXTURE_H_
#define MDM_TESTS_TOOLS_SERVER_SERVER_FIXTURE_H_

#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "mdm/engine.h"
#include "tests/testing/fake_clock.h"
#include "tests/testing/sample_people.h"
#include "tests/testing/temp_dir.h"
#include "tools/mdm/server/http_server.h"

namespace mdm::testing {

// A password every test user has.
inline constexpr char kTestPassword[] = "correct horse battery";

// A logged-in browser: its cookie and the CSRF token the page would send.
struct Browser {
  std::string cookie;  // "mdm_session=..."
  std::string csrf;
  std::string user;
};

// An answer: status, body as text and as JSON (null when it is not JSON).
struct Answer {
  int status = 0;
  std::string body;
  nlohmann::json json;
  httplib::Headers headers;

  std::string Header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  std::string ErrorCode() const {
    return json.is_object() && json.contains("error") ? json["error"].value("code", "") : "";
  }
};

struct FixtureOptions {
  bool sample_data = true;  // run a batch of the sample people first
  std::vector<Role> users = {Role::kSteward};
};

class ServerFixture {
 public:
  explicit ServerFixture(const FixtureOptions& fixture = {}) {
    EngineOptions options;
    options.db_path = dir_.File("mdm.db");
    options.create_if_missing = true;
    options.clock = &clock_;
    options.threads = 2;
    absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
    REQUIRE(engine.ok());
    engine_ = *std::move(engine);
    if (fixture.sample_data) Load();
    for (Role role : fixture.users) {
      REQUIRE(engine_->Stewardship().AddUser(RoleName(role), role, kTestPassword).ok());
    }
    server::ServerOptions server_options;
    server_options.host = "127.0.0.1";
    server_options.port = 0;
    server_options.clock = &clock_;
    server_options.log = &log_;
    server_ = std::make_unique<server::ReviewServer>(*engine_, server_options);
    absl::StatusOr<int> port = server_->Bind();
    REQUIRE(port.ok());
    port_ = *port;
    serving_ = std::thread([this] { served_ = server_->Serve(); });
  }

  ~ServerFixture() { Stop(); }

  // Stops the server and returns its request log.
  std::string Stop() {
    if (serving_.joinable()) {
      server_->Stop();
      serving_.join();
      CHECK(served_.ok());
    }
    return log_.str();
  }

  int port() const { return port_; }
  std::string origin() const { return absl::StrCat("http://127.0.0.1:", port_); }
  FakeClock& clock() { return clock_; }
  // REQUIRES: the server is stopped (it serves one thread at a time).
  Engine& engine() { return *engine_; }

  // Logs in the user of `role` (one of FixtureOptions::users).
  Browser Login(Role role) {
    const std::string name = RoleName(role);
    Answer a = Post("/api/login", {{"name", name}, {"password", kTestPassword}});
    REQUIRE(a.status == 200);
    const std::string set_cookie = a.Header("Set-Cookie");
    return Browser{set_cookie.substr(0, set_cookie.find(';')), a.json["csrf_token"], name};
  }

  Answer Get(const std::string& path, const Browser* browser = nullptr,
             httplib::Headers headers = {}) {
    if (browser) headers.emplace("Cookie", browser->cookie);
    return Read(Client().Get(path.c_str(), headers));
  }

  // POSTs `body` as JSON with the browser's cookie and CSRF token.
  Answer Post(const std::string& path, const nlohmann::json& body,
              const Browser* browser = nullptr, httplib::Headers headers = {}) {
    return PostRaw(path, body.dump(), "application/json", browser, std::move(headers));
  }

  Answer PostRaw(const std::string& path, const std::string& body, const std::string& type,
                 const Browser* browser = nullptr, httplib::Headers headers = {}) {
    if (browser) {
      headers.emplace("Cookie", browser->cookie);
      if (headers.find("X-CSRF-Token") == headers.end()) {
        headers.emplace("X-CSRF-Token", browser->csrf);
      }
    }
    return Read(Client().Post(path.c_str(), headers, body, type.c_str()));
  }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    return client;
  }

  // The first open review item.
  nlohmann::json FirstOpenItem(const Browser& browser) {
    Answer page = Get("/api/queue?limit=1", &browser);
    REQUIRE(page.status == 200);
    REQUIRE(page.json["items"].size() == 1);
    return page.json["items"][0];
  }

 private:
  void Load() {
    const std::string yaml =
        absl::StrCat("version: 1\n", SampleSourcesYaml(),
                     "matching:\n  decision: {auto_merge: 0.999, review: 0.0001}\n");
    absl::StatusOr<Config> config = ParseConfig(yaml, dir_.File("mdm.yaml"));
    REQUIRE(config.ok());
    for (const auto& [source, text] : SampleCsvFiles(SamplePeopleRows())) {
      dir_.Write(absl::StrCat(source, "_1.csv"), text);
    }
    absl::StatusOr<RunReport> report = engine_->Run(*config, {});
    INFO(report.status());
    REQUIRE(report.ok());
    REQUIRE(report->match.review_items >= 3);
  }

  static Answer Read(const httplib::Result& result) {
    REQUIRE(result);
    Answer a;
    a.status = result->status;
    a.body = result->body;
    a.headers = result->headers;
    a.json = nlohmann::json::parse(a.body, nullptr, /*allow_exceptions=*/false);
    return a;
  }

  TempDir dir_;
  FakeClock clock_;
  std::unique_ptr<Engine> engine_;
  std::ostringstream log_;
  std::unique_ptr<server::ReviewServer> server_;
  int port_ = 0;
  std::thread serving_;
  absl::Status served_;
};

}  // namespace mdm::testing

#endif  // MDM_TESTS_TOOLS_SERVER_SERVER_FIXTURE_H_
