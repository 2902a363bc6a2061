#!/usr/bin/env python3
"""Runs a real campaign on loopback: dialerd against a SIPp carrier and SIPp agent phones.

Shared by the end-to-end test (tests/e2e/campaign_sipp_test.py) and the demo
(tools/run-demo.sh). Everything binds 127.0.0.1 on free ports; every process it starts is
bounded and stopped when the run ends (also on Ctrl-C).

The carrier answers by the last digit of the dialed number: 1 a person saying "Hello?",
2 an answering machine (greeting, beep), 3 busy (486), 4 no answer (rings until CANCEL),
5 invalid number (404), anything else temporarily unavailable (480).
"""
import argparse
import datetime
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
from zoneinfo import ZoneInfo

import agent_bots
import baresip_phone

HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.join(HERE, "scenarios")

# Area codes in zones that cover every hour of the day between them, with no state-specific
# calling-hour rules beyond the federal 08:00-21:00.
ZONES = [
    ("America/New_York", "212"), ("America/Chicago", "312"), ("America/Denver", "303"),
    ("America/Los_Angeles", "213"), ("America/Anchorage", "907"), ("Pacific/Honolulu", "808"),
    ("Pacific/Guam", "671"), ("America/Puerto_Rico", "787"),
]

KIND_DIGIT = {"human": "1", "machine": "2", "busy": "3", "no_answer": "4", "invalid": "5",
              "unavailable": "6"}


def free_port():
    """A port free for both UDP and TCP on 127.0.0.1 a moment ago."""
    for _ in range(50):
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u.bind(("127.0.0.1", 0))
        port = u.getsockname()[1]
        t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            t.bind(("127.0.0.1", port))
            return port
        except OSError:
            continue
        finally:
            t.close()
            u.close()
    raise RuntimeError("no free port")


def pick_zone(now_utc):
    """A zone and area code where local time is well inside 09:00-19:30 now."""
    for zone, npa in ZONES:
        local = now_utc.astimezone(ZoneInfo(zone))
        minutes = local.hour * 60 + local.minute
        if 9 * 60 <= minutes < 19 * 60 + 30:
            return zone, npa
    raise RuntimeError("no zone in its calling window now")


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def make_audio(work):
    """Carrier audio (raw mu-law, as SIPp's rtp_stream wants) and the campaign's prompts."""
    def tts(text, out, speed=160):
        run(["espeak-ng", "-s", str(speed), "-w", out, text])

    tts("Hello?", f"{work}/hello.wav")
    tts("Yes, I can hear you. Who is calling, please?", f"{work}/reply.wav")
    run(["sox", "-n", "-r", "22050", "-c", "1", f"{work}/pause.wav", "trim", "0", "2.7"])
    # A person: "Hello?", listening (the detector decides here), then answering the agent.
    run(["sox", f"{work}/hello.wav", f"{work}/pause.wav", f"{work}/reply.wav", "-r", "8000",
         "-c", "1", "-t", "ul", f"{work}/human.ulaw", "pad", "0.3", "8"])
    tts("Hi, you have reached the voicemail of Jordan Smith. I can't take your call right now. "
        "Please leave your name, your number and a short message after the tone, and I will "
        "get back to you as soon as I can. Thank you.", f"{work}/greeting.wav")
    run(["sox", f"{work}/greeting.wav", "-r", "8000", "-c", "1", f"{work}/greeting8k.wav"])
    run(["sox", "-n", "-r", "8000", "-c", "1", f"{work}/beep.wav", "synth", "0.6", "sine", "1000",
         "vol", "0.5"])
    run(["sox", f"{work}/greeting8k.wav", f"{work}/beep.wav", "-t", "ul", f"{work}/machine.ulaw",
         "pad", "0.2", "4"])
    tts("Hello, this is the agent. How can I help you today?", f"{work}/agent.wav")
    run(["sox", f"{work}/agent.wav", "-r", "8000", "-c", "1", "-t", "ul", f"{work}/agent.ulaw",
         "pad", "0", "1"])
    tts("Sorry we missed you. This call was from Example Home Services for telemarketing "
        "purposes. To stop further calls press 9 now, or call 1 888 321 7000.",
        f"{work}/abandoned.wav")
    tts("Hello, this is Example Home Services with an offer for your home. Please call us back "
        "at 1 888 321 7000.", f"{work}/voicemail.wav")


def scenario(name, work, subst):
    """Copies a scenario template into `work`, filling its placeholders."""
    text = open(os.path.join(SCENARIOS, name)).read()
    for key, value in subst.items():
        text = text.replace(key, value)
    path = os.path.join(work, name)
    with open(path, "w") as f:
        f.write(text)
    return path


class Procs:
    """Every process of the run; all are killed when the run ends."""

    def __init__(self, work):
        self.work = work
        self.procs = []

    def start(self, name, cmd, cwd=None):
        log = open(os.path.join(self.work, name + ".log"), "w")
        p = subprocess.Popen(cmd, cwd=cwd or self.work, stdout=log, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL, start_new_session=True)
        self.procs.append((name, p))
        return p

    def stop_all(self):
        for _, p in self.procs:
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        deadline = time.time() + 5
        for _, p in self.procs:
            try:
                p.wait(timeout=max(0.1, deadline - time.time()))
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()

    def alive(self):
        return [name for name, p in self.procs if p.poll() is None]


def wait_udp_bound(port, limit=10.0):
    deadline = time.time() + limit
    while time.time() < deadline:
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return True
        finally:
            s.close()
        time.sleep(0.05)
    return False


def write_leads(path, npa, zone, mix, count, seed):
    """`count` leads whose last digit picks the carrier's behaviour, in `mix` proportions."""
    rng = random.Random(seed)
    kinds = []
    for kind, share in mix.items():
        kinds += [kind] * round(share * count)
    kinds = (kinds + ["human"] * count)[:count]
    rng.shuffle(kinds)
    rows = []
    with open(path, "w") as f:
        f.write("phone,first_name,last_name,city,state,timezone,customer_id\n")
        for i, kind in enumerate(kinds):
            exchange = 234 + i // 1000
            line = (i % 1000) * 10 + int(KIND_DIGIT[kind])
            number = f"+1{npa}{exchange}{line:04d}"
            f.write(f"{number},Lead{i},Test,City,,{zone},C{i:05d}\n")
            rows.append((number, kind))
    return rows


def add_user(dialerctl, db, user, password, role, agent_sip):
    cmd = [dialerctl, "user", "add", "--db", db, "--username", user, "--role", role]
    if agent_sip:
        cmd += ["--agent-sip", agent_sip]
    subprocess.run(cmd, check=True, capture_output=True, text=True,
                   env={**os.environ, "DIALER_PASSWORD": password})


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", required=True, help="the build directory")
    ap.add_argument("--work", required=True, help="a fresh directory for this run")
    ap.add_argument("--leads", type=int, default=40)
    ap.add_argument("--agents", type=int, default=4)
    ap.add_argument("--mode", default="predictive")
    ap.add_argument("--max-seconds", type=int, default=150, help="stop dialing after this long")
    ap.add_argument("--talk", type=float, default=6.0, help="seconds a person stays on the line")
    ap.add_argument("--wrap", default="2s", help="agents' wrap-up time")
    ap.add_argument("--status-interval", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quiet", action="store_true", help="no live status line")
    ap.add_argument("--phones-only", action="store_true",
                    help="no HTTP agents: agents are ready when their phone connects and calls "
                         "end by wrap-up timeout")
    ap.add_argument("--all-human", action="store_true", help="every lead is a person")
    ap.add_argument("--baresip-agents", type=int, default=0,
                    help="the first N agents' phones are baresip softphones instead of SIPp")
    ap.add_argument("--hold-agents", type=int, default=0,
                    help="leave the first N agents to someone else (a browser), not to the bots")
    ap.add_argument("--on-ready", help="a command run once dialerd is up, with DIALER_* variables "
                                       "naming the API and users; the run ends when it ends")
    ap.add_argument("--agent-talk", default="4-10",
                    help="seconds an HTTP agent talks before hanging up (MIN-MAX)")
    args = ap.parse_args()

    for tool in ("sipp", "espeak-ng", "sox"):
        if shutil.which(tool) is None:
            sys.exit(f"campaign_run: {tool} is not installed")
    build = os.path.abspath(args.build)
    dialerd = os.path.join(build, "dialer/app/dialerd")
    dialerctl = os.path.join(build, "tools/dialerctl/dialerctl")
    work = os.path.abspath(args.work)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    make_audio(work)

    now = datetime.datetime.now(datetime.timezone.utc)
    zone, npa = pick_zone(now)
    mix = {"human": 0.45, "machine": 0.25, "busy": 0.1, "no_answer": 0.05, "invalid": 0.1,
           "unavailable": 0.05}
    if args.all_human:
        mix = {"human": 1.0}
    leads = write_leads(f"{work}/leads.csv", npa, zone, mix, args.leads, args.seed)
    listed = leads[-1][0]  # the national DNC list holds the last lead: the gate must refuse it
    with open(f"{work}/national_dnc.txt", "w") as f:
        f.write(listed[2:] + "\n")

    sip_port, carrier_port, carrier_media = free_port(), free_port(), free_port()
    http_port = free_port()
    http_agents = not args.phones_only
    agent_port, agent_media = free_port(), free_port()
    agents = [(f"agent{1001 + i}", f"pw{i}secret") for i in range(args.agents)]
    with open(f"{work}/campaign.yaml", "w") as f:
        f.write(f"""kind: campaign
id: 1
name: "Loopback {args.mode} campaign"
dial_mode: {args.mode}
campaign_type: telemarketing
caller_ids: ["+12127365000"]
lead_lists: [loopback]
calling_window:
  weekdays: {{start: "08:00", end: "21:00"}}
  saturday: {{start: "08:00", end: "21:00"}}
  sunday: {{start: "08:00", end: "21:00"}}
ring_timeout: 15s
abandon_target: 0.025
abandon_ceiling: 0.03
max_lines_per_agent: 2.5
retry: {{max_attempts: 1, max_attempts_per_day: 1}}
wrap_up_timeout: {args.wrap}
amd:
  enabled: true
  algorithm: cadence
  max_analysis: 4s
  greeting_allowance: 3s
  on_machine: leave_message
  voicemail_prompt: voicemail.wav
abandoned_message:
  seller_name: "Example Home Services"
  opt_out_number: "+18883217000"
  prompt: abandoned.wav
  opt_out_digit: "9"
""")
    agent_yaml = "".join(f"  - {{user: {u}, password: {p}}}\n" for u, p in agents)
    with open(f"{work}/dialerd.yaml", "w") as f:
        f.write(f"""kind: engine
database: sqlite:dialer.db
campaigns: [campaign.yaml]
node_id: loopback-1
sip:
  bind_address: 127.0.0.1
  port: {sip_port}
  trunks:
    - {{name: carrier, proxy: "sip:127.0.0.1:{carrier_port}"}}
media:
  bind_address: 127.0.0.1
agents:
{agent_yaml}agents_ready_on_login: {"false" if http_agents else "true"}
http:
  bind_address: 127.0.0.1
  port: {http_port}
  admin_password_file: admin-password
compliance:
  signing_key: signing-key.pem
  national_dnc_file: national_dnc.txt
  national_dnc_date: "{now.date().isoformat()}"
""")

    db = f"sqlite:{work}/dialer.db"
    print(f"campaign_run: {args.leads} leads in {zone} (area code {npa}), {args.agents} agents, "
          f"{args.mode} mode; work directory {work}", flush=True)
    run([dialerctl, "config", "check", f"{work}/dialerd.yaml"])
    run([dialerctl, "campaign", "load", "--db", db, f"{work}/campaign.yaml"])
    imported = run([dialerctl, "leads", "import", "--db", db, "--campaign", "1",
                    f"{work}/leads.csv", "--json"])
    summary = json.loads(imported.stdout)
    print(f"campaign_run: imported {summary.get('loaded')} leads", flush=True)
    supervisor = ("supervisor", "super-" + agents[0][1])
    if http_agents:
        for user, password in agents:
            add_user(dialerctl, db, user, password, "agent", user)
        add_user(dialerctl, db, supervisor[0], supervisor[1], "supervisor", None)
        add_user(dialerctl, db, "manager", "manage-" + agents[0][1], "manager", None)

    procs = Procs(work)
    interrupted = False

    def on_signal(signum, frame):
        nonlocal interrupted
        interrupted = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    rc = 1
    try:
        bound = "180s"
        procs.start("carrier", [
            "sipp", "-sf", scenario("carrier.xml", work, {"TALK_MS": str(int(args.talk * 1000))}),
            "-i", "127.0.0.1", "-p", str(carrier_port), "-mi", "127.0.0.1", "-mp",
            str(carrier_media), "-nostdin", "-timeout", bound, "-trace_err", "-max_recv_loops",
            "1000"])
        procs.start("agents", [
            "sipp", "-sf", scenario("agent_phone.xml", work, {}), "-i", "127.0.0.1", "-p",
            str(agent_port), "-mi", "127.0.0.1", "-mp", str(agent_media), "-nostdin", "-timeout",
            bound, "-trace_err"])
        if not (wait_udp_bound(carrier_port) and wait_udp_bound(agent_port)):
            raise RuntimeError("SIPp did not start (see carrier.log, agents.log)")
        cmd = [dialerd, "--config", f"{work}/dialerd.yaml", "--log", f"{work}/dialerd.log",
               "--summary-json", f"{work}/summary.json", "--stop-when-done", "--run-for",
               str(args.max_seconds), "--ready-file", f"{work}/ready",
               "--status-interval", "0" if args.quiet else str(args.status_interval)]
        daemon = subprocess.Popen(cmd, cwd=work, stdin=subprocess.DEVNULL,
                                  start_new_session=True)
        procs.procs.append(("dialerd", daemon))
        deadline = time.time() + 15
        while not os.path.exists(f"{work}/ready") and time.time() < deadline:
            if daemon.poll() is not None:
                raise RuntimeError(f"dialerd exited with {daemon.returncode} at start")
            time.sleep(0.05)
        for user, password in agents[:args.baresip_agents]:
            home = baresip_phone.write_config(work, user, password, sip_port)
            procs.start(f"baresip_{user}", baresip_phone.command(home))
        for user, password in agents[args.baresip_agents:]:
            reg = scenario("agent_register.xml", work,
                           {"AGENT_USER": user, "AGENT_PASSWORD": password})
            os.replace(reg, f"{work}/register_{user}.xml")
            procs.start(f"register_{user}", [
                "sipp", "-sf", f"{work}/register_{user}.xml", "127.0.0.1:" + str(sip_port),
                "-i", "127.0.0.1", "-p", str(free_port()), "-m", "1", "-nostdin", "-timeout",
                "20s", "-timeout_error", "-key", "agent_port", str(agent_port)])
        bots = None
        if http_agents:
            base = f"http://127.0.0.1:{http_port}"
            talk = tuple(float(x) for x in args.agent_talk.split("-"))
            bots = agent_bots.start_bots(base, agents[args.hold_agents:], talk, (0.5, 2.0),
                                         args.seed)
            print(f"campaign_run: {len(agents)} agents work through the HTTP API; wallboard: "
                  f"{base}/wallboard.html (user {supervisor[0]}, password {supervisor[1]})",
                  flush=True)
        watcher, watcher_rc = None, 1
        if args.on_ready:
            env = {**os.environ, "DIALER_API": f"http://127.0.0.1:{http_port}",
                   "DIALER_AGENT_USER": agents[0][0], "DIALER_AGENT_PASSWORD": agents[0][1],
                   "DIALER_SUPERVISOR_USER": supervisor[0],
                   "DIALER_SUPERVISOR_PASSWORD": supervisor[1],
                   "DIALER_MANAGER_USER": "manager", "DIALER_MANAGER_PASSWORD": "manage-" + agents[0][1],
                   "DIALER_WORK": work}
            watcher = subprocess.Popen(args.on_ready, shell=True, env=env, start_new_session=True)
            procs.procs.append(("on-ready", watcher))
        limit = time.time() + args.max_seconds + 60
        while daemon.poll() is None:
            if watcher is not None and watcher.poll() is not None:
                print(f"campaign_run: on-ready command exited {watcher.returncode}", flush=True)
                daemon.send_signal(signal.SIGINT)
                watcher_rc, watcher = watcher.returncode, None
            if interrupted:
                daemon.send_signal(signal.SIGINT)
                interrupted = False
            if time.time() > limit:
                daemon.kill()
                raise RuntimeError("dialerd did not stop by itself")
            time.sleep(0.1)
        rc = daemon.returncode
        if args.on_ready and rc == 0:
            if watcher is not None:  # dialerd stopped first: the command did not finish
                watcher.kill()
                print("campaign_run: dialerd stopped before the on-ready command ended",
                      file=sys.stderr)
                rc = 1
            else:
                rc = watcher_rc
        if bots:
            codes, hangups, errors = agent_bots.stop_bots(*bots)
            made = sum(codes.values())
            print(f"campaign_run: agents hung up {hangups} calls and set {made} dispositions "
                  f"through the API: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())),
                  flush=True)
            with open(f"{work}/agent_dispositions.json", "w") as f:
                json.dump({"dispositions": codes, "hangups": hangups, "errors": errors}, f)
            for e in errors:
                print(f"campaign_run: agent error: {e}", file=sys.stderr)
            if errors and rc == 0:
                rc = 1
    finally:
        procs.stop_all()
    left = procs.alive()
    with open(f"{work}/leads_expected.json", "w") as f:
        json.dump({"leads": leads, "dnc_listed": listed, "zone": zone}, f)
    if left:
        print(f"campaign_run: processes still running: {left}", file=sys.stderr)
        return 1
    return rc


if __name__ == "__main__":
    sys.exit(main())
