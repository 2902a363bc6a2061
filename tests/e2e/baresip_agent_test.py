#!/usr/bin/env python3
"""ctest `e2e_baresip_agent`: a real softphone (baresip) is an agent. It registers to dialerd
with digest authentication, auto-answers its nailed-up leg, and receives bridged calls; the
records name it as the agent, the talk time is real, and baresip recorded the customer's audio
(the carrier's person answering the agent) from the bridge."""
import audioop
import json
import os
import subprocess
import sys
import wave

import baresip_phone

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    build, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    rc = subprocess.run([sys.executable, os.path.join(HERE, "campaign_run.py"), "--build", build,
                         "--work", work, "--leads", "3", "--agents", "1", "--baresip-agents", "1",
                         "--all-human", "--max-seconds", "90", "--talk", "6", "--wrap", "10s",
                         "--agent-talk", "20-30", "--quiet"]).returncode
    if rc != 0:
        print(f"FAIL: campaign_run exited {rc}; logs in {work}")
        return 1
    failures = []
    summary = json.load(open(f"{work}/summary.json"))
    if summary["bridged"] < 1:
        failures.append(f"no call was bridged to the baresip agent: {summary}")
    log = open(f"{work}/dialerd.log").read()
    if "agent agent1001 logged in (leg up)" not in log:
        failures.append("baresip never answered its nailed-up leg")
    heard = baresip_phone.heard_files(f"{work}/baresip_agent1001")
    if not heard:
        failures.append("baresip recorded nothing")
    else:
        frames = b""
        for path in heard:
            with wave.open(path) as w:
                rate, width = w.getframerate(), w.getsampwidth()
                frames += w.readframes(w.getnframes())
        window = rate * width // 5  # 200 ms
        chunks = [frames[i:i + window] for i in range(0, len(frames), window)]
        loud = sum(1 for c in chunks if c and audioop.rms(c, width) > 300) * 0.2
        seconds = len(frames) / max(1, rate * width)
        # The customer's reply ("Yes, I can hear you...") lasts about 2 s after the bridge.
        if loud < 1.0:
            failures.append(f"baresip heard {seconds:.1f} s with {loud:.1f} s of sound: "
                            "no customer audio through the bridge")
    if failures:
        print(f"FAIL ({len(failures)}), logs in {work}:")
        for f in failures:
            print("  " + f)
        return 1
    print(f"OK: baresip agent took {summary['bridged']} bridged calls; heard {loud:.1f} s of "
          f"sound in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
