// SPDX-License-Identifier: Apache-2.0
// File: tools/mdm/server/api_routes.h
//
// The data routes of `mdm serve`'s JSON API: review queue, golden records,
// search and data change requests. Each handler turns one request into
// library calls and their answer into JSON. Before a handler runs,
// http_server.cc has found the caller's session, checked the CSRF token and
// the role, parsed a POST's body and taken the engine lock; login, logout
// and the session itself are its business too.
#ifndef MDM_TOOLS_MDM_SERVER_API_ROUTES_H_
#define MDM_TOOLS_MDM_SERVER_API_ROUTES_H_

#include <vector>

#include <nlohmann/json.hpp>

#include "mdm/engine.h"
#include "tools/mdm/server/api_json.h"
#include "tools/mdm/server/sessions.h"

namespace httplib {
struct Request;
}  // namespace httplib

namespace mdm::server {

// One authenticated API request.
struct ApiCall {
  const httplib::Request& request;  // query parameters and path captures
  const Session& caller;
  const nlohmann::json& body;  // a POST's JSON object; null for a GET
};

struct ApiRoute {
  const char* method;   // "GET" or "POST"
  const char* pattern;  // httplib path regex; captures are ids
  bool steward_only;    // else any logged-in role may call it
  ApiResult (*handler)(Engine& engine, const ApiCall& call);
};

// Every data route. Who may call what:
//   viewer, dpo: every GET, and POST /api/dcr (submit a change request)
//   steward:     also deciding and assigning review items, deciding DCRs
const std::vector<ApiRoute>& DataRoutes();

}  // namespace mdm::server

#endif  // MDM_TOOLS_MDM_SERVER_API_ROUTES_H_
