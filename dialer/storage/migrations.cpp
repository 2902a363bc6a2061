#include "dialer/storage/migrations.h"

#include <algorithm>

namespace dialer {
namespace {

// Append new entries at the end; never edit one that has shipped (databases already carry it).
// MariaDB tables use utf8mb4_bin so comparisons are byte-exact, as in SQLite.
const std::vector<Migration>& all_migrations() {
  static const std::vector<Migration> list = {
      {1,
       "tenants, campaigns, lead lists and leads",
       {
           {"CREATE TABLE tenants ("
            " slug TEXT PRIMARY KEY,"
            " created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)",
            "CREATE TABLE tenants ("
            " slug VARCHAR(64) NOT NULL PRIMARY KEY,"
            " created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
           {"CREATE TABLE campaigns ("
            " id INTEGER PRIMARY KEY,"
            " tenant TEXT NOT NULL REFERENCES tenants(slug),"
            " name TEXT NOT NULL,"
            " dial_mode TEXT NOT NULL,"
            " definition TEXT NOT NULL,"
            " updated_at INTEGER NOT NULL)",
            "CREATE TABLE campaigns ("
            " id BIGINT NOT NULL PRIMARY KEY,"
            " tenant VARCHAR(64) NOT NULL,"
            " name VARCHAR(255) NOT NULL,"
            " dial_mode VARCHAR(16) NOT NULL,"
            " definition MEDIUMTEXT NOT NULL,"
            " updated_at BIGINT NOT NULL,"
            " CONSTRAINT campaigns_tenant FOREIGN KEY (tenant) REFERENCES tenants(slug)"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
           {"CREATE TABLE lead_lists ("
            " id INTEGER PRIMARY KEY,"
            " tenant TEXT NOT NULL REFERENCES tenants(slug),"
            " campaign_id INTEGER NOT NULL,"
            " name TEXT NOT NULL,"
            " UNIQUE (campaign_id, name))",
            "CREATE TABLE lead_lists ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " tenant VARCHAR(64) NOT NULL,"
            " campaign_id BIGINT NOT NULL,"
            " name VARCHAR(255) NOT NULL,"
            " UNIQUE KEY lead_lists_campaign_name (campaign_id, name),"
            " CONSTRAINT lead_lists_tenant FOREIGN KEY (tenant) REFERENCES tenants(slug)"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
           // Leads carry their tenant; the list reference makes a batch with an unknown list
           // fail as a whole. Free text is TEXT on MariaDB so long CSV values are never cut.
           {"CREATE TABLE leads ("
            " id INTEGER PRIMARY KEY,"
            " tenant TEXT NOT NULL,"
            " campaign_id INTEGER NOT NULL,"
            " list_id INTEGER NOT NULL REFERENCES lead_lists(id),"
            " phone TEXT NOT NULL,"
            " alt_phones TEXT NOT NULL,"
            " first_name TEXT NOT NULL,"
            " last_name TEXT NOT NULL,"
            " address TEXT NOT NULL,"
            " city TEXT NOT NULL,"
            " state TEXT NOT NULL,"
            " postal_code TEXT NOT NULL,"
            " timezone TEXT NOT NULL,"
            " email TEXT NOT NULL,"
            " custom_fields TEXT NOT NULL,"
            " status TEXT NOT NULL,"
            " attempts INTEGER NOT NULL CHECK (attempts >= 0),"
            " next_attempt_at INTEGER,"
            " source_line INTEGER NOT NULL)",
            "CREATE TABLE leads ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " tenant VARCHAR(64) NOT NULL,"
            " campaign_id BIGINT NOT NULL,"
            " list_id BIGINT NOT NULL,"
            " phone VARCHAR(32) NOT NULL,"
            " alt_phones TEXT NOT NULL,"
            " first_name TEXT NOT NULL,"
            " last_name TEXT NOT NULL,"
            " address TEXT NOT NULL,"
            " city TEXT NOT NULL,"
            " state TEXT NOT NULL,"
            " postal_code TEXT NOT NULL,"
            " timezone TEXT NOT NULL,"
            " email TEXT NOT NULL,"
            " custom_fields TEXT NOT NULL,"
            " status VARCHAR(16) NOT NULL,"
            " attempts INT NOT NULL,"
            " next_attempt_at BIGINT NULL,"
            " source_line BIGINT NOT NULL,"
            " CONSTRAINT leads_attempts CHECK (attempts >= 0),"
            " CONSTRAINT leads_list FOREIGN KEY (list_id) REFERENCES lead_lists(id)"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
           // page() and count() walk leads by campaign and id; duplicate checks go by phone.
           {"CREATE INDEX leads_campaign_id ON leads (campaign_id, id)", ""},
           {"CREATE INDEX leads_campaign_phone ON leads (campaign_id, phone)", ""},
       }},
      // Sealed call records keep their canonical JSON line verbatim (the hashed bytes); the
      // other columns exist for the chain check and the export range scan. The primary key
      // (log_id, seq) turns a second writer's seal of the same seq into a conflict.
      {2,
       "call records, open attempts, DNC events, checkpoints, consents and revocations",
       {
           {"CREATE TABLE call_records ("
            " log_id TEXT NOT NULL,"
            " seq INTEGER NOT NULL,"
            " attempt_id TEXT NOT NULL,"
            " sealed_at INTEGER NOT NULL,"
            " prev_hash TEXT NOT NULL,"
            " record_hash TEXT NOT NULL,"
            " body TEXT NOT NULL,"
            " PRIMARY KEY (log_id, seq))",
            "CREATE TABLE call_records ("
            " log_id VARCHAR(64) NOT NULL,"
            " seq BIGINT NOT NULL,"
            " attempt_id VARCHAR(128) NOT NULL,"
            " sealed_at BIGINT NOT NULL,"
            " prev_hash VARCHAR(128) NOT NULL,"
            " record_hash VARCHAR(128) NOT NULL,"
            " body MEDIUMTEXT NOT NULL,"
            " PRIMARY KEY (log_id, seq)"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
           {"CREATE INDEX call_records_sealed_at ON call_records (sealed_at)", ""},
           {"CREATE TABLE open_attempts ("
            " attempt_id TEXT PRIMARY KEY,"
            " body TEXT NOT NULL)",
            "CREATE TABLE open_attempts ("
            " attempt_id VARCHAR(128) NOT NULL PRIMARY KEY,"
            " body MEDIUMTEXT NOT NULL"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
           {"CREATE TABLE record_checkpoints ("
            " log_id TEXT NOT NULL,"
            " seq INTEGER NOT NULL,"
            " head_hash TEXT NOT NULL,"
            " record_count INTEGER NOT NULL,"
            " at_ms INTEGER NOT NULL,"
            " signature TEXT NOT NULL,"
            " PRIMARY KEY (log_id, seq))",
            "CREATE TABLE record_checkpoints ("
            " log_id VARCHAR(64) NOT NULL,"
            " seq BIGINT NOT NULL,"
            " head_hash VARCHAR(128) NOT NULL,"
            " record_count BIGINT NOT NULL,"
            " at_ms BIGINT NOT NULL,"
            " signature VARCHAR(256) NOT NULL,"
            " PRIMARY KEY (log_id, seq)"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
           // DNC events: one chain ("dnc_events"); number and campaign_id are copied out of
           // the line so that the start-up load reads two columns instead of parsing JSON.
           {"CREATE TABLE dnc_events ("
            " seq INTEGER PRIMARY KEY,"
            " received_at INTEGER NOT NULL,"
            " number TEXT NOT NULL,"
            " campaign_id TEXT,"
            " record_hash TEXT NOT NULL,"
            " body TEXT NOT NULL)",
            "CREATE TABLE dnc_events ("
            " seq BIGINT NOT NULL PRIMARY KEY,"
            " received_at BIGINT NOT NULL,"
            " number VARCHAR(32) NOT NULL,"
            " campaign_id VARCHAR(64) NULL,"
            " record_hash VARCHAR(128) NOT NULL,"
            " body MEDIUMTEXT NOT NULL"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
           {"CREATE INDEX dnc_events_received_at ON dnc_events (received_at)", ""},
           {"CREATE TABLE dnc_checkpoints ("
            " seq INTEGER PRIMARY KEY,"
            " head_hash TEXT NOT NULL,"
            " record_count INTEGER NOT NULL,"
            " at_ms INTEGER NOT NULL,"
            " signature TEXT NOT NULL)",
            "CREATE TABLE dnc_checkpoints ("
            " seq BIGINT NOT NULL PRIMARY KEY,"
            " head_hash VARCHAR(128) NOT NULL,"
            " record_count BIGINT NOT NULL,"
            " at_ms BIGINT NOT NULL,"
            " signature VARCHAR(256) NOT NULL"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
           // Consents and revocations, replayed in insertion (id) order at start-up.
           {"CREATE TABLE consents ("
            " id INTEGER PRIMARY KEY,"
            " consent_id TEXT NOT NULL,"
            " number INTEGER NOT NULL,"
            " consent_type TEXT NOT NULL,"
            " captured_at INTEGER NOT NULL,"
            " source TEXT NOT NULL)",
            "CREATE TABLE consents ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " consent_id VARCHAR(128) NOT NULL,"
            " number BIGINT NOT NULL,"
            " consent_type VARCHAR(32) NOT NULL,"
            " captured_at BIGINT NOT NULL,"
            " source TEXT NOT NULL"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
           {"CREATE TABLE revocations ("
            " id INTEGER PRIMARY KEY,"
            " number INTEGER NOT NULL,"
            " at_ms INTEGER NOT NULL,"
            " channel TEXT NOT NULL,"
            " wording TEXT NOT NULL,"
            " scope TEXT NOT NULL,"
            " campaign_id INTEGER NOT NULL)",
            "CREATE TABLE revocations ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " number BIGINT NOT NULL,"
            " at_ms BIGINT NOT NULL,"
            " channel VARCHAR(32) NOT NULL,"
            " wording TEXT NOT NULL,"
            " scope VARCHAR(16) NOT NULL,"
            " campaign_id BIGINT NOT NULL"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
       }},
      // Users of the API and web UI (dialer/api/auth). Usernames are stored in lower case;
      // an agent SIP user belongs to at most one user (NULL for everyone else). The password
      // column holds the self-describing PBKDF2 string, never a password.
      {3,
       "users",
       {
           {"CREATE TABLE users ("
            " id INTEGER PRIMARY KEY,"
            " username TEXT NOT NULL UNIQUE,"
            " role TEXT NOT NULL,"
            " tenant TEXT NOT NULL DEFAULT 'default',"
            " agent_sip TEXT UNIQUE,"
            " password_hash TEXT NOT NULL,"
            " disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),"
            " created_at INTEGER NOT NULL)",
            "CREATE TABLE users ("
            " id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
            " username VARCHAR(64) NOT NULL,"
            " role VARCHAR(16) NOT NULL,"
            " tenant VARCHAR(64) NOT NULL DEFAULT 'default',"
            " agent_sip VARCHAR(64) NULL,"
            " password_hash VARCHAR(255) NOT NULL,"
            " disabled TINYINT NOT NULL DEFAULT 0,"
            " created_at BIGINT NOT NULL,"
            " UNIQUE KEY users_username (username),"
            " UNIQUE KEY users_agent_sip (agent_sip),"
            " CONSTRAINT users_disabled CHECK (disabled IN (0, 1))"
            ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin"},
       }},
  };
  return list;
}

}  // namespace

std::span<const Migration> schema_migrations() { return all_migrations(); }

int latest_version(std::span<const Migration> migrations) {
  int latest = 0;
  for (const auto& m : migrations) latest = std::max(latest, m.version);
  return latest;
}

}  // namespace dialer
