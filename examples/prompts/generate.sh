#!/usr/bin/env bash
# Regenerates the prompts of examples/inbound.yaml with espeak-ng and sox: 8 kHz, mono, 16-bit
# PCM WAV, silence trimmed at both ends. Run from anywhere: ./examples/prompts/generate.sh
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

prompt() {  # name text
  espeak-ng -s 170 -w "$tmp/$1.wav" "$2"
  sox "$tmp/$1.wav" -r 8000 -c 1 -b 16 -e signed-integer "$1.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
}

prompt welcome "Thank you for calling Acme."
prompt main_menu "For sales, press 1. For support, press 2. For a call back, press 3. To stop our calls, press 9."
prompt invalid "Sorry, that is not a valid choice."
prompt no_input "Sorry, we did not hear a choice."
prompt enter_account "Please enter your account number, then press pound."
prompt callback_confirmed "Thank you. We will call you back, in the order you called."
prompt opt_out_confirmed "You will not be called again. Goodbye."
prompt closed "We are closed. Our hours are Monday to Friday, 8 AM to 8 PM, Eastern time."
prompt callback_offer "To be called back when we open, press 1."
prompt goodbye "Thank you for calling. Goodbye."
