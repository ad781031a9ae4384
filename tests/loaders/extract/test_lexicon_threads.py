"""The lexicon and its compiled cues are built once per process even when threads ask at the same moment (the web
server reads concurrent uploads in threads: 5 to 9 of 50 uploads to a fresh server were refused with
'unhashable type: Lexicon' when two threads each built the default lexicon)."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import threading, time
from stancegraph.loaders.extract import lexicon, claims
real = lexicon.read_lexicon
def slow(*a, **k):  # widen the window in which two threads both find no lexicon yet
    time.sleep(0.3)
    return real(*a, **k)
lexicon.read_lexicon = slow
errors, seen = [], []
def work():
    try:
        lex = lexicon.default_lexicon()
        seen.append(id(lex))
        claims.find_frames("Providers argued that pay must rise.")
    except Exception as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=work) for _ in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print(len(set(seen)), errors)
"""


def test_threads_share_one_lexicon_and_its_cues() -> None:
    done = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1 []"


def test_a_lexicon_of_ones_own_gets_its_cues() -> None:
    from stancegraph.loaders.extract.claims import cues_for, find_frames
    from stancegraph.loaders.extract.lexicon import read_lexicon

    own = read_lexicon()
    assert cues_for(own) is cues_for(own)  # (an lru_cache cannot hash a Lexicon at all)
    assert find_frames("Providers argued that pay must rise.", own) == find_frames("Providers argued that pay must rise.")
