#include "campaigns/lead_import.h"

#include <algorithm>
#include <span>
#include <utility>

#include "campaigns/csv_reader.h"
#include "campaigns/phone_number.h"
#include "campaigns/phone_set.h"

namespace dialer {
namespace {

std::string phone_detail(const PhoneResult& phone) {
  return phone.status == PhoneStatus::premium_rate ? "premium_rate"
                                                   : std::string(to_string(phone.reason));
}

// One import run: owns the reader, the normalizer, the duplicate set and the reusable batch.
class Importer {
 public:
  Importer(std::istream& csv, const ImportOptions& options, LeadRepository& repo,
           ImportProgress* progress)
      : reader_(csv),
        options_(options),
        repo_(repo),
        progress_(progress),
        normalizer_(options.default_region),
        batch_(std::max<std::size_t>(options.batch_size, 1)) {}

  Result<ImportSummary> run();

 private:
  Status prepare();
  void process(const CsvRecord& record);
  std::optional<ImportRowError> check_record(const CsvRecord& record) const;
  void fill_lead(Lead& lead, const CsvRecord& record, std::string e164);
  void add_alt_phone(Lead& lead, std::string_view raw, const LeadColumn& column, std::int64_t line);
  void reject(std::int64_t line, ImportIssue issue, std::string detail = {});
  bool flush();

  CsvReader reader_;
  const ImportOptions& options_;
  LeadRepository& repo_;
  ImportProgress* progress_;
  PhoneNormalizer normalizer_;
  LeadColumnLayout layout_;
  ListId list_;
  PhoneSet seen_;
  // Slots reused across batches to keep string capacity. Every row of one file has the same
  // columns, so a field a slot never receives stays empty.
  std::vector<Lead> batch_;
  std::size_t pending_ = 0;
  ImportSummary summary_;
};

Status Importer::prepare() {
  CsvRecord header;
  if (!reader_.next(header)) return Error{ErrorCode::parse_error, "empty file: no header row"};
  if (!header.valid_utf8) return Error{ErrorCode::parse_error, "header row is not valid UTF-8"};
  auto layout = map_lead_columns(header.fields, options_.columns);
  if (!layout) return layout.error();
  layout_ = std::move(*layout);
  auto list = repo_.ensure_list(options_.tenant, options_.campaign, options_.list_name);
  if (!list) return list.error().with_context("lead list '" + options_.list_name + "'");
  list_ = list->id;
  auto existing = repo_.for_each_phone(options_.campaign, [this](std::string_view phone) {
    if (auto key = e164_key(phone); key != 0) seen_.insert(key);
  });
  if (!existing) return existing.error().with_context("reading the campaign's phone numbers");
  return ok_status();
}

Result<ImportSummary> Importer::run() {
  if (auto ready = prepare(); !ready) return ready.error();
  CsvRecord record;
  while (!summary_.aborted && reader_.next(record)) {
    ++summary_.rows;
    process(record);
    if (pending_ == batch_.size() && !flush()) break;
    // Every batch_size rows read, even when they were all rejected and nothing was written.
    const auto every = static_cast<std::int64_t>(batch_.size());
    if (progress_ != nullptr && summary_.rows % every == 0) {
      progress_->on_progress(reader_.bytes_read(), summary_.rows);
    }
  }
  if (!summary_.aborted && pending_ > 0) flush();
  if (!summary_.aborted && reader_.stream_failed()) {
    summary_.aborted = Error{ErrorCode::io_error, "reading the CSV failed"};
  }
  if (progress_ != nullptr) progress_->on_progress(reader_.bytes_read(), summary_.rows);
  return std::move(summary_);
}

void Importer::reject(std::int64_t line, ImportIssue issue, std::string detail) {
  std::string reason(to_string(issue));
  if (!detail.empty()) reason += ": " + detail;
  ++summary_.issue_counts[static_cast<std::size_t>(issue)];
  if (issue == ImportIssue::alt_phone_dropped) {
    summary_.warnings.push_back({line, issue, std::move(reason)});
    return;
  }
  if (issue == ImportIssue::duplicate) {
    ++summary_.duplicates;
  } else {
    ++summary_.invalid;
  }
  summary_.errors.push_back({line, issue, std::move(reason)});
}

std::optional<ImportRowError> Importer::check_record(const CsvRecord& record) const {
  if (record.too_long) return ImportRowError{record.line, ImportIssue::record_too_long, {}};
  if (record.unterminated_quote) {
    return ImportRowError{record.line, ImportIssue::unterminated_quote, {}};
  }
  if (!record.valid_utf8) return ImportRowError{record.line, ImportIssue::invalid_utf8, {}};
  if (!record.field_count_matches) {
    return ImportRowError{record.line, ImportIssue::wrong_field_count,
                          std::to_string(record.fields.size()) + " fields, header has " +
                              std::to_string(layout_.columns.size())};
  }
  return std::nullopt;
}

void Importer::process(const CsvRecord& record) {
  if (auto problem = check_record(record)) {
    reject(problem->line, problem->issue, std::move(problem->reason));
    return;
  }
  PhoneResult phone = normalizer_.normalize(record.fields[layout_.phone_column]);
  switch (phone.status) {
    case PhoneStatus::missing:
      return reject(record.line, ImportIssue::missing_phone);
    case PhoneStatus::invalid:
      return reject(record.line, ImportIssue::invalid_phone, phone_detail(phone));
    case PhoneStatus::premium_rate:
      return reject(record.line, ImportIssue::premium_rate_phone);
    case PhoneStatus::ok:
      break;
  }
  if (!seen_.insert(phone.key)) return reject(record.line, ImportIssue::duplicate);
  fill_lead(batch_[pending_++], record, std::move(phone.e164));
}

void Importer::fill_lead(Lead& lead, const CsvRecord& record, std::string e164) {
  lead.id = LeadId{};
  lead.tenant = options_.tenant;
  lead.campaign = options_.campaign;
  lead.list = list_;
  lead.phone = std::move(e164);
  lead.alt_phones.clear();
  lead.status = LeadState::fresh;
  lead.attempts = 0;
  lead.next_attempt_at.reset();
  lead.source_line = record.line;
  lead.custom_fields.resize(layout_.custom_count);
  std::size_t custom = 0;
  for (std::size_t i = 0; i < layout_.columns.size(); ++i) {
    const LeadColumn& column = layout_.columns[i];
    const std::string_view value = record.fields[i];
    switch (column.field) {
      case LeadField::phone:
        break;
      case LeadField::alt_phone:
        add_alt_phone(lead, value, column, record.line);
        break;
      case LeadField::first_name:
        lead.first_name.assign(value);
        break;
      case LeadField::last_name:
        lead.last_name.assign(value);
        break;
      case LeadField::address:
        lead.address.assign(value);
        break;
      case LeadField::city:
        lead.city.assign(value);
        break;
      case LeadField::state:
        lead.state.assign(value);
        break;
      case LeadField::postal_code:
        lead.postal_code.assign(value);
        break;
      case LeadField::timezone:
        lead.timezone.assign(value);
        break;
      case LeadField::email:
        lead.email.assign(value);
        break;
      case LeadField::custom: {
        auto& [key, text] = lead.custom_fields[custom++];
        key.assign(column.header);
        text.assign(value);
        break;
      }
    }
  }
}

// Alternates are a convenience: a bad one must not cost the lead, so it is dropped and reported
// as a warning. Alternates are not checked against other leads' numbers.
void Importer::add_alt_phone(Lead& lead, std::string_view raw, const LeadColumn& column,
                             std::int64_t line) {
  PhoneResult phone = normalizer_.normalize(raw);
  if (phone.status == PhoneStatus::missing) return;  // an empty cell is not an alternate
  if (!phone.ok()) {
    return reject(line, ImportIssue::alt_phone_dropped, column.header + " " + phone_detail(phone));
  }
  const bool repeated = phone.e164 == lead.phone ||
                        std::find(lead.alt_phones.begin(), lead.alt_phones.end(), phone.e164) !=
                            lead.alt_phones.end();
  if (repeated) return reject(line, ImportIssue::alt_phone_dropped, column.header + " repeated");
  lead.alt_phones.push_back(std::move(phone.e164));
}

bool Importer::flush() {
  const std::span<const Lead> leads(batch_.data(), pending_);
  auto stored = repo_.insert_batch(leads);
  if (!stored) {
    summary_.unsaved = static_cast<std::int64_t>(pending_);
    summary_.aborted = stored.error().with_context("lead import stopped after " +
                                                   std::to_string(summary_.loaded) + " leads");
    pending_ = 0;
    return false;
  }
  summary_.loaded += static_cast<std::int64_t>(pending_);
  pending_ = 0;
  return true;
}

}  // namespace

std::string_view to_string(ImportIssue issue) {
  switch (issue) {
    case ImportIssue::missing_phone:
      return "missing_phone";
    case ImportIssue::invalid_phone:
      return "invalid_phone";
    case ImportIssue::premium_rate_phone:
      return "premium_rate_phone";
    case ImportIssue::duplicate:
      return "duplicate";
    case ImportIssue::wrong_field_count:
      return "wrong_field_count";
    case ImportIssue::invalid_utf8:
      return "invalid_utf8";
    case ImportIssue::unterminated_quote:
      return "unterminated_quote";
    case ImportIssue::record_too_long:
      return "record_too_long";
    case ImportIssue::alt_phone_dropped:
      return "alt_phone_dropped";
  }
  return "unknown";
}

Result<ImportSummary> import_leads(std::istream& csv, const ImportOptions& options,
                                   LeadRepository& repo, ImportProgress* progress) {
  Importer importer(csv, options, repo, progress);
  return importer.run();
}

}  // namespace dialer
