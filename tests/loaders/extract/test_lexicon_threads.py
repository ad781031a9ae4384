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


def test_threads_extract_one_document_at_the_same_time() -> None:
    # the Snowball stemmer holds the word it is stemming: shared by threads, it raised 'string index out of range'
    code = """
import threading
from pathlib import Path
from stancegraph.loaders.documents.reader import read_document_text
from stancegraph.loaders.extract import extract_document
doc = read_document_text(Path("examples/riverside-libraries-consultation.md"))
errors = []
def work():
    try:
        extract_document(doc)
    except Exception as exc:
        errors.append(repr(exc))
threads = [threading.Thread(target=work) for _ in range(12)]
for t in threads: t.start()
for t in threads: t.join()
print(errors)
"""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    for _ in range(5):  # (a race: five fresh processes)
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=root)
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "[]"
