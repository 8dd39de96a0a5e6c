"""Training smoke test: a few steps on a few articles, export to int8 ONNX, load the
export and tag a sentence. Not the real training (see README)."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT.parent / "shared/data/polnear/train"


@pytest.mark.skipif(not TRAIN.exists(), reason="needs ../shared/data/polnear/train")
def test_train_export_and_load(tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    ck, ex = tmp_path / "ckpt", tmp_path / "onnx"
    subprocess.run([sys.executable, str(ROOT / "training/train_tagger.py"), "--out", str(ck), "--articles", "3",
                    "--steps", "2", "--batch", "2", "--threads", "1"], check=True, timeout=600)
    assert (ck / "model.safetensors").exists()
    subprocess.run([sys.executable, str(ROOT / "training/export_onnx.py"), str(ck), "--out", str(ex)],
                   check=True, timeout=600)
    from quotegraph.attribute.tagger import Tagger
    tagger = Tagger(ex)
    runs = tagger.tag("“We will win,” she said.")
    for r in runs:
        assert r.role in ("SOURCE", "CUE", "CONTENT") and 0 <= r.start < r.end <= 24

    # the same checkpoint added as a second ensemble member: the average of two identical
    # members is the single model's log-probabilities
    import json

    import numpy as np

    from quotegraph.attribute.encoding import encode
    text = "“We will win,” she said. Her rival disagreed."
    single = tagger.logprobs(encode(text, tagger.tokenizer))
    subprocess.run([sys.executable, str(ROOT / "training/export_onnx.py"), str(ck), "--out", str(ex),
                    "--member", "model_b.onnx"], check=True, timeout=600)
    assert json.loads((ex / "meta.json").read_text())["members"] == ["model_b.onnx"]
    pair = Tagger(ex)
    assert len(pair.sessions) == 2
    assert np.allclose(pair.logprobs(encode(text, pair.tokenizer)), single, atol=1e-5)


@pytest.mark.skipif(not TRAIN.exists(), reason="needs ../shared/data/polnear/train")
def test_train_linker_and_use_it(tmp_path):
    """The source linker trains on a few articles and its weights pick a source."""
    import json
    out = tmp_path / "linker.json"
    subprocess.run([sys.executable, str(ROOT / "training/train_linker.py"), "--limit", "6", "--out", str(out)],
                   check=True, timeout=600)
    data = json.loads(out.read_text())
    from quotegraph.attribute.linker import FEATURES, SourceLinker
    assert data["features"] == FEATURES and len(data["weights"]) == len(FEATURES)
    assert any(w != 0 for w in data["weights"])
    from quotegraph.attribute.assemble import Run, assemble
    text = "Marsh spoke first. “We will win,” Reyes said."
    runs = [Run("SOURCE", 0, 5, 0), Run("CONTENT", 19, 33, 0), Run("SOURCE", 34, 39, 0), Run("CUE", 40, 44, 0)]
    groups = assemble(text, runs, linker=SourceLinker(out))
    g = next(g for g in groups if g.cue)
    assert [(s.start, s.end) for s in g.source] == [(34, 39)]


@pytest.mark.skipif(not TRAIN.exists(), reason="needs ../shared/data/polnear/train")
def test_train_pronoun_ranker_and_use_it(tmp_path):
    """The pronoun ranker trains on a few annotated articles and its weights pick a
    candidate through the resolver."""
    import json
    out = tmp_path / "pronoun_ranker.json"
    subprocess.run([sys.executable, str(ROOT / "training/train_pronoun_ranker.py"), "--limit", "3",
                    "--data", str(ROOT / "training/data/speakers_fit.jsonl"), "--out", str(out)],
                   check=True, timeout=600)
    data = json.loads(out.read_text())
    from quotegraph.resolve import salience
    assert data["features"] == salience.FEATURES and len(data["weights"]) == len(salience.FEATURES)
    assert any(w != 0 for w in data["weights"])
    ranker = salience.PronounRanker(out)
    last = [0.0] * len(salience.FEATURES)
    last[salience.FEATURES.index("last")] = 1.0
    # whatever else it learned, being the speaker just quoted counts for a candidate
    assert ranker.score(last) > ranker.score([0.0] * len(salience.FEATURES))


def test_the_shipped_census_names_are_what_the_build_script_makes(tmp_path):
    out = tmp_path / "census.json"
    subprocess.run([sys.executable, str(ROOT / "training/build_census_names.py"), "--out", str(out)],
                   check=True, timeout=120)
    assert out.read_text() == (ROOT / "src/quotegraph/resolve/census_first_names.json").read_text()
