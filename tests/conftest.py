"""Shared fixtures.  Tests never touch the network: the hub is forced offline here."""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
for _key in [k for k in os.environ if k.startswith("THIDUA_")]:
    del os.environ[_key]  # a developer's own settings must not change test results
