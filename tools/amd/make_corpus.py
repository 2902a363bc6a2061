#!/usr/bin/env python3
"""Deterministic synthetic AMD corpus: DIR/<id>.wav (8 kHz, 16-bit, mono, t=0 is the answer)
and DIR/labels.csv. Same arguments, same bytes: every sample draws from its own
random.Random("seed:set:id"), sox runs in repeatable mode without dither, and TTS output is
cached by its exact inputs.

  make_corpus.py --out DIR [--humans N] [--machines N] [--seed S] [--set main|heldout] [--jobs 2]
"""
import argparse
import warnings
warnings.filterwarnings("ignore", category=DeprecationWarning)
import audioop  # noqa: E402
import csv
import functools
import hashlib
import math
import multiprocessing
import os
import random
import subprocess
import sys
import tempfile
import wave

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import voices as V  # noqa: E402

RATE = 8000
FRAME = 160
HUMAN_SCENARIOS = [("hello", 62), ("hello_twice", 10), ("slow_answer", 8), ("long_greeting", 6),
                   ("ringback_then_hello", 7), ("real_voice_hello", 7)]
MACHINE_SCENARIOS = [("tts_greeting", 56), ("carrier_voicemail", 18), ("short_greeting", 8),
                     ("beep_only", 5), ("sit", 6), ("fax", 7)]
COLUMNS = ["id", "label", "first_speech_on", "first_speech_off", "beep_on", "beep_off", "beep_hz",
           "scenario", "engine", "voice", "noise_dbfs", "codec", "loss_pct", "set"]


def pick_weighted(rng, table, allowed):
    items = [(name, w) for name, w in table if name in allowed]
    total = sum(w for _, w in items)
    x = rng.uniform(0, total)
    for name, w in items:
        x -= w
        if x <= 0:
            return name
    return items[-1][0]


# ---------------------------------------------------------------- audio helpers (lists of ints)

def silence(seconds):
    return [0] * int(round(seconds * RATE))


def tones(freqs, seconds, dbfs):
    n = int(round(seconds * RATE))
    amp = 32767 * 10 ** (dbfs / 20) / len(freqs)
    fade = int(0.005 * RATE)
    out = []
    for i in range(n):
        g = min(1.0, i / fade, (n - 1 - i) / fade) if fade else 1.0
        out.append(int(round(g * amp * sum(math.sin(2 * math.pi * f * i / RATE) for f in freqs))))
    return out


def trim(samples, threshold=300):
    idx = [i for i, s in enumerate(samples) if abs(s) > threshold]
    if not idx:
        return samples
    return samples[max(0, idx[0] - 40):idx[-1] + 40]


def gain(samples, db):
    g = 10 ** (db / 20)
    return [max(-32768, min(32767, int(round(s * g)))) for s in samples]


def from_bytes(data):
    return list(memoryview(data).cast("h"))


def to_bytes(samples):
    import array
    return array.array("h", samples).tobytes()


def sox_to_8k(path, extra_effects=()):
    cmd = ["sox", "-R", "-D", "-V1", path, "-t", "raw", "-e", "signed-integer", "-b", "16",
           "-r", str(RATE), "-c", "1", "-", "sinc", "300-3400", *extra_effects, "gain", "-n", "-1"]
    return from_bytes(subprocess.run(cmd, check=True, capture_output=True).stdout)


# ---------------------------------------------------------------- speech sources

def tts(cache, engine, voice, text, rate, pitch):
    """Telephone-band 8 kHz speech, trimmed, peak near -1 dBFS. Cached on disk by its inputs."""
    key = hashlib.sha256(f"{engine}|{voice}|{text}|{rate}|{pitch}".encode()).hexdigest()[:24]
    cached = os.path.join(cache, key + ".raw")
    if os.path.exists(cached):
        with open(cached, "rb") as f:
            return from_bytes(f.read())
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "tts.wav")
        effects = []
        if engine == "espeak":
            subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-p", str(pitch), "-w", raw,
                            text], check=True, capture_output=True)
        elif engine == "flite":
            subprocess.run(["flite", "-voice", voice, "--setf", f"duration_stretch={170 / rate:.3f}",
                            "-t", text, "-o", raw], check=True, capture_output=True)
            effects = ["pitch", str((pitch - 50) * 4)]
        else:
            subprocess.run(["text2wave", "-eval", f"({voice})", "-o", raw], input=text.encode(),
                           check=True, capture_output=True)
            effects = ["tempo", f"{rate / 170:.3f}", "pitch", str((pitch - 50) * 4)]
        samples = trim(sox_to_8k(raw, effects))
    tmp_path = cached + f".{os.getpid()}"
    with open(tmp_path, "wb") as f:
        f.write(to_bytes(samples))
    os.replace(tmp_path, cached)
    return samples


@functools.lru_cache(maxsize=None)
def _prompt(name):
    return tuple(trim(sox_to_8k(os.path.join(V.ASTERISK_DIR, name + ".wav"))))


def prompt(name):
    return list(_prompt(name))


class Voice:
    def __init__(self, rng, cache, pool):
        self.engine, self.name = rng.choice(V.VOICES[pool])
        self.rate = rng.randrange(140, 205, 5)
        self.pitch = rng.randrange(30, 75, 5)
        self.cache = cache

    def say(self, text):
        return tts(self.cache, self.engine, self.name, text, self.rate, self.pitch)


# ---------------------------------------------------------------- scenarios

class Track:
    """Audio assembled from t=0 (the answer) with the label times of what was placed."""

    def __init__(self):
        self.samples = []
        self.labels = {"first_speech_on": "", "first_speech_off": "", "beep_on": "",
                       "beep_off": "", "beep_hz": ""}

    def now(self):
        return len(self.samples) / RATE

    def pause(self, seconds):
        self.samples += silence(seconds)

    def speech(self, samples, level_db, first=False):
        if first and self.labels["first_speech_on"] == "":
            self.labels["first_speech_on"] = f"{self.now():.3f}"
            self.labels["first_speech_off"] = f"{self.now() + len(samples) / RATE:.3f}"
        self.samples += gain(samples, level_db)

    def beep(self, hz, seconds, dbfs):
        self.labels.update(beep_on=f"{self.now():.3f}", beep_off=f"{self.now() + seconds:.3f}",
                           beep_hz=str(hz))
        self.samples += tones([hz], seconds, dbfs)

    def samples_beep(self, samples, hz):
        self.labels.update(beep_on=f"{self.now():.3f}",
                           beep_off=f"{self.now() + len(samples) / RATE:.3f}", beep_hz=str(hz))
        self.samples += samples


def human(rng, voice, pool, scenario, t):
    level = rng.uniform(-18, -3)
    if scenario == "slow_answer":
        t.pause(rng.uniform(2.0, 3.2))
    elif scenario == "ringback_then_hello":
        t.pause(rng.uniform(0.0, 0.3))
        t.samples += tones([440, 480], rng.uniform(0.8, 2.0), rng.uniform(-22, -14))
        t.pause(rng.uniform(0.3, 1.0))
    else:
        t.pause(rng.uniform(0.15, 1.2))
    if scenario == "real_voice_hello":
        t.speech(prompt("hello"), level, first=True)
    elif scenario == "long_greeting":
        t.speech(voice.say(rng.choice(V.HUMAN_LONG[pool])), level, first=True)
    else:
        t.speech(voice.say(rng.choice(V.HUMAN_FIRST[pool])), level, first=True)
    t.pause(rng.uniform(1.5, 3.0))
    if scenario == "hello_twice" or rng.random() < 0.3:
        t.speech(voice.say(rng.choice(V.HUMAN_SECOND[pool])), level)
    t.pause(rng.uniform(1.0, 2.0))


def maybe_beep(rng, t, probability=0.85):
    t.pause(rng.uniform(0.3, 1.2))
    if rng.random() < probability:
        t.beep(rng.choice(V.BEEP_HZ), rng.choice([0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.8]),
               rng.uniform(-20, -8))
    t.pause(rng.uniform(1.0, 2.0))


def carrier(rng, t):
    parts = []
    for name in rng.choice(V.CARRIER_SEQUENCES):
        if name == "DIGITS":
            parts += [prompt(f"digits/{rng.randrange(10)}") + silence(0.05) for _ in range(7)]
        else:
            parts.append(prompt(name) + silence(rng.uniform(0.1, 0.3)))
    t.speech([s for p in parts for s in p], rng.uniform(-12, -3), first=True)
    t.pause(rng.uniform(0.3, 1.0))
    t.samples_beep(gain(prompt("beep"), rng.uniform(-8, 0)), 700)
    t.pause(rng.uniform(1.0, 2.0))


def sit(rng, voice, pool, t):
    t.pause(rng.uniform(0.1, 0.6))
    low = rng.random() < 0.5
    freqs = [913.8 if low else 985.2, 1370.6 if rng.random() < 0.5 else 1428.5, 1776.7]
    lengths = [rng.choice([0.274, 0.380]), rng.choice([0.274, 0.380]), 0.380]
    level = rng.uniform(-20, -12)
    for f, d in zip(freqs, lengths):
        t.samples += tones([f], d, level)
    t.pause(rng.uniform(0.1, 0.4))
    if pool == "main":
        t.speech(prompt("ss-noservice"), rng.uniform(-12, -3), first=True)
    else:
        t.speech(voice.say(V.NOT_IN_SERVICE[pool][0]), rng.uniform(-12, -3), first=True)
    t.pause(1.0)


def fax(rng, t):
    t.pause(rng.uniform(0.1, 1.0))
    level = rng.uniform(-20, -10)
    for _ in range(2):
        t.samples += tones([1100], 0.5, level)
        t.pause(3.0)


def machine(rng, voice, pool, scenario, t):
    if scenario == "carrier_voicemail":
        t.pause(rng.uniform(0.1, 0.8))
        return carrier(rng, t)
    if scenario == "sit":
        return sit(rng, voice, pool, t)
    if scenario == "fax":
        return fax(rng, t)
    t.pause(rng.uniform(0.2, 1.2))
    if scenario == "beep_only":
        t.pause(rng.uniform(0.3, 1.5))
        return maybe_beep(rng, t, probability=1.0)
    pool_text = V.MACHINE_SHORT if scenario == "short_greeting" else V.MACHINE_GREETING
    t.speech(voice.say(rng.choice(pool_text[pool])), rng.uniform(-15, -3), first=True)
    maybe_beep(rng, t)


# ---------------------------------------------------------------- channel

def channel(rng, samples):
    noise_db = rng.choice([None, None, -65, -55, -50, -45])
    if noise_db is not None:
        sigma = 32767 * 10 ** (noise_db / 20)
        samples = [max(-32768, min(32767, s + int(round(rng.gauss(0, sigma))))) for s in samples]
    data = to_bytes(samples)
    codec = rng.choice(["ulaw", "ulaw", "ulaw", "alaw", "linear"])
    if codec == "ulaw":
        data = audioop.ulaw2lin(audioop.lin2ulaw(data, 2), 2)
    elif codec == "alaw":
        data = audioop.alaw2lin(audioop.lin2alaw(data, 2), 2)
    loss = rng.choice([0, 0, 0, 1, 3])
    if loss:
        buf = bytearray(data)
        for start in range(0, len(buf) - 2 * FRAME + 1, 2 * FRAME):
            if rng.random() < loss / 100:
                buf[start:start + 2 * FRAME] = bytes(2 * FRAME)
        data = bytes(buf)
    return data, ("" if noise_db is None else str(noise_db)), codec, str(loss)


# ---------------------------------------------------------------- driver

def make_one(job):
    out, cache, seed, pool, sample_id, label = job
    rng = random.Random(f"{seed}:{pool}:{sample_id}")
    voice = Voice(rng, cache, pool)
    allowed_h = [n for n, _ in HUMAN_SCENARIOS if pool == "main" or n != "real_voice_hello"]
    allowed_m = [n for n, _ in MACHINE_SCENARIOS if pool == "main" or n != "carrier_voicemail"]
    t = Track()
    if label == "HUMAN":
        scenario = pick_weighted(rng, HUMAN_SCENARIOS, allowed_h)
        human(rng, voice, pool, scenario, t)
    else:
        scenario = pick_weighted(rng, MACHINE_SCENARIOS, allowed_m)
        machine(rng, voice, pool, scenario, t)
    engine, name = voice.engine, voice.name
    if scenario in ("real_voice_hello", "carrier_voicemail") or (scenario == "sit" and
                                                                 pool == "main"):
        engine, name = "asterisk", "en_US_f_Allison"
    elif scenario in ("fax", "beep_only"):
        engine, name = "tone", ""
    data, noise, codec, loss = channel(rng, t.samples)
    with wave.open(os.path.join(out, sample_id + ".wav"), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data)
    row = {"id": sample_id, "label": label, "scenario": scenario, "engine": engine, "voice": name,
           "noise_dbfs": noise, "codec": codec, "loss_pct": loss, "set": pool}
    row.update(t.labels)
    return row


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", required=True)
    p.add_argument("--humans", type=int, default=600)
    p.add_argument("--machines", type=int, default=600)
    p.add_argument("--seed", default="1")
    p.add_argument("--set", dest="pool", choices=["main", "heldout"], default="main")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--cache", help="TTS cache folder (default: OUT.tts-cache)")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    cache = args.cache or args.out.rstrip("/") + ".tts-cache"
    os.makedirs(cache, exist_ok=True)
    jobs = [(args.out, cache, args.seed, args.pool, f"h{i:04d}", "HUMAN") for i in range(args.humans)]
    jobs += [(args.out, cache, args.seed, args.pool, f"m{i:04d}", "MACHINE")
             for i in range(args.machines)]
    if args.jobs > 1:
        with multiprocessing.Pool(min(args.jobs, 2)) as pool:
            rows = pool.map(make_one, jobs, chunksize=4)
    else:
        rows = [make_one(j) for j in jobs]
    with open(os.path.join(args.out, "labels.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in sorted(rows, key=lambda r: r["id"]):
            writer.writerow(row)
    print(f"make_corpus: {len(rows)} files in {args.out}")


if __name__ == "__main__":
    main()
