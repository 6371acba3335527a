// SPDX-License-Identifier: Apache-2.0
// The steward's review page in a real browser: `mdm serve` on a store with
// review items (the invented people of tests/testing/sample_people.h),
// headless Chromium driven through chromedriver. A steward logs in, opens an
// item, decides it, and the store holds the decision; a wrong password gets
// nowhere. The screenshot after the decision is kept under test-artifacts/
// for people to look at.
//
// Without Chromium or chromedriver the test exits with
// MDM_E2E_SKIP_RETURN_CODE, which ctest reports as skipped;
// tools/install_deps.sh --with-test-tools installs both.
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/time.h"
#include "tests/e2e/webdriver_client.h"
#include "tests/testing/sample_people.h"
#include "tests/testing/mdm_process.h"
#include "tests/testing/temp_dir.h"

namespace mdm {
namespace {

using testing::ChildProcess;
using testing::WebDriverSession;

const std::string& kMdm = testing::MdmBinary();
constexpr char kChromium[] = "/usr/bin/chromium";
constexpr char kChromedriver[] = "/usr/bin/chromedriver";
const std::string kScreenshot = std::string(MDM_E2E_ARTIFACTS_DIR) + "/e2e_review_decided.png";

// A wide review band, so that the sample people give review items.
constexpr char kMatchingYaml[] = "matching:\n  decision: {auto_merge: 0.999, review: 0.0001}\n";
constexpr char kSteward[] = "steward1";
constexpr char kPassword[] = "e2e-secret-42";
constexpr char kReason[] = "e2e: different practices, same family name";

constexpr char kPngMagic[] = "\x89PNG\r\n\x1a\n";
// Chromium's screenshot of a blank page is about 4 KB; one of a page with a
// queue and an item on it is several times that.
constexpr size_t kMinScreenshotBytes = 8 * 1024;

// Catch2 v2 cannot skip a test case: the process ends with the code ctest
// was told means "skipped".
void SkipWithoutBrowser() {
  for (const char* tool : {kChromium, kChromedriver}) {
    if (std::filesystem::exists(tool)) continue;
    std::cout << "skipped: " << tool
              << " is not installed (tools/install_deps.sh --with-test-tools)\n";
    std::exit(MDM_E2E_SKIP_RETURN_CODE);
  }
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `mdm args` with `input` on stdin; its output goes to `log`.
int Mdm(const std::string& args, const std::string& log, const std::string& input = "") {
  const std::string command = absl::StrCat(kMdm, " ", args, " >>", log, " 2>&1");
  FILE* pipe = popen(command.c_str(), "w");
  REQUIRE(pipe != nullptr);
  fputs(input.c_str(), pipe);
  const int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs `mdm args` and returns what it printed on stdout; stderr goes to
// `log`. nullopt when it fails.
std::optional<std::string> MdmOutput(const std::string& args, const std::string& log) {
  const std::string command = absl::StrCat(kMdm, " ", args, " 2>>", log);
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), pipe)) > 0) out.append(buffer, n);
  const int status = pclose(pipe);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return out;
}

// What the page says about itself, for failure messages: ids and status
// lines, no record values.
std::string PageState(WebDriverSession& browser) {
  std::string state;
  for (const char* id : {"#login-error", "#item-title", "#decision-status", "#golden-title"}) {
    absl::StrAppend(&state, id,
                    browser.Displayed(id) ? " (shown): " : " (hidden): ", browser.Text(id), "\n");
  }
  return state;
}

// Waits until `condition` holds; on timeout, fails the test with `what` and
// the page's state.
void WaitFor(WebDriverSession& browser, const char* what, const std::function<bool()>& condition) {
  if (browser.WaitUntil(condition)) return;
  FAIL("timed out waiting for " << what << "\n" << PageState(browser));
}

// A store with open review items and one steward, `mdm serve` on it, and a
// browser. Members are declared in the order they start, so they stop in
// the reverse order however the test ends: browser, driver, server, files.
class ReviewPage {
 public:
  ReviewPage() {
    SkipWithoutBrowser();
    BuildStore();
    server_ = std::make_unique<ChildProcess>(
        std::vector<std::string>{kMdm, "serve", "--db", db_, "--listen", "127.0.0.1:0"},
        dir_.File("serve.log"));
    url_ = absl::StrCat("http://127.0.0.1:", PortOf(*server_, "mdm: serving on http://127.0.0.1:"),
                        "/");
    driver_ = std::make_unique<ChildProcess>(std::vector<std::string>{kChromedriver, "--port=0"},
                                             dir_.File("chromedriver.log"));
    const int driver_port = PortOf(*driver_, "ChromeDriver was started successfully on port ");
    browser_ = std::make_unique<WebDriverSession>(driver_port, kChromium, dir_.File("profile"));
  }

  WebDriverSession& browser() { return *browser_; }
  const std::string& db() const { return db_; }
  // Where the mdm commands write their stderr.
  std::string log() const { return dir_.File("mdm.log"); }

  // Opens the page and submits the login form.
  void LogIn(const std::string& name, const std::string& password) {
    browser_->Navigate(url_);
    WaitFor(*browser_, "the login form", [&] { return browser_->Displayed("#login-name"); });
    browser_->Type("#login-name", name);
    browser_->Type("#login-password", password);
    browser_->Click("#login-submit");
  }

  // Ends the browser session and stops the server; returns the server's
  // waitpid() status.
  int StopServer() {
    browser_.reset();
    return server_->Stop();
  }

 private:
  void BuildStore() {
    for (const auto& [source, text] : testing::SampleCsvFiles(testing::SamplePeopleRows())) {
      dir_.Write(absl::StrCat(source, "_1.csv"), text);
    }
    const std::string config = dir_.Write(
        "mdm.yaml", absl::StrCat("version: 1\n", testing::SampleSourcesYaml(), kMatchingYaml));
    RequireMdm(absl::StrCat("init --db ", db_));
    RequireMdm(absl::StrCat("run --config ", config, " --db ", db_));
    // The password goes through stdin, never onto a command line.
    RequireMdm(absl::StrCat("user add ", kSteward, " --role steward --db ", db_),
               absl::StrCat(kPassword, "\n"));
  }

  void RequireMdm(const std::string& args, const std::string& input = "") {
    const int exit_code = Mdm(args, log(), input);
    INFO("mdm " << args << "\n" << ReadFile(log()));
    REQUIRE(exit_code == 0);
  }

  // The port number after `prefix` in the process's output, once it is there.
  static int PortOf(ChildProcess& process, absl::string_view prefix) {
    const std::optional<std::string> rest = process.WaitForLine(prefix, absl::Seconds(15));
    INFO(process.Log());
    REQUIRE(rest.has_value());
    int port = 0;
    REQUIRE(absl::SimpleAtoi(absl::StripSuffix(*rest, "."), &port));
    return port;
  }

  testing::TempDir dir_;
  std::string db_ = dir_.File("mdm.db");
  std::string url_;
  std::unique_ptr<ChildProcess> server_;
  std::unique_ptr<ChildProcess> driver_;
  std::unique_ptr<WebDriverSession> browser_;
};

TEST_CASE("Review page: a wrong password shows an error and no queue", "[e2e][serve]") {
  ReviewPage page;
  WebDriverSession& browser = page.browser();
  page.LogIn(kSteward, "not-the-password");
  WaitFor(browser, "a login error", [&] { return !browser.Text("#login-error").empty(); });
  CHECK(browser.Displayed("#login-name"));
  CHECK_FALSE(browser.Displayed("#queue"));
  CHECK_FALSE(browser.Exists("#queue tr[data-item-id]"));
}

TEST_CASE("Review page: a steward decides an item and the store records the decision",
          "[e2e][serve]") {
  ReviewPage page;
  WebDriverSession& browser = page.browser();
  page.LogIn(kSteward, kPassword);
  const std::string first_row = "#queue tr[data-item-id]";
  WaitFor(browser, "the queue", [&] { return browser.Displayed(first_row); });
  const std::string item_id = browser.Attribute(first_row, "data-item-id");
  int64_t item = 0;
  REQUIRE(absl::SimpleAtoi(item_id, &item));
  const std::string row = absl::StrCat("#queue tr[data-item-id=\"", item_id, "\"]");

  // The row's first cell: the middle of the row holds links to golden records.
  browser.Click(row + " td:first-child");
  WaitFor(browser, "the item", [&] {
    return browser.Displayed("#item") && absl::StrContains(browser.Text("#item-title"), item_id);
  });
  browser.Type("#decide-reason", kReason);
  browser.Click("#decide-different");
  WaitFor(browser, "the decision",
          [&] { return absl::StrContains(browser.Text("#decision-status"), "decided"); });
  // The queue lists open items, and the page reloads it after a decision.
  WaitFor(browser, "the row to leave the queue", [&] { return !browser.Exists(row); });

  std::filesystem::create_directories(MDM_E2E_ARTIFACTS_DIR);
  std::ofstream(kScreenshot, std::ios::binary) << browser.ScreenshotPng();
  const std::string png = ReadFile(kScreenshot);
  CHECK(absl::StartsWith(png, absl::string_view(kPngMagic, sizeof(kPngMagic) - 1)));
  CHECK(png.size() > kMinScreenshotBytes);

  // The store, not the page, is the judge: ask the CLI once the server is gone.
  const int server_status = page.StopServer();
  CHECK(WIFEXITED(server_status));
  CHECK(WEXITSTATUS(server_status) == 0);
  const std::optional<std::string> shown =
      MdmOutput(absl::StrCat("queue show ", item_id, " --json --db ", page.db()), page.log());
  if (!shown) FAIL("mdm queue show failed:\n" << ReadFile(page.log()));
  const nlohmann::json stored = nlohmann::json::parse(*shown, nullptr, false);
  REQUIRE(stored.contains("item"));
  CHECK(stored["item"].value("status", "") == "decided");
  CHECK(stored["item"].value("decision", "") == "different");
  CHECK(stored["item"].value("decided_by", "") == kSteward);
  CHECK(stored["item"].value("decision_reason", "") == kReason);
}

}  // namespace
}  // namespace mdm
