#include "campaigns/lead_import.h"

#include <gtest/gtest.h>

#include <sstream>
#include <stdexcept>
#include <streambuf>
#include <string>
#include <vector>

#include "campaigns/csv_reader.h"
#include "campaigns/lead_csv_export.h"
#include "dialer/common/random.h"
#include "tests/fakes/in_memory_lead_repository.h"

namespace dialer {
namespace {

ImportOptions options_for(std::int64_t campaign, std::size_t batch_size = 5000) {
  ImportOptions o;
  o.tenant = "acme";
  o.campaign = CampaignId{campaign};
  o.list_name = "spring";
  o.batch_size = batch_size;
  return o;
}

ImportSummary import_text(const std::string& csv, fakes::InMemoryLeadRepository& repo,
                          const ImportOptions& options) {
  std::istringstream in(csv);
  auto result = import_leads(in, options, repo);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(*result) : ImportSummary{};
}

class RecordingProgress : public ImportProgress {
 public:
  void on_progress(std::int64_t bytes_read, std::int64_t rows) override {
    calls.emplace_back(bytes_read, rows);
  }
  std::vector<std::pair<std::int64_t, std::int64_t>> calls;
};

TEST(LeadImportTest, LoadsLeadsIntoTheNamedListOfTheCampaign) {
  fakes::InMemoryLeadRepository repo;
  auto s =
      import_text("phone,first_name,email\n2122345678,Ann,ann@example.com\n", repo, options_for(7));
  EXPECT_EQ(s.loaded, 1);
  ASSERT_EQ(repo.lists().size(), 1u);
  EXPECT_EQ(repo.lists()[0].name, "spring");
  EXPECT_EQ(repo.lists()[0].tenant, "acme");
  ASSERT_EQ(repo.leads().size(), 1u);
  const Lead& lead = repo.leads()[0];
  EXPECT_EQ(lead.list, repo.lists()[0].id);
  EXPECT_EQ(lead.campaign, CampaignId{7});
  EXPECT_EQ(lead.tenant, "acme");
  EXPECT_EQ(lead.phone, "+12122345678");
  EXPECT_EQ(lead.email, "ann@example.com");
  EXPECT_EQ(lead.status, LeadState::fresh);
  EXPECT_EQ(lead.source_line, 2);
}

TEST(LeadImportTest, UnknownColumnsBecomeCustomFieldsKeyedByTheirHeader) {
  fakes::InMemoryLeadRepository repo;
  import_text("Policy No,phone,Renewal Date\nP-1,2122345678,2026-01-31\n", repo, options_for(1));
  ASSERT_EQ(repo.leads().size(), 1u);
  const auto& custom = repo.leads()[0].custom_fields;
  ASSERT_EQ(custom.size(), 2u);
  EXPECT_EQ(custom[0], (std::pair<std::string, std::string>{"Policy No", "P-1"}));
  EXPECT_EQ(custom[1], (std::pair<std::string, std::string>{"Renewal Date", "2026-01-31"}));
}

TEST(LeadImportTest, LaterOccurrencesOfANumberAreDuplicates) {
  fakes::InMemoryLeadRepository repo;
  auto s = import_text("phone\n2122345678\n3122345678\n(212) 234-5678\n+1 312 234 5678\n", repo,
                       options_for(1));
  EXPECT_EQ(s.loaded, 2);
  EXPECT_EQ(s.duplicates, 2);
  ASSERT_EQ(s.errors.size(), 2u);
  EXPECT_EQ(s.errors[0].line, 4);
  EXPECT_EQ(s.errors[1].line, 5);
  EXPECT_EQ(s.errors[0].reason, "duplicate");
}

TEST(LeadImportTest, NumbersAlreadyInTheCampaignAreDuplicatesButOtherCampaignsAreNot) {
  fakes::InMemoryLeadRepository repo;
  import_text("phone\n2122345678\n", repo, options_for(1));
  import_text("phone\n3122345678\n", repo, options_for(2));
  auto s = import_text("phone\n3122345678\n2122345678\n", repo, options_for(1));
  EXPECT_EQ(s.loaded, 1);
  EXPECT_EQ(s.duplicates, 1);
  ASSERT_EQ(s.errors.size(), 1u);
  EXPECT_EQ(s.errors[0].line, 3);
}

TEST(LeadImportTest, InsertsInBatchesOfTheConfiguredSize) {
  fakes::InMemoryLeadRepository repo;
  auto s = import_text("phone\n2122345671\n2122345672\nbad\n2122345673\n2122345674\n2122345675\n",
                       repo, options_for(1, 2));
  EXPECT_EQ(s.loaded, 5);
  EXPECT_EQ(repo.batch_sizes(), (std::vector<std::size_t>{2, 2, 1}));
}

TEST(LeadImportTest, StorageFailureStopsTheImportAndKeepsCommittedBatches) {
  fakes::InMemoryLeadRepository repo;
  repo.fail_insert_batch_at(2);
  std::istringstream in("phone\n2122345671\n2122345672\n2122345673\nx\n2122345674\n2122345675\n");
  auto result = import_leads(in, options_for(1, 2), repo);
  ASSERT_TRUE(result.ok());
  const ImportSummary& s = *result;
  ASSERT_TRUE(s.aborted.has_value());
  EXPECT_EQ(s.aborted->code, ErrorCode::storage_unavailable);
  EXPECT_EQ(s.aborted->message,
            "lead import stopped after 2 leads: injected failure of insert_batch");
  EXPECT_EQ(s.loaded, 2);
  EXPECT_EQ(s.unsaved, 2);
  EXPECT_EQ(s.invalid, 1);
  EXPECT_EQ(s.rows, 5);  // the last row was never read
  EXPECT_EQ(s.rows, s.loaded + s.duplicates + s.invalid + s.unsaved);
  EXPECT_EQ(repo.leads().size(), 2u);
  EXPECT_EQ(repo.insert_batch_calls(), 2);
}

TEST(LeadImportTest, MissingPhoneColumnFailsBeforeTouchingStorage) {
  fakes::InMemoryLeadRepository repo;
  std::istringstream in("name,tel\nAnn,2122345678\n");
  auto result = import_leads(in, options_for(1), repo);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::invalid_argument);
  EXPECT_EQ(repo.ensure_list_calls(), 0);
}

TEST(LeadImportTest, EmptyFileIsAnError) {
  fakes::InMemoryLeadRepository repo;
  std::istringstream in("");
  auto result = import_leads(in, options_for(1), repo);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::parse_error);
}

TEST(LeadImportTest, RepeatedAlternateIsDroppedWithAWarning) {
  fakes::InMemoryLeadRepository repo;
  auto s = import_text(
      "phone,alt_phone_1,alt_phone_2,alt_phone_3\n"
      "2122345678,212-234-5678,3122345678,312 234 5678\n",
      repo, options_for(1));
  EXPECT_EQ(s.loaded, 1);
  ASSERT_EQ(s.warnings.size(), 2u);
  EXPECT_EQ(s.warnings[0].reason, "alt_phone_dropped: alt_phone_1 repeated");
  EXPECT_EQ(s.warnings[1].reason, "alt_phone_dropped: alt_phone_3 repeated");
  EXPECT_EQ(repo.leads()[0].alt_phones, std::vector<std::string>{"+13122345678"});
}

TEST(LeadImportTest, JsonReportHasTheDocumentedShape) {
  fakes::InMemoryLeadRepository repo;
  auto s = import_text("phone,alt_phone_1\n2122345678,\n2122345678,\n,\n3122345678,411\n", repo,
                       options_for(1));
  EXPECT_EQ(to_json(s),
            "{\"rows\":4,\"loaded\":2,\"duplicates\":1,\"invalid\":1,"
            "\"errors\":[{\"line\":3,\"reason\":\"duplicate\"},"
            "{\"line\":4,\"reason\":\"missing_phone\"}],"
            "\"warnings\":[{\"line\":5,\"reason\":\"alt_phone_dropped: alt_phone_1 too_short\"}]}");
}

TEST(LeadImportTest, JsonReportNamesTheAbortAndEscapesText) {
  ImportSummary s;
  s.rows = 1;
  s.unsaved = 1;
  s.aborted = Error{ErrorCode::storage_unavailable, "db \"main\" down\n"};
  EXPECT_EQ(to_json(s),
            "{\"rows\":1,\"loaded\":0,\"duplicates\":0,\"invalid\":0,\"errors\":[],"
            "\"warnings\":[],\"unsaved\":1,\"aborted\":\"db \\\"main\\\" down\\n\"}");
}

TEST(LeadImportTest, ReportsProgressEveryBatchOfRowsAndAtTheEnd) {
  fakes::InMemoryLeadRepository repo;
  RecordingProgress progress;
  const std::string csv = "phone\nbad\n2122345672\nbad\n2122345673\n2122345674\n";
  std::istringstream in(csv);
  auto result = import_leads(in, options_for(1, 2), repo, &progress);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(progress.calls.size(), 3u);  // after rows 2 and 4, then the end
  EXPECT_EQ(progress.calls[0].second, 2);
  EXPECT_EQ(progress.calls[1].second, 4);
  EXPECT_EQ(progress.calls.back(),
            (std::pair<std::int64_t, std::int64_t>{static_cast<std::int64_t>(csv.size()), 5}));
}

TEST(LeadImportTest, PerListColumnNamesAndRegionApply) {
  fakes::InMemoryLeadRepository repo;
  ImportOptions options = options_for(1);
  options.default_region = "GB";
  options.columns.phone = "Telefon";
  options.columns.alt_phones = {"Mobil"};
  options.columns.last_name = "Nachname";
  auto s = import_text("Telefon,Mobil,Nachname,phone\n020 7946 0018,07911 123456,Smith,x\n", repo,
                       options);
  EXPECT_EQ(s.loaded, 1);
  ASSERT_EQ(repo.leads().size(), 1u);
  const Lead& lead = repo.leads()[0];
  EXPECT_EQ(lead.phone, "+442079460018");
  EXPECT_EQ(lead.alt_phones, std::vector<std::string>{"+447911123456"});
  EXPECT_EQ(lead.last_name, "Smith");
  ASSERT_EQ(lead.custom_fields.size(), 1u);
  EXPECT_EQ(lead.custom_fields[0].first, "phone");
}

// Hands out `good` bytes, then fails as a broken disk or connection would.
class FailingStreamBuf : public std::streambuf {
 public:
  explicit FailingStreamBuf(std::string good) : good_(std::move(good)) {
    setg(good_.data(), good_.data(), good_.data() + good_.size());
  }

 protected:
  int_type underflow() override { throw std::runtime_error("read error"); }

 private:
  std::string good_;
};

TEST(LeadImportTest, ReadFailureStopsTheImportAndKeepsOnlyCompleteRows) {
  std::string csv = "phone\n";
  for (int i = 0; i < 10000; ++i) csv += std::to_string(2122340000 + i) + "\n";  // 11 bytes a row
  fakes::InMemoryLeadRepository repo;
  FailingStreamBuf buf(csv);
  std::istream in(&buf);
  auto result = import_leads(in, options_for(1), repo);
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(result->aborted.has_value());
  EXPECT_EQ(result->aborted->code, ErrorCode::io_error);
  // The first 64 KiB read succeeds, the second fails: the complete rows of the first are loaded,
  // and the row the failure cut in two is neither loaded nor counted.
  const std::int64_t complete_rows = (CsvReaderOptions{}.chunk_bytes - 6) / 11;
  EXPECT_EQ(result->rows, complete_rows);
  EXPECT_EQ(result->loaded, complete_rows);
  EXPECT_EQ(repo.leads().back().phone, "+1" + std::to_string(2122340000 + complete_rows - 1));
}

// A formula in a text field is data: stored exactly as given, and defused by every export.
TEST(LeadImportTest, FormulaFieldIsStoredAsGivenAndExportedDefused) {
  fakes::InMemoryLeadRepository repo;
  const std::string formula = "=HYPERLINK(\"http://evil.example/\",\"Click\")";
  import_text(
      "phone,first_name,last_name,Note\n"
      "2122345678,\"=HYPERLINK(\"\"http://evil.example/\"\",\"\"Click\"\")\",@SUM(A1),-1+2\n",
      repo, options_for(1));
  ASSERT_EQ(repo.leads().size(), 1u);
  const Lead& lead = repo.leads()[0];
  EXPECT_EQ(lead.first_name, formula);
  EXPECT_EQ(lead.last_name, "@SUM(A1)");

  std::ostringstream exported;
  CsvWriter writer(exported);
  const std::vector<std::string> custom{"Note"};
  write_lead_csv_header(writer, custom);
  write_lead_csv_row(writer, lead, custom);

  std::istringstream back(exported.str());
  CsvReader reader(back);
  CsvRecord header;
  ASSERT_TRUE(reader.next(header));
  std::vector<std::string> names(header.fields.begin(), header.fields.end());
  CsvRecord row;
  ASSERT_TRUE(reader.next(row));
  ASSERT_EQ(row.fields.size(), names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string_view value = row.fields[i];
    if (names[i] == "phone" || names[i].starts_with("alt_phone") || value.empty()) continue;
    EXPECT_EQ(value.find_first_of("=+-@"), value.front() == '\'' ? 1u : std::string_view::npos)
        << names[i] << " exported as " << value;
    EXPECT_NE(value.front(), '=');
  }
  EXPECT_EQ(row.fields[12], "'" + formula);
  EXPECT_EQ(row.fields[13], "'@SUM(A1)");
  EXPECT_EQ(row.fields.back(), "'-1+2");
}

// rows == loaded + duplicates + invalid on arbitrary mixes of good and bad rows.
TEST(LeadImportTest, EveryRowIsCountedOnceOnRandomInput) {
  SeededRandom rng(11);
  for (int round = 0; round < 20; ++round) {
    std::string csv = "phone,first_name,alt_phone_1\n";
    for (int i = 0; i < 200; ++i) {
      switch (rng.uniform_int(0, 6)) {
        case 0:
          csv += "2122345" + std::to_string(rng.uniform_int(100, 130)) + ",A,\n";
          break;
        case 1:
          csv += "900234567" + std::to_string(rng.uniform_int(0, 9)) + ",P,\n";
          break;
        case 2:
          csv += ",Missing,\n";
          break;
        case 3:
          csv += "2122345678,Short\n";
          break;
        case 4:
          csv += "3122345678,\"quoted\nnewline\",411\n";
          break;
        case 5:
          csv += "4152345678,Bad\xFF,\n";
          break;
        default:
          csv += "\n";
          break;
      }
    }
    fakes::InMemoryLeadRepository repo;
    auto s = import_text(csv, repo, options_for(1, 7));
    EXPECT_EQ(s.rows, s.loaded + s.duplicates + s.invalid);
    EXPECT_EQ(static_cast<std::size_t>(s.duplicates + s.invalid), s.errors.size());
    EXPECT_EQ(static_cast<std::size_t>(s.loaded), repo.leads().size());
  }
}

}  // namespace
}  // namespace dialer
