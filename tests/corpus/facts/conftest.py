"""Fixtures: the five bundled seeds, and an unseen directive of the same family written for these tests."""

from __future__ import annotations

import pytest

from bot.settings import bundled_corpus_dir
from corpus import Directive, load_corpus, parse_directive

# A directive no rule was written against: another province, other agencies, other indicators.
UNSEEN_TEXT = """ỦY BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 05/CT-UBND
Điện Biên, ngày 15 tháng 02 năm 2025

CHỈ THỊ
Về việc phát động phong trào thi đua năm 2025

Năm 2025 là năm cuối thực hiện Kế hoạch phát triển kinh tế - xã hội 05 năm 2021 - 2025, kỷ niệm 71 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2025). Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị thực hiện tốt các nội dung sau:

I. Nhiệm vụ trọng tâm
1. Phấn đấu tốc độ tăng trưởng kinh tế đạt trên 8,5%; thu ngân sách trên địa bàn đạt 1.950 tỷ đồng; tỉ lệ hộ nghèo giảm còn 18,2% (giảm 3,5% so với năm 2024); số xã đạt chuẩn nông thôn mới là 45 xã.
2. Thực hiện Nghị quyết số 12/NQ-HĐND ngày 10/12/2024 của HĐND tỉnh; tổ chức Hội nghị lần thứ 20 và kỷ niệm 115 năm thành lập tỉnh.
II. Tổ chức thực hiện
1. Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với Cục Thống kê tỉnh và Sở Kế hoạch và Đầu tư theo dõi, tổng hợp số liệu về đất đai, môi trường.
2. Đề nghị Uỷ ban MTTQ Việt Nam tỉnh phối hợp tuyên truyền, vận động Nhân dân tham gia phong trào thi đua.
3. Giao Sở Nội vụ tỉnh Điện Biên theo dõi, đôn đốc, tổng hợp báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện Chỉ thị này./.

Nơi nhận:
- Sở Tài chính;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lò Văn Tiến
"""


@pytest.fixture(scope="session")
def seeds() -> dict[str, Directive]:
    corpus = load_corpus(bundled_corpus_dir())
    return {d.doc_id: d for d in corpus}


@pytest.fixture(scope="session")
def unseen() -> Directive:
    return parse_directive(UNSEEN_TEXT, doc_id="dien-bien-2025", source="dien-bien-2025.txt")
