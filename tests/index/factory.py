"""Hand-made directives for index tests: a few Vietnamese clauses with exact spans.

Kept independent of the corpus reader so retrieval tests pin retrieval behaviour only.
"""

from __future__ import annotations

import hashlib

from corpus.models import Clause, Corpus, Directive
from corpus.text import nfc

__all__ = ["SAMPLE_ITEMS", "make_corpus", "make_directive"]

# (path, label, own text) in document order; a clause's parent is its path minus the last part.
SAMPLE_ITEMS: list[tuple[tuple[str, ...], str, str]] = [
    (("MD",), "phần mở đầu", "Năm 2024 là năm có ý nghĩa quan trọng trong việc thực hiện Kế hoạch phát triển kinh tế - xã hội."),
    (("1",), "mục 1", "1. Tiếp tục tuyên truyền, quán triệt tư tưởng Thi đua ái quốc của Chủ tịch Hồ Chí Minh."),
    (("2",), "mục 2", "2. Uỷ ban Mặt trận Tổ quốc tỉnh và các đoàn thể phối hợp tổ chức các phong trào thi đua yêu nước, bảo đảm hoà bình và ổn định."),
    (("3",), "mục 3", "3. Phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội chủ yếu năm 2024 như sau:"),
    (("3", "a"), "mục 3, điểm a", "a) Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 11,41%."),
    (("3", "b"), "mục 3, điểm b", "b) Tốc độ tăng trưởng kinh tế (GRDP) đạt 7,5%."),
    (("4",), "mục 4", "4. Hội đồng TĐKT tỉnh hướng dẫn, kiểm tra việc tổ chức phong trào thi đua; UBND các huyện, thành phố báo cáo kết quả."),
    (("5",), "mục 5", "5. Giao Sở Nội vụ theo dõi việc thực hiện Chỉ thị này, tổng hợp báo cáo Chủ tịch UBND tỉnh."),
]


def make_directive(
    doc_id: str,
    *,
    items: list[tuple[tuple[str, ...], str, str]] | None = None,
    province: str | None = "Sơn La",
    year: int | None = 2024,
    number: str | None = "01/CT-UBND",
    doc_type: str | None = "Chỉ thị",
    title: str = "Phát động phong trào thi đua",
) -> Directive:
    """A directive whose text is the title then each item on its own line; clause spans are exact."""
    items = [(p, label, nfc(t)) for p, label, t in (items if items is not None else SAMPLE_ITEMS)]
    text = f"CHỈ THỊ\n{title}\n"
    own: dict[tuple[str, ...], tuple[int, int]] = {}
    for path, _, body in items:
        own[path] = (len(text), len(text) + len(body))
        text += body + "\n"
    clauses = []
    for path, label, _ in items:
        start = own[path][0]
        end = max(e for p, (_, e) in own.items() if p[: len(path)] == path)
        parent = ".".join(path[:-1]) if len(path) > 1 else None
        heading = tuple(next(b for p, _, b in items if p == path[:i]) for i in range(1, len(path)))
        clauses.append(
            Clause(
                id=f"{doc_id}:{'.'.join(path)}",
                doc_id=doc_id,
                label=label,
                kind="item" if len(path) == 1 else "point",
                path=path,
                heading=heading,
                text=text[start:end],
                start=start,
                end=end,
                parent=f"{doc_id}:{parent}" if parent else None,
            )
        )
    return Directive(
        doc_id=doc_id,
        source=f"{doc_id}.txt",
        doc_type=doc_type,
        number=number,
        date=None,
        issuer=f"Chủ tịch UBND tỉnh {province}" if province else None,
        province=province,
        year=year,
        title=title,
        signer=None,
        text=text,
        clauses=tuple(clauses),
        fingerprint=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def make_corpus(*directives: Directive) -> Corpus:
    return Corpus(directives=tuple(directives))
