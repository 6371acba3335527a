// SPDX-License-Identifier: Apache-2.0
// The plumbing of `mdm serve` (tools/mdm/server/http_server.cc) over real
// HTTP: the page and its files, sessions and their cookie, CSRF and origin
// checks, body limits, security headers and the request log.
#include "tools/mdm/server/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "absl/strings/match.h"
#include "tests/tools/server/server_fixture.h"

namespace mdm::server {
namespace {

using testing::Answer;
using testing::Browser;
using testing::ServerFixture;

TEST_CASE("IsLoopbackHost: only names and addresses of this machine", "[server]") {
  for (const char* host : {"127.0.0.1", "127.1.2.3", "localhost", "LocalHost", "::1", "[::1]"}) {
    INFO(host);
    CHECK(IsLoopbackHost(host));
  }
  for (const char* host : {"0.0.0.0", "10.0.0.1", "128.0.0.1", "127.0.0", "127.0.0.1.2",
                           "127.0.0.256", "127.0.0.+1", "127.0.0.0001", "", "::", "[::1",
                           "localhost.example.org", "::ffff:10.0.0.1"}) {
    INFO(host);
    CHECK_FALSE(IsLoopbackHost(host));
  }
}

TEST_CASE("ReviewServer: serves the page, its script and its style with security headers",
          "[server]") {
  ServerFixture f({.sample_data = false, .users = {}});
  const Answer page = f.Get("/");
  CHECK(page.status == 200);
  CHECK(absl::StartsWith(page.Header("Content-Type"), "text/html"));
  for (const char* id : {"login-name", "login-password", "login-submit", "login-error", "queue",
                         "queue-status", "queue-next", "queue-prev", "item", "decide-reason",
                         "decide-same", "decide-different", "decide-skip", "decision-status",
                         "search-input", "search-submit", "search-results", "golden"}) {
    INFO(id);
    CHECK(absl::StrContains(page.body, absl::StrCat("id=\"", id, "\"")));
  }
  // The policy forbids inline scripts: the page's only script is app.js.
  CHECK(absl::StrContains(page.body, "<script src=\"/static/app.js\""));
  CHECK_FALSE(absl::StrContains(page.body, "<script>"));
  const Answer script = f.Get("/static/app.js");
  CHECK(script.status == 200);
  CHECK(absl::StartsWith(script.Header("Content-Type"), "text/javascript"));
  CHECK(absl::StrContains(script.body, "/api/queue"));
  const Answer style = f.Get("/static/app.css");
  CHECK(style.status == 200);
  CHECK(absl::StartsWith(style.Header("Content-Type"), "text/css"));

  for (const Answer& a : {page, script, style, f.Get("/api/me"), f.Get("/no/such/page")}) {
    CHECK(absl::StrContains(a.Header("Content-Security-Policy"), "default-src 'self'"));
    CHECK_FALSE(absl::StrContains(a.Header("Content-Security-Policy"), "unsafe-inline"));
    CHECK(a.Header("X-Content-Type-Options") == "nosniff");
    CHECK(a.Header("X-Frame-Options") == "DENY");
    CHECK(a.Header("Referrer-Policy") == "no-referrer");
  }
  CHECK(f.Get("/api/me").Header("Cache-Control") == "no-store");
  CHECK(f.Get("/api/queue").Header("Cache-Control") == "no-store");
}

TEST_CASE("ReviewServer: unknown routes are 404 with a JSON error", "[server]") {
  ServerFixture f({.sample_data = false, .users = {}});
  for (const char* path : {"/no/such/page", "/static/other.js", "/api", "/api/nothing",
                           "/api/queue/abc", "/api/queue/1/explode"}) {
    INFO(path);
    const Answer a = f.Get(path);
    CHECK(a.status == 404);
    CHECK(a.ErrorCode() == "not_found");
  }
  CHECK(f.Post("/api/nothing", nlohmann::json::object()).status == 404);
}

// Every route but the login, with a body good enough to pass parsing.
struct Route {
  const char* method;
  const char* path;
};
const std::vector<Route>& ApiRoutes() {
  static const std::vector<Route> routes = {
      {"GET", "/api/me"},          {"POST", "/api/logout"},
      {"GET", "/api/queue"},       {"GET", "/api/queue/1"},
      {"POST", "/api/queue/1/decide"}, {"POST", "/api/queue/1/assign"},
      {"GET", "/api/golden/G1"},   {"GET", "/api/search?q=x"},
      {"GET", "/api/dcr"},         {"POST", "/api/dcr"},
      {"POST", "/api/dcr/1/approve"}, {"POST", "/api/dcr/1/reject"}};
  return routes;
}

TEST_CASE("ReviewServer: every API route but login is 401 without a valid session cookie",
          "[server]") {
  ServerFixture f({.sample_data = false, .users = {}});
  const Browser none{"", "", ""};
  const Browser forged{"mdm_session=" + std::string(64, 'a'), std::string(64, 'b'), ""};
  const Browser other_cookie{"theme=dark", "", ""};
  for (const Browser* browser : {&none, &forged, &other_cookie}) {
    for (const Route& route : ApiRoutes()) {
      INFO(route.method << " " << route.path << " with cookie '" << browser->cookie << "'");
      const Answer a = std::string(route.method) == "GET"
                           ? f.Get(route.path, browser)
                           : f.Post(route.path, {{"reason", "r"}}, browser);
      CHECK(a.status == 401);
      CHECK(a.ErrorCode() == "unauthenticated");
    }
  }
}

TEST_CASE("ReviewServer: login sets a session cookie scripts cannot read, logout ends it",
          "[server]") {
  ServerFixture f({.sample_data = false, .users = {Role::kSteward}});
  const Answer login =
      f.Post("/api/login", {{"name", "steward"}, {"password", testing::kTestPassword}});
  REQUIRE(login.status == 200);
  CHECK(login.json["user"] == "steward");
  CHECK(login.json["role"] == "steward");
  const std::string cookie = login.Header("Set-Cookie");
  CHECK(absl::StartsWith(cookie, "mdm_session="));
  CHECK(cookie.find(';') == std::string("mdm_session=").size() + 64);
  CHECK(absl::StrContains(cookie, "; HttpOnly"));
  CHECK(absl::StrContains(cookie, "; SameSite=Strict"));
  CHECK(absl::StrContains(cookie, "; Path=/"));
  const std::string csrf = login.json["csrf_token"];
  CHECK(csrf.size() == 64);
  const Browser browser{cookie.substr(0, cookie.find(';')), csrf, "steward"};

  const Answer me = f.Get("/api/me", &browser);
  CHECK(me.status == 200);
  CHECK(me.json["user"] == "steward");
  CHECK(me.json["role"] == "steward");
  CHECK(me.json["csrf_token"] == csrf);

  SECTION("a wrong password and an unknown user get the same answer") {
    const Answer wrong =
        f.Post("/api/login", {{"name", "steward"}, {"password", "not the password"}});
    const Answer unknown =
        f.Post("/api/login", {{"name", "nobody"}, {"password", testing::kTestPassword}});
    CHECK(wrong.status == 401);
    CHECK(wrong.body == unknown.body);
    CHECK(unknown.status == 401);
    CHECK(wrong.Header("Set-Cookie").empty());
    CHECK(f.Post("/api/login", {{"name", "steward"}}).status == 400);
  }
  SECTION("logout needs the CSRF token, then the cookie is worthless") {
    CHECK(f.Post("/api/logout", nlohmann::json::object(), &browser,
                 {{"X-CSRF-Token", "wrong"}})
              .status == 403);
    CHECK(f.Get("/api/me", &browser).status == 200);
    const Answer out = f.Post("/api/logout", nlohmann::json::object(), &browser);
    CHECK(out.status == 200);
    CHECK(absl::StrContains(out.Header("Set-Cookie"), "Max-Age=0"));
    CHECK(f.Get("/api/me", &browser).status == 401);
    CHECK(f.Get("/api/queue", &browser).status == 401);
  }
}

TEST_CASE("ReviewServer: a POST without the session's CSRF token or from elsewhere is refused",
          "[server]") {
  ServerFixture f({.sample_data = false, .users = {Role::kSteward}});
  const Browser browser = f.Login(Role::kSteward);
  const nlohmann::json body{{"verdict", "same"}, {"reason", "same RPPS"}};
  const std::string path = "/api/queue/1/decide";

  SECTION("missing or wrong CSRF token") {
    Browser no_token = browser;
    no_token.csrf = "";
    CHECK(f.Post(path, body, &no_token).ErrorCode() == "csrf");
    CHECK(f.Post(path, body, &no_token).status == 403);
    Browser wrong_token = browser;
    wrong_token.csrf = std::string(64, '0');
    CHECK(f.Post(path, body, &wrong_token).status == 403);
    CHECK(f.Post("/api/dcr", body, &wrong_token).status == 403);
  }
  SECTION("another origin, also for the login") {
    const httplib::Headers evil{{"Origin", "http://evil.example"}};
    Answer a = f.Post(path, body, &browser, evil);
    CHECK(a.status == 403);
    CHECK(a.ErrorCode() == "bad_origin");
    a = f.Post("/api/login", {{"name", "steward"}, {"password", testing::kTestPassword}},
               nullptr, evil);
    CHECK(a.status == 403);
    CHECK(a.Header("Set-Cookie").empty());
    CHECK(f.Post(path, body, &browser, {{"Origin", "null"}}).status == 403);
    // The page's own origin passes the check (and the empty store has no item 1).
    CHECK(f.Post(path, body, &browser, {{"Origin", f.origin()}}).status == 404);
  }
  SECTION("a non-loopback Host (DNS rebinding)") {
    const Answer a = f.Get("/", nullptr, {{"Host", "evil.example"}});
    CHECK(a.status == 403);
    CHECK(a.ErrorCode() == "bad_host");
    CHECK(f.Get("/", nullptr, {{"Host", absl::StrCat("localhost:", f.port())}}).status == 200);
  }
}

// Sends `request` as it is and returns what the server answers until it
// closes the connection.
std::string RawRequest(int port, const std::string& request) {
  const int sock = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(sock >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0);
  REQUIRE(send(sock, request.data(), request.size(), 0) == static_cast<ssize_t>(request.size()));
  std::string answer;
  char buffer[4096];
  for (ssize_t n; (n = recv(sock, buffer, sizeof(buffer), 0)) > 0;) answer.append(buffer, n);
  close(sock);
  return answer;
}

TEST_CASE("ReviewServer: request bodies are JSON objects of at most 64 KiB", "[server]") {
  ServerFixture f({.sample_data = false, .users = {Role::kSteward}});
  const Browser browser = f.Login(Role::kSteward);
  const std::string path = "/api/dcr";
  struct Case {
    std::string body;
    std::string type;
    int status;
  };
  for (const Case& c : std::vector<Case>{
           {"{\"golden_id\": ", "application/json", 400},
           {"[1, 2]", "application/json", 400},
           {"", "application/json", 400},
           {"golden_id=G1", "application/x-www-form-urlencoded", 400},
           {"{}", "text/plain", 400},
           {std::string(65 * 1024, ' ') + "{}", "application/json", 413},
       }) {
    INFO(c.type << " body of " << c.body.size() << " bytes");
    const Answer a = f.PostRaw(path, c.body, c.type, &browser);
    CHECK(a.status == c.status);
    CHECK(a.json.contains("error"));
  }
  // A body of unannounced length could be of any size: refused on its
  // headers alone, before any of it is read.
  for (const char* framing : {"Transfer-Encoding: chunked\r\n", ""}) {
    INFO(framing);
    const std::string answer = RawRequest(
        f.port(), absl::StrCat("POST /api/dcr HTTP/1.1\r\nHost: 127.0.0.1:", f.port(),
                               "\r\nCookie: ", browser.cookie, "\r\nX-CSRF-Token: ",
                               browser.csrf, "\r\nContent-Type: application/json\r\n",
                               framing, "\r\n"));
    CHECK(absl::StartsWith(answer, "HTTP/1.1 411 "));
  }
}

TEST_CASE("ReviewServer: a session expires after eight idle hours", "[server]") {
  ServerFixture f({.sample_data = false, .users = {Role::kViewer}});
  const Browser browser = f.Login(Role::kViewer);
  f.clock().Advance(absl::Hours(7));
  CHECK(f.Get("/api/me", &browser).status == 200);  // counts as use
  f.clock().Advance(absl::Hours(7));
  CHECK(f.Get("/api/me", &browser).status == 200);
  f.clock().Advance(absl::Hours(8));
  CHECK(f.Get("/api/me", &browser).status == 401);
  CHECK(f.Get("/api/me", &browser).status == 401);
}

TEST_CASE("ReviewServer: the log has method, path, status and time, never personal data",
          "[server]") {
  ServerFixture f({.sample_data = true, .users = {Role::kViewer}});
  const Browser browser = f.Login(Role::kViewer);
  CHECK(f.Get("/api/search?q=Aubertin&limit=5", &browser).status == 200);
  CHECK(f.Post("/api/dcr",
               {{"golden_id", "G1"}, {"field", "family_name"}, {"value", "Zeppelinova"},
                {"reason", "married"}},
               &browser)
            .status != 500);
  CHECK(f.Post("/api/login", {{"name", "Perrichon"}, {"password", "hunter2-hunter2"}}).status ==
        401);
  CHECK(f.Get("/static/%0Aforged line").status == 404);
  const std::string log = f.Stop();
  INFO(log);
  CHECK(absl::StrContains(log, "mdm: POST /api/login 200 "));
  CHECK(absl::StrContains(log, "mdm: POST /api/login 401 "));
  CHECK(absl::StrContains(log, "mdm: GET /api/search 200 "));
  CHECK(absl::StrContains(log, "mdm: POST /api/dcr "));
  CHECK(absl::StrContains(log, "mdm: GET /static/?forged?line 404 "));
  for (const char* secret : {"Aubertin", "Zeppelinova", "married", "Perrichon", "hunter2",
                             "viewer", testing::kTestPassword, browser.csrf.c_str(),
                             browser.cookie.c_str() + std::string("mdm_session=").size()}) {
    INFO(secret);
    CHECK_FALSE(absl::StrContains(log, secret));
  }
  size_t lines = 0;
  for (char c : log) lines += c == '\n';
  CHECK(lines == 5);  // one per request
}

TEST_CASE("ReviewServer: Stop() before Serve() has started still stops it", "[server]") {
  testing::TempDir dir;
  EngineOptions options;
  options.db_path = dir.File("mdm.db");
  options.create_if_missing = true;
  auto engine = Engine::Open(options);
  REQUIRE(engine.ok());
  ServerOptions server_options;
  server_options.port = 0;
  ReviewServer server(**engine, server_options);
  REQUIRE(server.Bind().ok());
  server.Stop();
  CHECK(server.Serve().ok());
}

TEST_CASE("ReviewServer: Bind() is Unavailable on a port in use", "[server]") {
  ServerFixture f({.sample_data = false, .users = {}});
  ServerOptions options;
  options.port = f.port();
  ReviewServer second(f.engine(), options);
  CHECK(second.Bind().status().code() == absl::StatusCode::kUnavailable);
}

}  // namespace
}  // namespace mdm::server
