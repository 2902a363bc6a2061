"""Voice and sentence pools of the AMD corpus.

Two disjoint sets: "main" (the full corpus and the tuning slice) and "heldout" (voices and
sentences never used while tuning the detectors). Asterisk's recorded prompts (one real voice)
appear only in "main".
"""

ASTERISK_DIR = "/usr/share/asterisk/sounds/en_US_f_Allison"

VOICES = {
    "main": [
        ("espeak", "en-us+m1"), ("espeak", "en-us+m2"), ("espeak", "en-us+m3"),
        ("espeak", "en-us+f1"), ("espeak", "en-us+f2"), ("espeak", "en-us+f3"),
        ("espeak", "en-gb+m4"), ("espeak", "en-gb+f4"),
        ("flite", "kal"), ("flite", "slt"), ("flite", "awb"),
        ("festival", "voice_kal_diphone"),
    ],
    "heldout": [
        ("espeak", "en-029+m7"), ("espeak", "en-gb-scotland+f5"), ("espeak", "en-us-nyc+m5"),
        ("espeak", "en-gb-x-rp+m6"), ("flite", "rms"),
        ("festival", "voice_cmu_us_slt_arctic_hts"),
    ],
}

HUMAN_FIRST = {
    "main": [
        "Hello?", "Hello.", "Hi.", "Yeah?", "Hello, who's this?", "Hi, this is Maria.",
        "Yes, hello?", "Hello, Johnson residence.", "Hey.", "Speaking.", "Good morning.",
        "Hello, this is Tom.", "Yeah, hello.", "Hi there.", "Who is calling?",
    ],
    "heldout": [
        "Hello there?", "Hiya.", "Yes?", "Hello, Sarah speaking.", "Morning, who is it?",
        "Hello, Patel household.", "Uh, hello?", "Good afternoon.", "Hi, it's Dave.",
        "This is Linda.",
    ],
}

HUMAN_SECOND = {
    "main": ["Hello? Who is this?", "Hello? Anyone there?", "Can you hear me?", "Hello?"],
    "heldout": ["Is anybody there?", "Hello, can I help you?", "Hello, who is this please?"],
}

HUMAN_LONG = {
    "main": [
        "Hello, this is Doctor Smith's office, how can I help you?",
        "Good afternoon, Acme Plumbing, this is Jenny speaking.",
        "Thank you for calling Main Street Dental, how may I help you?",
    ],
    "heldout": [
        "Good morning, Riverside Veterinary Clinic, Karen speaking, how can I help?",
        "Hello, you've got Pete at Wilson Motors, what can I do for you?",
    ],
}

MACHINE_GREETING = {
    "main": [
        "Hi, you've reached John Smith. I can't take your call right now. "
        "Please leave a message after the tone.",
        "Hello, this is Sarah. Sorry I missed your call. Leave your name and number and "
        "I'll call you back.",
        "You have reached the voicemail of Michael Brown. Please leave a message.",
        "Hi, it's Anna. I'm not available right now, but if you leave a message I'll get back "
        "to you as soon as I can.",
        "Thank you for calling. Nobody is available to take your call. "
        "Please leave a message after the beep.",
        "The person you are trying to reach is not available. "
        "Please leave a message after the tone.",
        "Hello, you've reached the Garcia family. We can't come to the phone right now. "
        "Please leave a message.",
    ],
    "heldout": [
        "Hi, this is Robert Lee. I'm either on the other line or away from my desk. "
        "Please leave a detailed message.",
        "You've reached Emily. I'm out of the office until Monday. Leave a message and I will "
        "return your call.",
        "Hello, and thanks for calling the Nguyen residence. We're not home right now, so leave "
        "a message after the beep.",
    ],
}

MACHINE_SHORT = {
    "main": ["Leave a message.", "Hi, it's Bob, leave a message.", "Not here, leave a message."],
    "heldout": ["Message, please.", "Hey, it's Sam. Talk after the beep."],
}

NOT_IN_SERVICE = {
    "heldout": ["The number you have dialed is not in service. Please check the number and try "
                "again."],
}

# Carrier voicemail assembled from real recorded prompts (file names without .wav).
CARRIER_SEQUENCES = [
    ["vm-theperson", "DIGITS", "vm-isunavail", "vm-intro"],
    ["vm-theperson", "DIGITS", "vm-isonphone", "vm-intro"],
    ["vm-nobodyavail", "vm-intro"],
    ["vm-theperson", "DIGITS", "vm-isunavail"],
]

BEEP_HZ = [440, 700, 850, 1000, 1400]
