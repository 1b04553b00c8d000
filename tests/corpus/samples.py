"""Unseen documents of the same family as the seeds, written for the tests (not from the corpus)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from bot.settings import bundled_corpus_dir

SEEDS = bundled_corpus_dir()

DIEN_BIEN = """ỦY BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 05/CT-UBND
Điện Biên, ngày 15 tháng 02 năm 2025

CHỈ THỊ
Về việc phát động phong trào thi đua thực hiện thắng lợi
nhiệm vụ phát triển kinh tế - xã hội năm 2025

Năm 2025 là năm cuối thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV, có ý nghĩa đặc biệt quan trọng. Tiếp tục thực hiện Chỉ thị số 11/CT-UBND ngày 13/10/2020 của Chủ tịch Ủy ban nhân dân tỉnh và Nghị quyết số 142/NQ-HĐND ngày 08/12/2024 của HĐND tỉnh, Chủ tịch Ủy ban nhân dân tỉnh Điện Biên yêu cầu các cơ quan, đơn vị tập trung thực hiện các nội dung sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Phát huy tinh thần yêu nước, ý chí tự lực, tự cường của cán bộ, công chức, viên chức và Nhân dân các dân tộc tỉnh Điện Biên, thi đua hoàn thành thắng lợi các chỉ tiêu năm 2025.
2. Phong trào thi đua phải thiết thực, hiệu quả, tránh hình thức; gắn với công tác khen thưởng kịp thời, chính xác.
II. NỘI DUNG THI ĐUA
1. Thi đua phát triển kinh tế nhanh và bền vững:
a) Phấn đấu tốc độ tăng trưởng kinh tế (GRDP) đạt 8,5%; thu ngân sách trên địa bàn đạt 1.750 tỷ đồng;
b) Tỷ lệ hộ nghèo giảm 4,5% so với năm 2024; giải quyết việc làm mới cho 9.000 lao động.
2. Thi đua đẩy mạnh cải cách hành chính, chuyển đổi số:
- Nâng cao chỉ số cải cách hành chính (PAR INDEX) và chỉ số năng lực cạnh tranh cấp tỉnh (PCI);
- Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt trên 60%.
3. Thi đua bảo đảm quốc phòng, an ninh, giữ vững chủ quyền biên giới quốc gia.
III. TỔ CHỨC THỰC HIỆN
1. Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh; Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố xây dựng kế hoạch phát động thi đua ngay từ đầu năm.
2. Giao Sở Nội vụ (Ban Thi đua - Khen thưởng) hướng dẫn, theo dõi, tổng hợp kết quả thực hiện Chỉ thị này, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/11/2025.
Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện Chỉ thị này./.
Nơi nhận:
- Ban Thi đua - Khen thưởng Trung ương;
- Thường trực Tỉnh ủy;
- Lưu: VT, NC.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Lò Văn Tiến
"""

CIRCULAR = """BỘ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 01/2024/TT-BNV
Hà Nội, ngày 10 tháng 01 năm 2024
THÔNG TƯ
Quy định chi tiết một số điều của Luật Thi đua, khen thưởng
Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;
Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;
Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định chi tiết một số điều của Luật Thi đua, khen thưởng.
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định chi tiết về tổ chức phong trào thi đua, tiêu chuẩn danh hiệu thi đua và hình thức khen thưởng
CÔNG BÁO/Số 431 + 432/Ngày 25-3-2024
17
theo quy định của Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn thi hành có liên quan.
Điều 2. Đối tượng áp dụng
1. Cơ quan nhà nước, tổ chức chính trị, tổ chức chính trị - xã hội, đơn vị sự nghiệp công lập và doanh nghiệp nhà nước.
2. Cá nhân, tập thể tham gia phong trào thi đua và được xét khen thưởng theo quy định của pháp luật.
Chương II
DANH HIỆU THI ĐUA
Mục 1
DANH HIỆU CHO CÁ NHÂN
Điều 3. Danh hiệu Chiến sĩ thi đua cơ sở
1. Danh hiệu Chiến sĩ thi đua cơ sở được xét tặng hằng năm cho cá nhân đạt các tiêu chuẩn sau:
a) Đạt danh hiệu Lao động tiên tiến hoặc Chiến sĩ tiên tiến trong năm xét tặng;
b) Có sáng kiến được cơ quan, tổ chức, đơn vị công nhận và áp dụng hiệu quả.
2. Tỷ lệ cá nhân được công nhận danh hiệu Chiến sĩ thi đua cơ sở không quá 15% tổng số cá nhân đạt danh hiệu Lao động tiên tiến.
Người ký: Cổng Thông tin điện tử Chính phủ
Email: thongtinchinhphu@chinhphu.vn
Cơ quan: Văn phòng Chính phủ
Thời gian ký: 25.03.2024 08:47:13 +07:00
Chương III
ĐIỀU KHOẢN THI HÀNH
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 3 năm 2024 và thay thế các quy định trước đây trái với Thông tư này.
Nơi nhận:
- Văn phòng Chính phủ;
- Lưu: VT, Vụ TĐKT.
BỘ TRƯỞNG
Phạm Thị Thanh Trà
"""


def seed_text(doc_id: str) -> str:
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")


def pdf_style(text: str, width: int = 80) -> str:
    """Re-wrap every body paragraph like a PDF extraction: hard line breaks and a blank line after each."""
    out = []
    for para in text.split("\n"):
        lines = textwrap.wrap(para, width) or [""]
        out.extend(line for wrapped in lines for line in (wrapped + " ", ""))
    return "\n".join(out)


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
