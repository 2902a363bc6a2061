#include "dialer/sip/sip_stack.h"

#include <deque>
#include <future>
#include <mutex>
#include <thread>

#include "dialer/sip/sofia_agent.h"

namespace dialer::sip {

class SipStack::Impl {
 public:
  Impl(SipConfig config, SipEvents& events) : config_(std::move(config)), events_(events) {}

  Result<std::uint16_t> start();
  void submit(calls::CallCommand command);
  void stop();
  [[nodiscard]] std::uint16_t port() const { return port_.load(); }
  [[nodiscard]] SipCounters counters() const;

 private:
  void run(std::promise<std::optional<std::uint16_t>>& ready);
  void wake_locked();
  static void on_wakeup(su_root_magic_t* magic, su_msg_r msg, su_msg_arg_t* arg);
  static void on_shutdown_deadline(su_root_magic_t* magic, su_timer_t* timer, su_timer_arg_t* arg);
  void drain();

  SipConfig config_;
  SipEvents& events_;
  AtomicCounters counters_;
  std::thread thread_;
  std::atomic<std::uint16_t> port_{0};

  std::mutex mutex_;  // guards the fields below
  std::deque<calls::CallCommand> queue_;
  su_root_t* root_ = nullptr;  // set while su_root_run is running
  bool wake_pending_ = false;
  bool stop_requested_ = false;

  // SIP thread only.
  SofiaAgent* agent_ = nullptr;
  su_root_t* sip_root_ = nullptr;
  bool shutting_down_ = false;
  su_timer_t* deadline_ = nullptr;
};

Result<std::uint16_t> SipStack::Impl::start() {
  if (thread_.joinable()) return Error{ErrorCode::conflict, "SIP stack already started"};
  std::promise<std::optional<std::uint16_t>> ready;
  auto bound = ready.get_future();
  thread_ = std::thread([this, &ready] { run(ready); });
  const std::optional<std::uint16_t> port = bound.get();
  if (!port) {
    thread_.join();
    return Error{ErrorCode::io_error, "SIP stack: cannot bind sip:" + config_.bind_address + ":" +
                                          std::to_string(config_.port)};
  }
  port_ = *port;
  return *port;
}

void SipStack::Impl::run(std::promise<std::optional<std::uint16_t>>& ready) {
  su_init();
  su_root_t* root = su_root_create(this);
  su_root_threading(root, 0);  // keep nua's stack on this thread: one thread owns all of Sofia
  {
    SofiaAgent agent(config_, events_, counters_, root);
    bool ok = agent.create();
    // The bound port arrives as an event; step the loop until it does (bounded at ~5 s).
    for (int i = 0; ok && !agent.bound_port() && i < 500; ++i) su_root_step(root, 10);
    ok = ok && agent.bound_port().has_value();
    if (ok) {
      agent_ = &agent;
      sip_root_ = root;
      {
        std::lock_guard lock(mutex_);
        root_ = root;
        if (!queue_.empty() || stop_requested_) wake_locked();
      }
      ready.set_value(agent.bound_port());
      su_root_run(root);
      std::lock_guard lock(mutex_);
      root_ = nullptr;
      queue_.clear();
    } else {
      agent.shutdown();
      for (int i = 0; !agent.shut_down() && i < 300; ++i) su_root_step(root, 10);
      ready.set_value(std::nullopt);
    }
    if (deadline_ != nullptr) su_timer_destroy(deadline_);
    agent_ = nullptr;
  }
  su_root_destroy(root);
  su_deinit();
}

void SipStack::Impl::wake_locked() {
  if (root_ == nullptr || wake_pending_) return;
  su_msg_r msg = SU_MSG_R_INIT;
  if (su_msg_create(msg, su_root_task(root_), su_task_null, &Impl::on_wakeup, 0) == 0 &&
      su_msg_send(msg) == 0) {
    wake_pending_ = true;
  }
}

void SipStack::Impl::on_wakeup(su_root_magic_t* magic, su_msg_r /*msg*/, su_msg_arg_t* /*arg*/) {
  static_cast<Impl*>(magic)->drain();
}

void SipStack::Impl::drain() {
  std::deque<calls::CallCommand> batch;
  bool stop = false;
  {
    std::lock_guard lock(mutex_);
    batch.swap(queue_);
    wake_pending_ = false;
    stop = stop_requested_;
  }
  for (auto& command : batch) agent_->handle(std::move(command));
  if (stop && !shutting_down_) {
    shutting_down_ = true;
    // nua normally reports nua_r_shutdown quickly; the deadline bounds a peer that never answers.
    deadline_ = su_timer_create(su_root_task(sip_root_), config_.shutdown_timeout_ms);
    su_timer_set(deadline_, &Impl::on_shutdown_deadline, sip_root_);
    agent_->shutdown();
  }
}

void SipStack::Impl::on_shutdown_deadline(su_root_magic_t* /*magic*/, su_timer_t* /*timer*/,
                                          su_timer_arg_t* arg) {
  su_root_break(static_cast<su_root_t*>(arg));
}

void SipStack::Impl::submit(calls::CallCommand command) {
  std::lock_guard lock(mutex_);
  if (stop_requested_) return;
  queue_.push_back(std::move(command));
  wake_locked();
}

void SipStack::Impl::stop() {
  {
    std::lock_guard lock(mutex_);
    stop_requested_ = true;
    wake_locked();
  }
  if (thread_.joinable()) thread_.join();
}

SipCounters SipStack::Impl::counters() const {
  SipCounters out;
  for (std::size_t i = 0; i < out.dispositions.size(); ++i) {
    out.dispositions[i] = counters_.dispositions[i].load();
  }
  for (std::size_t i = 0; i < out.failures.size(); ++i)
    out.failures[i] = counters_.failures[i].load();
  out.registrations = counters_.registrations.load();
  out.auth_challenges = counters_.auth_challenges.load();
  out.auth_failures = counters_.auth_failures.load();
  out.inbound_forbidden = counters_.inbound_forbidden.load();
  return out;
}

SipStack::SipStack(SipConfig config, SipEvents& events)
    : impl_(std::make_unique<Impl>(std::move(config), events)) {}
SipStack::~SipStack() { impl_->stop(); }
Result<std::uint16_t> SipStack::start() { return impl_->start(); }
void SipStack::submit(calls::CallCommand command) { impl_->submit(std::move(command)); }
void SipStack::stop() { impl_->stop(); }
std::uint16_t SipStack::port() const { return impl_->port(); }
SipCounters SipStack::counters() const { return impl_->counters(); }

}  // namespace dialer::sip
