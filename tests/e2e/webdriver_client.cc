// SPDX-License-Identifier: Apache-2.0
#include "tests/e2e/webdriver_client.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <utility>

#include <catch2/catch.hpp>
#include <httplib.h>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

namespace mdm::testing {
namespace {

constexpr absl::Duration kPollInterval = absl::Milliseconds(25);
// The key W3C WebDriver puts an element reference under.
constexpr char kElementKey[] = "element-6066-11e4-a52e-4f735466cecf";

bool HasExited(pid_t pid, std::optional<int>* status) {
  int raw = 0;
  if (waitpid(pid, &raw, WNOHANG) != pid) return false;
  *status = raw;
  return true;
}

// Runs in the forked child: nothing here may allocate or return.
[[noreturn]] void ExecChild(char* const* argv, const char* log_path, pid_t parent) {
  setpgid(0, 0);
  // Dies with the test even when the test is killed, not only when it
  // unwinds; chromedriver's browser follows it through the debugging pipe.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);
  const int log = open(log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  const int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (log < 0 || null < 0) _exit(127);
  dup2(null, STDIN_FILENO);
  dup2(log, STDOUT_FILENO);
  dup2(log, STDERR_FILENO);
  execv(argv[0], argv);
  _exit(127);
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, std::string log_path)
    : log_path_(std::move(log_path)) {
  REQUIRE(!argv.empty());
  // Built before fork(): the child must not allocate.
  std::vector<char*> c_argv;
  for (const std::string& arg : argv) c_argv.push_back(const_cast<char*>(arg.c_str()));
  c_argv.push_back(nullptr);
  const pid_t parent = getpid();
  pid_ = fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) ExecChild(c_argv.data(), log_path_.c_str(), parent);
  // Also here, so that Stop() finds the group even if the child has not run yet.
  setpgid(pid_, pid_);
}

ChildProcess::~ChildProcess() { Stop(); }

std::optional<std::string> ChildProcess::WaitForLine(absl::string_view prefix,
                                                     absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (true) {
    const std::string log = Log();
    // Only whole lines: the last one may still be being written.
    const absl::string_view written(log.data(), log.rfind('\n') + 1);
    for (absl::string_view line : absl::StrSplit(written, '\n')) {
      if (absl::ConsumePrefix(&line, prefix)) return std::string(line);
    }
    if (status_ || HasExited(pid_, &status_) || absl::Now() > deadline) return std::nullopt;
    absl::SleepFor(kPollInterval);
  }
}

int ChildProcess::Stop(absl::Duration grace) {
  if (pid_ <= 0) return status_.value_or(-1);
  if (!status_) {
    kill(-pid_, SIGTERM);
    const absl::Time deadline = absl::Now() + grace;
    while (!HasExited(pid_, &status_) && absl::Now() < deadline) absl::SleepFor(kPollInterval);
    if (!status_) {
      kill(-pid_, SIGKILL);
      int raw = 0;
      waitpid(pid_, &raw, 0);
      status_ = raw;
    }
  }
  // Whatever the process started and left behind (a browser whose driver
  // died first) is still in its group; the group id cannot be reused while
  // it has members.
  if (kill(-pid_, 0) == 0) kill(-pid_, SIGKILL);
  pid_ = -1;
  return *status_;
}

std::string ChildProcess::Log() const {
  std::ifstream in(log_path_, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

WebDriverSession::WebDriverSession(int driver_port, const std::string& browser_binary,
                                   const std::string& profile_dir)
    : client_(std::make_unique<httplib::Client>("127.0.0.1", driver_port)) {
  client_->set_keep_alive(true);
  client_->set_connection_timeout(5);
  // Starting the browser and loading a page are the slow calls.
  client_->set_read_timeout(60);
  const nlohmann::json capabilities = {
      {"capabilities",
       {{"alwaysMatch",
         {{"browserName", "chrome"},
          {"goog:chromeOptions",
           {{"binary", browser_binary},
            {"args",
             {"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
              // The browser quits when chromedriver goes away, however it goes.
              "--remote-debugging-pipe", "--user-data-dir=" + profile_dir,
              "--window-size=1280,900"}}}}}}}}};
  const nlohmann::json value = Expect("POST", "/session", capabilities);
  session_ = absl::StrCat("/session/", value.at("sessionId").get<std::string>());
}

WebDriverSession::~WebDriverSession() {
  if (!session_.empty()) client_->Delete(session_);
}

WebDriverSession::Reply WebDriverSession::Call(const std::string& method, const std::string& path,
                                               const nlohmann::json& body) {
  const auto send = [&]() -> httplib::Result {
    if (method == "GET") return client_->Get(path);
    if (method == "DELETE") return client_->Delete(path);
    return client_->Post(path, body.is_null() ? "{}" : body.dump(), "application/json");
  };
  const httplib::Result result = send();
  Reply reply;
  if (!result) return reply;
  reply.http_status = result->status;
  const nlohmann::json parsed = nlohmann::json::parse(result->body, nullptr, false);
  if (parsed.is_object() && parsed.contains("value")) reply.value = parsed["value"];
  return reply;
}

nlohmann::json WebDriverSession::Expect(const std::string& method, const std::string& path,
                                        const nlohmann::json& body) {
  const Reply reply = Call(method, path, body);
  // Only the error's name and message: its stack trace is noise.
  const nlohmann::json error = reply.value.is_object() ? reply.value : nlohmann::json::object();
  INFO(method << " " << path << " -> HTTP " << reply.http_status << " " << error.value("error", "")
              << ": " << error.value("message", "").substr(0, 300));
  REQUIRE(reply.http_status == 200);
  return reply.value;
}

std::optional<std::string> WebDriverSession::Find(const std::string& css) {
  const Reply reply =
      Call("POST", session_ + "/element", {{"using", "css selector"}, {"value", css}});
  if (reply.http_status != 200 || !reply.value.is_object() || !reply.value.contains(kElementKey)) {
    return std::nullopt;
  }
  return reply.value[kElementKey].get<std::string>();
}

std::string WebDriverSession::FindOrFail(const std::string& css) {
  const std::optional<std::string> element = Find(css);
  INFO("no element matches " << css);
  REQUIRE(element.has_value());
  return *element;
}

void WebDriverSession::Navigate(const std::string& url) {
  Expect("POST", session_ + "/url", {{"url", url}});
}

void WebDriverSession::Type(const std::string& css, const std::string& text) {
  const std::string element = absl::StrCat(session_, "/element/", FindOrFail(css));
  Expect("POST", element + "/clear");
  Expect("POST", element + "/value", {{"text", text}});
}

void WebDriverSession::Click(const std::string& css) {
  Expect("POST", absl::StrCat(session_, "/element/", FindOrFail(css), "/click"));
}

bool WebDriverSession::Exists(const std::string& css) { return Find(css).has_value(); }

bool WebDriverSession::Displayed(const std::string& css) {
  const std::optional<std::string> element = Find(css);
  if (!element) return false;
  // A stale element (the page replaced it meanwhile) counts as not shown.
  const Reply reply = Call("GET", absl::StrCat(session_, "/element/", *element, "/displayed"));
  return reply.http_status == 200 && reply.value.is_boolean() && reply.value.get<bool>();
}

std::string WebDriverSession::Text(const std::string& css) {
  const std::optional<std::string> element = Find(css);
  if (!element) return "";
  const Reply reply = Call("GET", absl::StrCat(session_, "/element/", *element, "/text"));
  return reply.http_status == 200 && reply.value.is_string() ? reply.value.get<std::string>() : "";
}

std::string WebDriverSession::Attribute(const std::string& css, const std::string& name) {
  const nlohmann::json value =
      Expect("GET", absl::StrCat(session_, "/element/", FindOrFail(css), "/attribute/", name));
  return value.is_string() ? value.get<std::string>() : "";
}

bool WebDriverSession::WaitUntil(const std::function<bool()>& condition, absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  while (!condition()) {
    if (absl::Now() > deadline) return false;
    absl::SleepFor(kPollInterval);
  }
  return true;
}

std::string WebDriverSession::ScreenshotPng() {
  const nlohmann::json value = Expect("GET", session_ + "/screenshot");
  std::string png;
  REQUIRE(value.is_string());
  REQUIRE(absl::Base64Unescape(value.get<std::string>(), &png));
  return png;
}

}  // namespace mdm::testing
