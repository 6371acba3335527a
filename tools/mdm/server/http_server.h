// SPDX-License-Identifier: Apache-2.0
// File: tools/mdm/server/http_server.h
//
// `mdm serve`: the data stewards' web page and its JSON API over HTTP
// (cpp-httplib), on one Engine. Requests are served by a pool of threads
// but reach the engine one at a time.
//
//   ReviewServer server(*engine, {.host = "127.0.0.1", .port = 0});
//   absl::StatusOr<int> port = server.Bind();
//   std::thread serving([&] { (void)server.Serve(); });
//   ...
//   server.Stop();  // from any thread; Serve() returns
//   serving.join();
//
// Security, by design rather than by option: a session cookie that scripts
// cannot read (HttpOnly, SameSite=Strict) and expires after 8 idle hours;
// every POST but the login carries the session's CSRF token in the
// X-CSRF-Token header; a POST from another origin is refused; a server on a
// loopback address answers only requests addressed to a loopback name
// (against DNS rebinding); strict security headers (CSP without inline
// scripts, no framing, no referrer, no caching of API answers); bodies are
// JSON of at most ServerOptions::max_body_bytes. The request log holds
// method, path, status and time, never query strings or bodies.
#ifndef MDM_TOOLS_MDM_SERVER_HTTP_SERVER_H_
#define MDM_TOOLS_MDM_SERVER_HTTP_SERVER_H_

#include <cstddef>
#include <iostream>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "mdm/clock.h"
#include "mdm/engine.h"

namespace mdm::server {

struct ServerOptions {
  // Address to listen on. Default: loopback. The caller decides whether a
  // non-loopback address is acceptable (IsLoopbackHost).
  std::string host = "127.0.0.1";
  // Port; 0 lets the system pick a free one (Bind() returns it).
  int port = 8080;
  // Larger request bodies are refused (413). Default: 64 KiB.
  size_t max_body_bytes = 64 * 1024;
  // Time for session expiry. Must outlive the server.
  const Clock* clock = &Clock::Real();
  // Where the request log goes, one line per request. Must outlive the
  // server.
  std::ostream* log = &std::cerr;
};

class ReviewServer {
 public:
  // `engine` must outlive the server, and no other thread may use it while
  // the server runs.
  ReviewServer(Engine& engine, const ServerOptions& options);
  ~ReviewServer();
  ReviewServer(const ReviewServer&) = delete;
  ReviewServer& operator=(const ReviewServer&) = delete;

  // Listens on options.host and options.port and returns the port.
  // Unavailable when the address cannot be bound.
  absl::StatusOr<int> Bind();

  // Answers requests until Stop(). Internal when listening fails.
  // REQUIRES: Bind() succeeded.
  absl::Status Serve();

  // Makes Serve() return once the requests in progress are answered; also
  // when called before Serve() has started. Thread-safe.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for a host only this machine can reach: 127.0.0.0/8, ::1 (with or
// without brackets) and localhost.
bool IsLoopbackHost(absl::string_view host);

}  // namespace mdm::server

#endif  // MDM_TOOLS_MDM_SERVER_HTTP_SERVER_H_
