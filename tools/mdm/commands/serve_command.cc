// SPDX-License-Identifier: Apache-2.0
// mdm serve --db D [--listen HOST:PORT] [--allow-remote]: the data stewards'
// web page and JSON API (tools/mdm/server) until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "tools/mdm/cli.h"
#include "tools/mdm/server/http_server.h"

namespace mdm::cli {
namespace {

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  bool allow_remote = false;
};

struct ListenAddress {
  std::string host;  // without the brackets of an IPv6 address
  int port = 0;
};

// "HOST:PORT" or "[IPV6]:PORT"; port 0 asks the system for a free one.
absl::StatusOr<ListenAddress> ParseListen(absl::string_view listen) {
  const size_t colon = listen.rfind(':');
  ListenAddress address;
  absl::string_view host = listen.substr(0, colon);
  if (absl::ConsumePrefix(&host, "[") && !absl::ConsumeSuffix(&host, "]")) host = "";
  address.host = std::string(host);
  if (colon == absl::string_view::npos || address.host.empty() ||
      !absl::SimpleAtoi(listen.substr(colon + 1), &address.port) || address.port < 0 ||
      address.port > 65535) {
    return absl::InvalidArgumentError("serve: --listen must be HOST:PORT (port 0 to 65535)");
  }
  return address;
}

int Serve(const CommonOptions& common, const ServeFlags& flags) {
  const absl::StatusOr<ListenAddress> address = ParseListen(flags.listen);
  if (!address.ok()) return Fail(address.status());
  if (!server::IsLoopbackHost(address->host)) {
    if (!flags.allow_remote) {
      return Fail(absl::InvalidArgumentError(
          "serve: --listen is not a loopback address; add --allow-remote to accept other "
          "machines"));
    }
    std::cerr << "mdm: warning: serving beyond this machine over plain HTTP; put a TLS "
                 "proxy in front of it\n";
  }
  absl::StatusOr<std::unique_ptr<Engine>> engine = OpenEngine(common);
  if (!engine.ok()) return Fail(engine.status());

  // The signals are blocked in every thread (httplib's pool inherits the
  // mask) and one thread waits for them, so that stopping runs outside a
  // signal handler.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  server::ServerOptions options;
  options.host = address->host;
  options.port = address->port;
  server::ReviewServer review_server(**engine, options);
  const absl::StatusOr<int> port = review_server.Bind();
  if (!port.ok()) return Fail(port.status());
  const std::string url_host =
      address->host.find(':') == std::string::npos ? address->host : "[" + address->host + "]";
  std::cout << "mdm: serving on http://" << url_host << ":" << *port << std::endl;

  std::thread waiter([&stop_signals, &review_server] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    review_server.Stop();
  });
  const absl::Status served = review_server.Serve();
  // Wakes the waiter when serving failed rather than stopped.
  if (!served.ok()) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!served.ok()) return Fail(served);
  std::cerr << "mdm: stopped\n";
  return kOk;
}

}  // namespace

void RegisterServe(CLI::App& app, CommonOptions& common, Action* action) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* serve = app.add_subcommand(
      "serve", "Serve the steward web page and JSON API (review queue, golden records, DCRs)");
  AddCommonFlags(*serve, common);
  serve->add_option("--listen", flags->listen, "Address and port (port 0: any free port)")
      ->capture_default_str();
  serve->add_flag("--allow-remote", flags->allow_remote,
                  "Accept a --listen address other machines can reach");
  serve->callback([&common, flags, action] {
    *action = [&common, flags] { return Serve(common, *flags); };
  });
}

}  // namespace mdm::cli
