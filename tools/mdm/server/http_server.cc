// SPDX-License-Identifier: Apache-2.0
#include "tools/mdm/server/http_server.h"

#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include <httplib.h>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "mdm/base/embedded_file.h"
#include "tools/mdm/server/api_json.h"
#include "tools/mdm/server/api_routes.h"
#include "tools/mdm/server/sessions.h"

namespace mdm::embedded {
// page.html, page.css and page.js (tools/mdm/server/CMakeLists.txt).
extern const base::EmbeddedFile kServerPage[];
extern const size_t kServerPageCount;
}  // namespace mdm::embedded

namespace mdm::server {
namespace {

using httplib::Request;
using httplib::Response;
using Screening = httplib::Server::HandlerResponse;

constexpr char kSessionCookie[] = "mdm_session";
constexpr char kContentSecurityPolicy[] =
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";
// An idle browser connection delays Stop() by at most this.
constexpr time_t kKeepAliveSeconds = 2;
// Enough of a path to tell routes apart in the log.
constexpr size_t kMaxLoggedPath = 200;

// When the request this thread answers arrived: httplib answers a request
// on one thread, from routing to logging.
thread_local std::optional<std::chrono::steady_clock::time_point> request_start;

std::string_view PageFile(std::string_view name) {
  for (size_t file_idx = 0; file_idx < embedded::kServerPageCount; ++file_idx) {
    if (embedded::kServerPage[file_idx].name == name) {
      return embedded::kServerPage[file_idx].contents;
    }
  }
  return {};
}

void Reply(Response& res, const ApiResult& result) {
  res.status = result.status;
  res.set_content(result.json, "application/json");
}

std::string SessionToken(const Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  for (absl::string_view cookie : absl::StrSplit(cookies, ';')) {
    cookie = absl::StripAsciiWhitespace(cookie);
    if (absl::ConsumePrefix(&cookie, kSessionCookie) && absl::ConsumePrefix(&cookie, "=")) {
      return std::string(cookie);
    }
  }
  return "";
}

// "127.0.0.1" of "127.0.0.1:8080", "[::1]" of "[::1]:8080".
absl::string_view HostName(absl::string_view host_header) {
  const size_t colon = host_header.rfind(':');
  if (colon == absl::string_view::npos || host_header.find(']', colon) != absl::string_view::npos) {
    return host_header;
  }
  return host_header.substr(0, colon);
}

// The path as the log may show it: printable ASCII, bounded.
std::string LoggedPath(absl::string_view path) {
  std::string out(path.substr(0, kMaxLoggedPath));
  for (char& c : out) {
    if (c <= ' ' || c > '~') c = '?';
  }
  return out;
}

ApiResult ErrorForStatusCode(int status) {
  switch (status) {
    case 404: return Error(404, "not_found", "no such route");
    case 413: return Error(413, "too_large", "request body too large");
    case 414: return Error(414, "too_large", "request URI too long");
    case 500: return Error(500, "internal", "internal error");
    default: return Error(status, "bad_request", "malformed request");
  }
}

std::string SessionJson(const Session& s) {
  const nlohmann::json json{{"user", s.user}, {"role", RoleName(s.role)},
                            {"csrf_token", s.csrf_token}};
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

bool IsLoopbackHost(absl::string_view host) {
  if (absl::ConsumePrefix(&host, "[") && !absl::ConsumeSuffix(&host, "]")) return false;
  if (absl::EqualsIgnoreCase(host, "localhost") || host == "::1") return true;
  const std::vector<absl::string_view> octets = absl::StrSplit(host, '.');
  if (octets.size() != 4 || octets[0] != "127") return false;
  return absl::c_all_of(octets, [](absl::string_view octet) {
    int value = 0;
    return !octet.empty() && octet.size() <= 3 && absl::c_all_of(octet, absl::ascii_isdigit) &&
           absl::SimpleAtoi(octet, &value) && value <= 255;
  });
}

struct ReviewServer::Impl {
  Impl(Engine& engine_in, const ServerOptions& options_in)
      : engine(engine_in), options(options_in), sessions(*options_in.clock),
        loopback_only(IsLoopbackHost(options_in.host)) {}

  void SetUp();
  Screening Screen(const Request& req, Response& res);
  void AddSecurityHeaders(const Request& req, Response& res);
  void Log(const Request& req, const Response& res);
  void LogInternalError(const Request& req, absl::string_view detail);
  void Login(const Request& req, Response& res);
  void Logout(const Request& req, Response& res);
  void ServeFile(Response& res, std::string_view name, const char* content_type);
  ApiResult Call(const ApiRoute& route, const Request& req);
  // `result`, after logging why when it is a 500.
  ApiResult Logged(const Request& req, ApiResult result);

  Engine& engine;
  const ServerOptions options;
  SessionTable sessions;
  // DNS rebinding: a loopback server answers loopback names only.
  const bool loopback_only;
  std::mutex engine_mu;  // the Engine serves one thread at a time
  std::mutex log_mu;
  httplib::Server http;
  std::atomic<bool> serving{false};
  std::atomic<bool> stop_requested{false};
};

void ReviewServer::Impl::SetUp() {
  // httplib's default adds SO_REUSEPORT, which would let a second server
  // bind the same port and silently take half of the requests (with
  // sessions it does not know).
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  http.set_payload_max_length(options.max_body_bytes);
  http.set_keep_alive_timeout(kKeepAliveSeconds);
  http.set_pre_routing_handler([this](const Request& req, Response& res) {
    return Screen(req, res);
  });
  http.set_post_routing_handler([this](const Request& req, Response& res) {
    AddSecurityHeaders(req, res);
  });
  http.set_error_handler(httplib::Server::HandlerWithResponse(
      [](const Request&, Response& res) {
        if (!res.body.empty()) return Screening::Unhandled;
        Reply(res, ErrorForStatusCode(res.status));
        return Screening::Handled;
      }));
  // httplib would put the exception's text in a header; the log gets it.
  http.set_exception_handler([this](const Request& req, Response& res, std::exception_ptr) {
    LogInternalError(req, "exception in handler");
    Reply(res, ErrorForStatusCode(500));
  });
  http.set_logger([this](const Request& req, const Response& res) { Log(req, res); });

  http.Get("/", [this](const Request&, Response& res) {
    ServeFile(res, "page.html", "text/html; charset=utf-8");
  });
  http.Get("/static/app.js", [this](const Request&, Response& res) {
    ServeFile(res, "page.js", "text/javascript; charset=utf-8");
  });
  http.Get("/static/app.css", [this](const Request&, Response& res) {
    ServeFile(res, "page.css", "text/css; charset=utf-8");
  });
  http.Post("/api/login", [this](const Request& req, Response& res) { Login(req, res); });
  http.Post("/api/logout", [this](const Request& req, Response& res) { Logout(req, res); });
  http.Get("/api/me", [this](const Request& req, Response& res) {
    const std::optional<Session> caller = sessions.Find(SessionToken(req));
    Reply(res, caller ? Ok(SessionJson(*caller)) : Error(401, "unauthenticated", "log in first"));
  });
  for (const ApiRoute& route : DataRoutes()) {
    auto handler = [this, &route](const Request& req, Response& res) {
      Reply(res, Call(route, req));
    };
    if (std::string_view(route.method) == "GET") {
      http.Get(route.pattern, handler);
    } else {
      http.Post(route.pattern, handler);
    }
  }
}

// Runs before the body is read.
Screening ReviewServer::Impl::Screen(const Request& req, Response& res) {
  request_start = std::chrono::steady_clock::now();
  const std::string host = req.get_header_value("Host");
  if (loopback_only && !IsLoopbackHost(HostName(host))) {
    Reply(res, Error(403, "bad_host", "address this server by a loopback name"));
    return Screening::Handled;
  }
  if (req.method != "POST") return Screening::Unhandled;
  if (req.has_header("Origin") && req.get_header_value("Origin") != absl::StrCat("http://", host)) {
    Reply(res, Error(403, "bad_origin", "cross-origin request refused"));
    return Screening::Handled;
  }
  // httplib 0.11 bounds only bodies that announce their length.
  if (req.has_header("Transfer-Encoding") || !req.has_header("Content-Length")) {
    res.set_header("Connection", "close");
    Reply(res, Error(411, "length_required", "a request body needs a Content-Length"));
    return Screening::Handled;
  }
  return Screening::Unhandled;
}

void ReviewServer::Impl::AddSecurityHeaders(const Request& req, Response& res) {
  res.set_header("Content-Security-Policy", kContentSecurityPolicy);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("X-Frame-Options", "DENY");
  res.set_header("Referrer-Policy", "no-referrer");
  res.set_header("Cache-Control", absl::StartsWith(req.path, "/api/") ? "no-store" : "no-cache");
}

void ReviewServer::Impl::Log(const Request& req, const Response& res) {
  const int64_t ms = request_start ? std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::steady_clock::now() - *request_start)
                                         .count()
                                   : 0;
  request_start.reset();
  const std::string line = absl::StrCat("mdm: ", LoggedPath(req.method), " ",
                                        LoggedPath(req.path), " ", res.status, " ", ms, " ms\n");
  std::lock_guard<std::mutex> lock(log_mu);
  *options.log << line << std::flush;
}

void ReviewServer::Impl::LogInternalError(const Request& req, absl::string_view detail) {
  const std::string line = absl::StrCat("mdm: ", LoggedPath(req.method), " ",
                                        LoggedPath(req.path), " failed: ", detail, "\n");
  std::lock_guard<std::mutex> lock(log_mu);
  *options.log << line << std::flush;
}

ApiResult ReviewServer::Impl::Logged(const Request& req, ApiResult result) {
  if (!result.log_detail.empty()) LogInternalError(req, result.log_detail);
  return result;
}

void ReviewServer::Impl::ServeFile(Response& res, std::string_view name, const char* content_type) {
  const std::string_view contents = PageFile(name);
  res.set_content(contents.data(), contents.size(), content_type);
}

void ReviewServer::Impl::Login(const Request& req, Response& res) {
  const absl::StatusOr<nlohmann::json> body =
      ParseJsonObject(req.get_header_value("Content-Type"), req.body);
  if (!body.ok()) return Reply(res, ErrorFromStatus(body.status()));
  const absl::StatusOr<std::string> name = RequiredString(*body, "name");
  const absl::StatusOr<std::string> password = RequiredString(*body, "password");
  if (!name.ok() || !password.ok()) {
    return Reply(res, ErrorFromStatus(name.ok() ? password.status() : name.status()));
  }
  absl::StatusOr<User> user;
  {
    std::lock_guard<std::mutex> lock(engine_mu);
    user = engine.Stewardship().Authenticate(*name, *password);
  }
  // One answer for an unknown name, a wrong password and a malformed name,
  // so that the answer does not tell who has an account.
  if (!user.ok() && (user.status().code() == absl::StatusCode::kUnauthenticated ||
                     user.status().code() == absl::StatusCode::kInvalidArgument)) {
    return Reply(res, Error(401, "unauthenticated", "wrong name or password"));
  }
  if (!user.ok()) return Reply(res, Logged(req, ErrorFromStatus(user.status())));
  const absl::StatusOr<Session> session = sessions.Create(user->name, user->role);
  if (!session.ok()) return Reply(res, Logged(req, ErrorFromStatus(session.status())));
  res.set_header("Set-Cookie", absl::StrCat(kSessionCookie, "=", session->token,
                                            "; HttpOnly; SameSite=Strict; Path=/"));
  Reply(res, Ok(SessionJson(*session)));
}

void ReviewServer::Impl::Logout(const Request& req, Response& res) {
  const std::string token = SessionToken(req);
  const std::optional<Session> caller = sessions.Find(token);
  if (!caller) return Reply(res, Error(401, "unauthenticated", "log in first"));
  if (!TokensEqual(req.get_header_value("X-CSRF-Token"), caller->csrf_token)) {
    return Reply(res, Error(403, "csrf", "missing or wrong X-CSRF-Token header"));
  }
  sessions.Remove(token);
  res.set_header("Set-Cookie", absl::StrCat(kSessionCookie,
                                            "=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0"));
  Reply(res, Ok("{}"));
}

ApiResult ReviewServer::Impl::Call(const ApiRoute& route, const Request& req) {
  const std::optional<Session> caller = sessions.Find(SessionToken(req));
  if (!caller) return Error(401, "unauthenticated", "log in first");
  const bool post = req.method == "POST";
  if (post && !TokensEqual(req.get_header_value("X-CSRF-Token"), caller->csrf_token)) {
    return Error(403, "csrf", "missing or wrong X-CSRF-Token header");
  }
  if (route.steward_only && caller->role != Role::kSteward) {
    return Error(403, "permission_denied",
                 absl::StrCat("role ", RoleName(caller->role), " may not do this"));
  }
  nlohmann::json body;
  if (post) {
    absl::StatusOr<nlohmann::json> parsed =
        ParseJsonObject(req.get_header_value("Content-Type"), req.body);
    if (!parsed.ok()) return ErrorFromStatus(parsed.status());
    body = *std::move(parsed);
  }
  std::lock_guard<std::mutex> lock(engine_mu);
  return Logged(req, route.handler(engine, ApiCall{req, *caller, body}));
}

ReviewServer::ReviewServer(Engine& engine, const ServerOptions& options)
    : impl_(std::make_unique<Impl>(engine, options)) {
  impl_->SetUp();
}

ReviewServer::~ReviewServer() = default;

absl::StatusOr<int> ReviewServer::Bind() {
  const ServerOptions& o = impl_->options;
  const int port = o.port == 0 ? impl_->http.bind_to_any_port(o.host)
                               : (impl_->http.bind_to_port(o.host, o.port) ? o.port : -1);
  if (port < 0) {
    return absl::UnavailableError(absl::StrCat("serve: cannot listen on ", o.host, ":", o.port));
  }
  return port;
}

absl::Status ReviewServer::Serve() {
  impl_->serving = true;
  const bool ok = impl_->stop_requested || impl_->http.listen_after_bind();
  impl_->serving = false;
  if (!ok && !impl_->stop_requested) return absl::InternalError("serve: listening failed");
  return absl::OkStatus();
}

void ReviewServer::Stop() {
  impl_->stop_requested = true;
  // httplib ignores stop() until its accept loop runs; Serve() checks
  // stop_requested before it starts one.
  while (impl_->serving && !impl_->http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->http.stop();
}

}  // namespace mdm::server
