"""A real softphone as an agent: baresip (Debian's baresip-core), headless, registering to
dialerd with digest authentication and answering its nailed-up leg by itself. With no sound card,
its audio device is baresip's aubridge (what it hears it sends back, like an echo), and the
sndfile module records each call's received audio as WORK/baresip_AGENT/dump-*-dec.wav."""
import glob
import os


def write_config(work, user, password, sip_port):
    home = os.path.join(work, f"baresip_{user}")
    os.makedirs(home, exist_ok=True)
    with open(os.path.join(home, "config"), "w") as f:
        f.write(f"""poll_method epoll
sip_listen 127.0.0.1:0
audio_player aubridge,line
audio_source aubridge,line
audio_alert aubridge,alert
snd_path {home}
audio_srate 8000
audio_channels 1
module_path /usr/lib/baresip/modules
module g711.so
module aubridge.so
module sndfile.so
module_app account.so
module_app menu.so
""")
    with open(os.path.join(home, "accounts"), "w") as f:
        f.write(f"<sip:{user}@127.0.0.1:{sip_port};transport=udp>;auth_pass={password};"
                f"answermode=auto;audio_codecs=PCMU,PCMA;regint=600\n")
    open(os.path.join(home, "contacts"), "w").close()
    return home


def heard_files(home):
    """The recordings of what the phone received, one per call."""
    return sorted(glob.glob(os.path.join(home, "dump-*-dec.wav")))


def command(home):
    return ["baresip", "-f", home]
