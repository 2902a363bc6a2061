// UserRepository contract (dialer/api/auth/user_repository.h) on SQLite and MariaDB: users come
// back field for field, usernames and agent SIP users are unique, updates report missing users.
#include <gtest/gtest.h>

#include "tests/storage/storage_fixture.h"

namespace dialer::testing {
namespace {

using auth::Role;
using auth::User;
using auth::UserId;

User user(std::string name, Role role, std::optional<std::string> sip = {},
          std::string tenant = "acme") {
  User u;
  u.username = std::move(name);
  u.role = role;
  u.tenant = std::move(tenant);
  u.agent_sip = std::move(sip);
  u.password_hash = "pbkdf2-sha256$1000$AAECAwQFBgcICQoLDA0ODw$" + u.username;
  u.created_at = from_unix_ms(1'790'000'000'123);
  return u;
}

void expect_same_user(const User& expected, const User& actual) {
  EXPECT_EQ(actual.username, expected.username);
  EXPECT_EQ(actual.role, expected.role);
  EXPECT_EQ(actual.tenant, expected.tenant);
  EXPECT_EQ(actual.agent_sip, expected.agent_sip);
  EXPECT_EQ(actual.password_hash, expected.password_hash);
  EXPECT_EQ(actual.disabled, expected.disabled);
  EXPECT_EQ(actual.created_at, expected.created_at);
}

using UserRepositoryTest = StorageTest;

TEST_F(UserRepositoryTest, CreatedUsersComeBackFieldForField) {
  auto db = open();
  auto& repo = db->users();
  EXPECT_EQ(*repo.count(), 0);
  const User agent = user("ann", Role::agent, "agent1001");
  User admin = user("root", Role::admin, std::nullopt, "*");
  admin.disabled = true;
  auto a = repo.create(agent);
  auto b = repo.create(admin);
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_GT(a->id.value(), 0);
  EXPECT_GT(b->id, a->id);
  EXPECT_EQ(*repo.count(), 2);

  auto by_name = repo.find_by_username("ann");
  ASSERT_TRUE(by_name.ok() && by_name->has_value());
  EXPECT_EQ((*by_name)->id, a->id);
  expect_same_user(agent, **by_name);
  auto by_id = repo.find_by_id(b->id);
  ASSERT_TRUE(by_id.ok() && by_id->has_value());
  expect_same_user(admin, **by_id);

  auto all = repo.list();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[0].username, "ann");
  EXPECT_EQ((*all)[1].username, "root");
}

TEST_F(UserRepositoryTest, MissingUsersAreEmptyNotErrors) {
  auto db = open();
  auto by_name = db->users().find_by_username("ghost");
  ASSERT_TRUE(by_name.ok());
  EXPECT_FALSE(by_name->has_value());
  auto by_id = db->users().find_by_id(UserId{42});
  ASSERT_TRUE(by_id.ok());
  EXPECT_FALSE(by_id->has_value());
  EXPECT_TRUE(db->users().list()->empty());
}

TEST_F(UserRepositoryTest, UsernamesAndAgentSipUsersAreUnique) {
  auto db = open();
  auto& repo = db->users();
  ASSERT_TRUE(repo.create(user("ann", Role::agent, "agent1001")).ok());
  auto same_name = repo.create(user("ann", Role::manager));
  ASSERT_FALSE(same_name.ok());
  EXPECT_EQ(same_name.error().code, ErrorCode::conflict);
  auto same_phone = repo.create(user("bob", Role::agent, "agent1001"));
  ASSERT_FALSE(same_phone.ok());
  EXPECT_EQ(same_phone.error().code, ErrorCode::conflict);
  // Any number of users without a phone.
  EXPECT_TRUE(repo.create(user("sue", Role::supervisor)).ok());
  EXPECT_TRUE(repo.create(user("max", Role::manager)).ok());
  EXPECT_EQ(*repo.count(), 3);
}

TEST_F(UserRepositoryTest, ErrorsNeverCarryThePasswordHash) {
  auto db = open();
  ASSERT_TRUE(db->users().create(user("ann", Role::agent)).ok());
  User dup = user("ann", Role::agent);
  dup.password_hash = "pbkdf2-sha256$1000$c2VjcmV0LXNhbHQ$c2VjcmV0LWhhc2g";
  auto again = db->users().create(dup);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().message.find("c2VjcmV0"), std::string::npos) << again.error().message;
}

TEST_F(UserRepositoryTest, UpdatesChangeOneUserAndReportMissingOnes) {
  auto db = open();
  auto& repo = db->users();
  auto ann = repo.create(user("ann", Role::manager));
  auto bob = repo.create(user("bob", Role::manager));
  ASSERT_TRUE(ann.ok() && bob.ok());
  ASSERT_TRUE(repo.set_role(ann->id, Role::supervisor).ok());
  ASSERT_TRUE(repo.set_password_hash(ann->id, "pbkdf2-sha256$2000$bmV3$bmV3").ok());
  ASSERT_TRUE(repo.set_disabled(ann->id, true).ok());
  auto changed = repo.find_by_id(ann->id);
  ASSERT_TRUE(changed.ok() && changed->has_value());
  EXPECT_EQ((*changed)->role, Role::supervisor);
  EXPECT_EQ((*changed)->password_hash, "pbkdf2-sha256$2000$bmV3$bmV3");
  EXPECT_TRUE((*changed)->disabled);
  expect_same_user(user("bob", Role::manager), **repo.find_by_id(bob->id));

  // Setting the value a row already has is a success on both backends.
  EXPECT_TRUE(repo.set_disabled(ann->id, true).ok());
  EXPECT_TRUE(repo.set_role(ann->id, Role::supervisor).ok());

  const UserId ghost{ann->id.value() + 100};
  EXPECT_EQ(repo.set_role(ghost, Role::admin).error().code, ErrorCode::not_found);
  EXPECT_EQ(repo.set_password_hash(ghost, "x").error().code, ErrorCode::not_found);
  EXPECT_EQ(repo.set_disabled(ghost, true).error().code, ErrorCode::not_found);
}

TEST_F(UserRepositoryTest, UsersSurviveReopening) {
  {
    auto db = open();
    ASSERT_TRUE(db->users().create(user("ann", Role::agent, "agent1001")).ok());
  }
  auto db = open();
  auto ann = db->users().find_by_username("ann");
  ASSERT_TRUE(ann.ok() && ann->has_value());
  expect_same_user(user("ann", Role::agent, "agent1001"), **ann);
}

}  // namespace
}  // namespace dialer::testing
