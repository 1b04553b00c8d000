"""Write corpus/lexicon/function_word_compounds.txt from pyvi's Vietnamese word list.

Typed without diacritics, "thi" is the function word "thì" or the content syllable of "thi đua", "chỉ thị";
"co" is "có" or "cơ quan", "cơ sở".  The answer layer (bot.segments) keeps such a syllable when it stands
next to a syllable it forms a word with in which it is spelled as a content syllable.  The words come from
the dictionary pyvi segments with (models/words.txt, ~31,000 words): every word of two or more syllables
in which some syllable folds to a function word (corpus/lexicon/function_words.txt) without being spelled
as one.  Run after changing function_words.txt:

    .venv/bin/python scripts/function_word_compounds.py
"""

from __future__ import annotations

import re
from pathlib import Path

import pyvi

from corpus.lexicon import LEXICON_DIR, load_lexicon
from corpus.text import canonical_tones, fold

_WORD = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)+")
_HEADER = """\
# Words (two or more syllables) in which a syllable folds to a function word but is spelled as content:
# "thi đua", "cơ quan", "báo cáo", "xã hội".  Typed without diacritics, "thi dua" keeps its "thi" because it
# stands beside "dua"; "thi" alone is "thì" and goes (bot.segments).  Derived from pyvi's word list by
# scripts/function_word_compounds.py (rerun it after changing function_words.txt); add a domain word by hand
# below the derived ones if pyvi lacks it.
"""


def main() -> None:
    spelt = {canonical_tones(w).lower() for w in load_lexicon().topic("function_words")}
    folded = {fold(w) for w in spelt}
    source = Path(pyvi.__file__).resolve().parent / "models" / "words.txt"
    out: dict[str, None] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        word = canonical_tones(line.strip()).lower()
        if _WORD.fullmatch(word) and any(fold(s) in folded and s not in spelt for s in word.split()):
            out[word] = None
    target = LEXICON_DIR / "function_word_compounds.txt"
    target.write_text(_HEADER + "\n".join(sorted(out)) + "\n", encoding="utf-8")
    print(f"{len(out)} words -> {target}")


if __name__ == "__main__":
    main()
