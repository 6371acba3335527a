// SPDX-License-Identifier: Apache-2.0
// File: tests/e2e/webdriver_client.h
//
// What the browser tests need to drive a real page: a child process that
// cannot outlive the test (ChildProcess), and a W3C WebDriver session spoken
// over HTTP to chromedriver (WebDriverSession). Both check their protocol
// with Catch2's REQUIRE, so they are for test executables only.
//
// Example:
//   ChildProcess driver({"/usr/bin/chromedriver", "--port=0"}, dir.File("driver.log"));
//   const std::string line = driver.WaitForLine("ChromeDriver was started successfully on port ",
//                                               absl::Seconds(10));
//   WebDriverSession browser(port, "/usr/bin/chromium", dir.File("profile"));
//   browser.Navigate("http://127.0.0.1:8080/");
//   browser.Click("#login-submit");
#ifndef MDM_TESTS_E2E_WEBDRIVER_CLIENT_H_
#define MDM_TESTS_E2E_WEBDRIVER_CLIENT_H_

#include <sys/types.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace httplib {
class Client;
}

namespace mdm::testing {

// A process started by the test, in its own process group, with stdout and
// stderr appended to one log file. It dies with the test process (SIGKILL
// from the kernel) and is stopped, group and all, when the object goes out
// of scope, so that a failed REQUIRE leaves nothing running.
//
// Not thread-safe.
class ChildProcess {
 public:
  // Starts argv[0] (an absolute path) with `argv`. REQUIRES: argv non-empty.
  ChildProcess(const std::vector<std::string>& argv, std::string log_path);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The rest of the first log line that starts with `prefix`, once it has
  // been written; nullopt after `timeout` or when the process has exited.
  std::optional<std::string> WaitForLine(absl::string_view prefix, absl::Duration timeout);

  // Sends SIGTERM to the group, waits up to `grace` for the process, then
  // SIGKILLs what is left of the group. Returns the waitpid() status of the
  // process; later calls return the same status.
  int Stop(absl::Duration grace = absl::Seconds(5));

  // Everything the process wrote so far.
  std::string Log() const;

 private:
  std::string log_path_;
  pid_t pid_ = -1;
  std::optional<int> status_;
};

// One browser session through chromedriver: headless Chromium with a fresh
// profile. Elements are named by CSS selector and looked up again on every
// call, because the page replaces its rows whenever it reloads the queue.
// The destructor ends the session, which closes the browser.
//
// Not thread-safe.
class WebDriverSession {
 public:
  // Starts the Chromium at `browser_binary` through the chromedriver
  // listening on 127.0.0.1:driver_port, with its profile in `profile_dir`.
  WebDriverSession(int driver_port, const std::string& browser_binary,
                   const std::string& profile_dir);
  ~WebDriverSession();
  WebDriverSession(const WebDriverSession&) = delete;
  WebDriverSession& operator=(const WebDriverSession&) = delete;

  void Navigate(const std::string& url);
  void Type(const std::string& css, const std::string& text);
  void Click(const std::string& css);

  // Whether an element matching `css` exists (visible or not).
  bool Exists(const std::string& css);
  // Whether the first match is rendered; false when there is none.
  bool Displayed(const std::string& css);
  // The rendered text of the first match; "" when there is none.
  std::string Text(const std::string& css);
  // An attribute of the first match. REQUIRES: a match exists.
  std::string Attribute(const std::string& css, const std::string& name);

  // Polls `condition` until it holds; false after `timeout`.
  bool WaitUntil(const std::function<bool()>& condition,
                 absl::Duration timeout = absl::Seconds(10));

  // The viewport as PNG bytes.
  std::string ScreenshotPng();

 private:
  struct Reply {
    int http_status = 0;  // 0: chromedriver did not answer
    nlohmann::json value;
  };

  Reply Call(const std::string& method, const std::string& path,
             const nlohmann::json& body = nullptr);
  // `Call` that REQUIREs success and returns the reply's value.
  nlohmann::json Expect(const std::string& method, const std::string& path,
                        const nlohmann::json& body = nullptr);
  // The WebDriver id of the first match of `css`, if any.
  std::optional<std::string> Find(const std::string& css);
  std::string FindOrFail(const std::string& css);

  std::unique_ptr<httplib::Client> client_;
  std::string session_;  // "/session/<id>"
};

}  // namespace mdm::testing

#endif  // MDM_TESTS_E2E_WEBDRIVER_CLIENT_H_
