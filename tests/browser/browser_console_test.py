#!/usr/bin/env python3
"""ctest `browser_console`: a live loopback campaign (tests/e2e/campaign_run.py) with one agent
left to a real browser; tests/browser/console_test.mjs drives the agent console, the wallboard
and the lead upload in headless Chromium. Screenshots: WORK/screenshots."""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    build, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if not os.path.isdir(os.path.join(HERE, "node_modules", "playwright-core")):
        print("FAIL: playwright-core is not installed (tools/setup/install-deps.sh installs it)")
        return 1
    script = os.path.join(HERE, "console_test.mjs")
    rc = subprocess.run([sys.executable, os.path.join(HERE, "..", "e2e", "campaign_run.py"),
                         "--build", build, "--work", work, "--leads", "30", "--agents", "2",
                         "--hold-agents", "1", "--all-human", "--max-seconds", "150",
                         "--talk", "30", "--wrap", "20s", "--quiet",
                         "--on-ready", f"node {script}"]).returncode
    print("OK: browser console test passed" if rc == 0 else f"FAIL: exit {rc}; logs in {work}")
    return rc


if __name__ == "__main__":
    sys.exit(main())
