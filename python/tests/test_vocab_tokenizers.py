"""`bytelogic vocab --format hf` works as HuggingFace `tokenizers` added tokens.

A tiny byte-level BPE tokenizer is trained on rows from `bytelogic generate`, the
vocabulary is added, and every special token and keyword must then encode as one
token and decode back exactly; whole rows must round-trip too.

Standalone: needs only the built `bytelogic` binary ($BYTELOGIC_BIN, else
target/debug/bytelogic from the repository root) and the `tokenizers` and `pytest`
packages. `.ci/run` runs it in a venv.
"""

import json
import os
import pathlib
import subprocess

import pytest
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("BYTELOGIC_BIN") or str(ROOT / "target" / "debug" / "bytelogic")


def bytelogic(*args):
    return subprocess.run([BIN, *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def added():
    return json.loads(bytelogic("vocab", "--format", "hf"))["added_tokens"]


@pytest.fixture(scope="module")
def rows():
    out = bytelogic("generate", "--count", "300", "--seed", "11", "--errors", "0.1")
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def tokenizer(added, rows):
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=500,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator([r["input"] + "\n" + r["output"] for r in rows], trainer)
    tok.add_special_tokens([AddedToken(**t) for t in added if t["special"]])
    tok.add_tokens([AddedToken(**t) for t in added if not t["special"]])
    return tok


def test_the_vocabulary_has_the_tags_and_the_keywords(added):
    contents = [t["content"] for t in added]
    for tag in ["<computation>", "</computation>", "<result>", "</result>", "<error>", "</error>"]:
        assert tag in contents
    for keyword in ["REL", "FACT", "RULE", "SOLVE", "QUERY", "CALC", "SCAN", "JOIN", "EMIT", "MOD"]:
        assert keyword in contents
    assert len(contents) == len(set(contents))


def test_every_added_token_is_one_token_and_decodes_back(tokenizer, added):
    for t in added:
        encoding = tokenizer.encode(t["content"], add_special_tokens=False)
        assert len(encoding.ids) == 1, (t["content"], encoding.tokens)
        assert tokenizer.decode(encoding.ids, skip_special_tokens=False) == t["content"]


def test_keywords_inside_programs_are_single_tokens(tokenizer):
    # INPUT starts with the keyword IN; both stay whole.
    ids = tokenizer.encode("INPUT $n\nFOR $i IN RANGE(0, $n)", add_special_tokens=False).ids
    for keyword in ["INPUT", "FOR", "IN"]:
        assert tokenizer.token_to_id(keyword) in ids, keyword


def test_generated_rows_round_trip(tokenizer, rows):
    open_id = tokenizer.token_to_id("<computation>")
    close_id = tokenizer.token_to_id("</computation>")
    for row in rows:
        text = row["output"]
        ids = tokenizer.encode(text, add_special_tokens=False).ids
        assert open_id in ids and close_id in ids
        assert tokenizer.decode(ids, skip_special_tokens=False) == text
