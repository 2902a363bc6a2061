"""Simulated agents that work through dialerd's real HTTP API, as a person at the agent console
would: log in, press Ready, talk for a random time and hang up, then pick a disposition after a
random wrap-up time. One thread per agent; they poll GET /api/agent (the console itself uses the
WebSocket stream)."""
import json
import random
import threading
import time
import urllib.error
import urllib.request

# Agent codes and how often the simulated agents pick them (codes the campaign lacks are skipped).
CODE_WEIGHTS = {"SALE": 2, "NOT_INTERESTED": 5, "CALLBACK": 0, "DNC": 1, "WRONG_NUMBER": 1,
                "NO_CONTACT": 1}


class Api:
    def __init__(self, base):
        self.base = base
        self.token = None

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        try:
            with urllib.request.urlopen(req, timeout=5) as res:
                return res.status, json.loads(res.read() or b"{}")
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    def login(self, user, password):
        status, body = self.call("POST", "/api/login", {"username": user, "password": password})
        if status != 200:
            raise RuntimeError(f"login {user}: HTTP {status} {body}")
        self.token = body["token"]


class AgentBot(threading.Thread):
    def __init__(self, base, user, password, talk, wrap, seed, stop):
        super().__init__(daemon=True, name=f"bot-{user}")
        self.api = Api(base)
        self.user, self.password = user, password
        self.talk, self.wrap = talk, wrap
        self.rng = random.Random(seed)
        self.stop = stop
        self.dispositions = {}
        self.hangups = 0
        self.errors = []

    def run(self):
        try:
            self.api.login(self.user, self.password)
        except Exception as e:  # reported by the runner, never silent
            self.errors.append(f"{self.user}: login: {e}")
            return
        try:
            self.work()
        except urllib.error.URLError as e:
            # dialerd stopped (it exits by itself when the campaign is done): the day is over.
            if not isinstance(e.reason, ConnectionRefusedError):
                self.errors.append(f"{self.user}: {e}")
        except Exception as e:
            self.errors.append(f"{self.user}: {e}")

    def work(self):
        ready = False
        call_seen = None
        hang_at = None
        while not self.stop.is_set():
            status, me = self.api.call("GET", "/api/agent")
            if status != 200:
                self.errors.append(f"{self.user}: GET /api/agent HTTP {status} {me}")
                return
            if not ready and me.get("phone_connected"):
                status, body = self.api.call("POST", "/api/agent/ready")
                ready = status == 200
            call = me.get("call")
            if call and call["id"] != call_seen:
                call_seen = call["id"]
                hang_at = time.time() + self.rng.uniform(*self.talk)
            if call and call["phase"] == "talking" and hang_at and time.time() >= hang_at:
                status, _ = self.api.call("POST", "/api/agent/hangup")
                self.hangups += status == 200
                hang_at = None
            if call and call["phase"] == "wrap_up":
                time.sleep(self.rng.uniform(*self.wrap))
                self.disposition(call)
            time.sleep(0.2)

    def disposition(self, call):
        codes = [d["code"] for d in call["dispositions"]]
        weighted = [(c, CODE_WEIGHTS.get(c, 0)) for c in codes if CODE_WEIGHTS.get(c, 0) > 0]
        if not weighted:
            return
        code = self.rng.choices([c for c, _ in weighted], [w for _, w in weighted])[0]
        status, body = self.api.call("POST", "/api/agent/disposition", {"code": code})
        if status == 200:
            self.dispositions[code] = self.dispositions.get(code, 0) + 1
        elif status != 409:  # 409: the wrap-up timed out first
            self.errors.append(f"{self.user}: disposition {code}: HTTP {status} {body}")


def start_bots(base, agents, talk, wrap, seed):
    stop = threading.Event()
    bots = [AgentBot(base, user, password, talk, wrap, seed + i, stop)
            for i, (user, password) in enumerate(agents)]
    for b in bots:
        b.start()
    return stop, bots


def stop_bots(stop, bots):
    stop.set()
    for b in bots:
        b.join(timeout=10)
    total = {}
    for b in bots:
        for code, n in b.dispositions.items():
            total[code] = total.get(code, 0) + n
    errors = [e for b in bots for e in b.errors]
    return total, sum(b.hangups for b in bots), errors
