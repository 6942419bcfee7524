"""The Python stack plan2json is measured against: unstructured (partition the text into
elements), OpenCC (convert each element to simplified script), cn2an (turn Chinese numerals
into Arabic ones). It does much less than plan2json — no tables, no task records, no units,
no times — so the comparison flatters it.

Setup (development time only): python3 -m venv /tmp/pystack &&
  /tmp/pystack/bin/pip install unstructured opencc cn2an
Run from the repository root:  /tmp/pystack/bin/python Benchmarks/python-stack/compare.py
"""
import glob, time
import cn2an
import opencc
import spacy
import unstructured.nlp.tokenize as tokenize
from unstructured.partition.text import partition_text

# unstructured downloads spaCy's en_core_web_sm from GitHub on first use; this machine reaches
# PyPI only, so give it a blank pipeline with a rule-based sentencizer instead (faster than the
# real model, which again flatters the Python stack).
def _blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp
tokenize._load_spacy_model = _blank_pipeline

paths = sorted(glob.glob("fixtures/table-dump/*/input.txt") + glob.glob("fixtures/text/*/input.txt"))
documents = [open(path, "rb").read() for path in paths]
size = sum(len(document) for document in documents)
converter = opencc.OpenCC("t2s")

def run():
    elements = 0
    for raw in documents:
        for element in partition_text(text=raw.decode("utf-8")):
            text = converter.convert(element.text)
            cn2an.transform(text, "cn2an")
            elements += 1
    return elements

run()  # warm up (models, dictionaries)
timings = []
for _ in range(5):
    start = time.perf_counter()
    elements = run()
    timings.append(time.perf_counter() - start)
best, median = min(timings), sorted(timings)[len(timings) // 2]
print(f"{len(paths)} documents, {size} bytes, {elements} elements")
print(f"python stack: best {best * 1000:.0f} ms ({size / best / 1e6:.2f} MB/s), median {median * 1000:.0f} ms ({size / median / 1e6:.2f} MB/s)")
