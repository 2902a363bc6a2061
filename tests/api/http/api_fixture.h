// The API router over a fake backend and the real access control (in-memory users, one per
// role, fast password hashing): tests log in through POST /api/login like a browser does.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "../fake_api_backend.h"
#include "dialer/api/api_router.h"
#include "dialer/api/auth/password_hash.h"
#include "dialer/api/auth_access_control.h"
#include "tests/fakes/fake_secure_random.h"
#include "tests/fakes/in_memory_user_repository.h"

namespace dialer::api::testing {

class ApiFixture : public ::testing::Test {
 protected:
  static constexpr auth::PasswordHashParams kFast{auth::kMinIterations};

  ApiFixture() {
    for (auto role : auth::kAllRoles) {
      auth::User u;
      u.username = std::string(auth::to_string(role)) + "1";
      u.role = role;
      u.tenant = role == auth::Role::admin ? "*" : "acme";
      if (role == auth::Role::agent) u.agent_sip = "1001";
      u.password_hash = *auth::hash_password("password-" + u.username, kFast, random_);
      EXPECT_TRUE(users_.create(u));
    }
  }

  ApiResponse call(const std::string& method, const std::string& path, const std::string& token,
                   const std::string& body = {}) {
    ApiRequest r;
    r.method = method;
    const auto q = path.find('?');
    r.path = path.substr(0, q);
    if (q != std::string::npos) {
      const auto query = path.substr(q + 1);
      const auto eq = query.find('=');
      r.query[query.substr(0, eq)] = query.substr(eq + 1);
    }
    r.token = token;
    r.body = body;
    r.client = "127.0.0.1";
    return router_.handle(std::move(r));
  }

  std::string login(const std::string& username) {
    auto r = call("POST", "/api/login", "",
                  nlohmann::json{{"username", username}, {"password", "password-" + username}}
                      .dump());
    EXPECT_EQ(r.status, 200) << r.body;
    return nlohmann::json::parse(r.body).value("token", "");
  }

  static nlohmann::json body(const ApiResponse& r) { return nlohmann::json::parse(r.body); }

  fakes::FakeSecureRandom random_;
  fakes::InMemoryUserRepository users_;
  auth::LoginRateLimiter limiter_;
  auth::SessionTable sessions_{auth::SessionPolicy{}, random_};
  auth::Authenticator authenticator_{sessions_, limiter_};
  auth::CredentialChecker credentials_{users_, random_, kFast};
  AuthAccessControl access_{authenticator_, credentials_, sessions_};
  FakeApiBackend backend_;
  ApiRouter router_{backend_, access_};
};

}  // namespace dialer::api::testing
