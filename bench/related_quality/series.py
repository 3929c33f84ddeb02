"""Story series with a known answer, for the "Chuyên mục khác" quality benchmark.

Each `Series` is one event or project followed by a provincial paper over several months: its key
entities (name in a full and several short forms, district, commune, a person), its story stages
(title + sapo, in chronological order) and a few facts that reporters repeat from article to article.
`build_corpus()` draws 5-9 articles per series, mixes them with gen_corpus's unrelated news and with
"decoys" (other events that share a generic word of a series title: another festival, another
congress...), and returns every article as a gen_corpus article dict plus the ground truth.

Realism rules (see run.py's docstring): dates spread over 1-18 months, ~30% of a series in another
category, tags as inconsistent as real editors make them (~40% the series tag, ~20% a spelling
variant of it, ~40% only generic tags), places shared with unrelated news.

Placeholders in texts: {N} a random name form, {NF} the full name, {H} the district, {X} the commune,
{P} the person with their position ("ông X, Chủ tịch ..."), {Pn} the person alone, {Y} the year.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Series:
    key: str
    kind: str
    """What kind of story it is, in English, for the report."""
    district: str
    commune: str
    cat: str
    """Main category slug (about 70% of the articles)."""
    alt: tuple[str, ...]
    """Other categories the desk files some articles under."""
    tag: str
    variants: tuple[str, ...]
    """Spellings of `tag` that differ by case or tone-mark placement only."""
    generic: tuple[str, ...]
    """Generic tags editors use instead of (or beside) the series tag."""
    names: tuple[str, ...]
    """Full name first, then shorter forms."""
    person: tuple[str, str]
    """(name with honorific, position)."""
    stages: tuple[tuple[str, str], ...]
    """(title, sapo) in story order: announcement, start, progress, problem, inspection, completion, aftermath."""
    facts: tuple[str, ...]
    decoys: tuple[tuple[str, str, str], ...] = ()
    """Other events sharing a generic word of the series' titles: (title, sapo, one body sentence)."""
    decoy_tags: tuple[str, ...] = ()


SERIES: tuple[Series, ...] = (
    Series(
        key="lu-quet-muong-loc", kind="flash flood in a commune",
        district="Bắc Khương", commune="Mường Lộc", cat="thoi-su", alt=("xa-hoi", "giao-duc", "kinh-te"),
        tag="Lũ quét Mường Lộc", variants=("lũ quét Mường Lộc",),
        generic=("Mưa lũ", "Thiên tai", "Huyện Bắc Khương", "Sạt lở đất"),
        names=("trận lũ quét ở xã Mường Lộc", "lũ quét Mường Lộc", "trận lũ quét", "đợt lũ quét tại Mường Lộc"),
        person=("ông Lò Văn Thành", "Chủ tịch UBND xã Mường Lộc"),
        stages=(
            ("Lũ quét bất ngờ tràn qua xã Mường Lộc trong đêm",
             "Mưa lớn kéo dài suốt đêm khiến lũ quét đổ về các bản của xã Mường Lộc, huyện Bắc Khương, cuốn trôi nhiều nhà cửa và tài sản của người dân."),
            ("Bắc Khương: Khẩn trương tìm kiếm người mất tích sau lũ quét",
             "Hàng trăm cán bộ, chiến sĩ và người dân đang tìm kiếm 3 người còn mất tích sau trận lũ quét ở xã Mường Lộc."),
            ("Lãnh đạo tỉnh thăm hỏi, động viên người dân vùng lũ Mường Lộc",
             "Đoàn công tác của tỉnh đã đến thăm hỏi, trao quà hỗ trợ các hộ gia đình bị thiệt hại nặng do lũ quét tại xã Mường Lộc."),
            ("Thông tuyến đường vào trung tâm xã bị chia cắt sau lũ",
             "Lực lượng chức năng huyện Bắc Khương đã thông xe tuyến đường độc đạo vào xã Mường Lộc bị sạt lở, chia cắt sau lũ quét."),
            ("Học sinh Mường Lộc trở lại trường sau lũ",
             "Sau gần hai tuần khắc phục hậu quả lũ quét, các điểm trường ở xã Mường Lộc đã đón học sinh trở lại lớp."),
            ("Di dời khẩn cấp 47 hộ dân khỏi vùng nguy cơ lũ quét",
             "Huyện Bắc Khương quyết định di dời khẩn cấp 47 hộ dân ở các bản ven suối Nậm Lộc đến nơi an toàn."),
            ("Khởi công khu tái định cư cho người dân vùng lũ",
             "Khu tái định cư bản Huổi Lóng có diện tích 5,2 ha, bố trí chỗ ở cho các hộ dân xã Mường Lộc bị mất nhà sau trận lũ quét."),
            ("Bàn giao nhà mới cho các hộ mất nhà do lũ quét ở Bắc Khương",
             "32 ngôi nhà mới tại khu tái định cư Huổi Lóng đã được bàn giao cho các hộ dân bị thiệt hại do lũ quét."),
            ("Mường Lộc sau trận lũ lịch sử",
             "Cuộc sống của người dân xã Mường Lộc dần ổn định sau trận lũ quét, nhưng nỗi lo thiên tai vẫn còn đó."),
        ),
        facts=(
            "{NF} đã làm 5 người chết, 3 người mất tích, cuốn trôi 21 ngôi nhà và làm hư hỏng hàng chục ha lúa, hoa màu.",
            "Theo {P}, nước suối Nậm Lộc dâng cao rất nhanh trong đêm, nhiều hộ dân không kịp di chuyển tài sản.",
            "Tổng thiệt hại do {N} gây ra ước tính khoảng 68 tỷ đồng.",
            "Bản Huổi Lóng và bản Nà Pục là hai bản bị thiệt hại nặng nề nhất sau {N}.",
            "“Chúng tôi sẽ không để người dân nào bị đói, bị rét sau {N}”, {P}, khẳng định.",
            "Ủy ban nhân dân tỉnh đã trích ngân sách dự phòng 15 tỷ đồng hỗ trợ huyện Bắc Khương khắc phục hậu quả lũ quét.",
            "Nhiều đoạn đường vào trung tâm xã Mường Lộc bị sạt lở, đất đá vùi lấp, giao thông bị chia cắt nhiều ngày.",
            "Các hộ có nhà bị cuốn trôi trong {N} được hỗ trợ 40 triệu đồng mỗi hộ để dựng lại nhà ở.",
            "Huyện Bắc Khương đã xác định 6 điểm có nguy cơ cao xảy ra lũ quét, sạt lở đất trên địa bàn xã Mường Lộc.",
            "Nhiều tổ chức, cá nhân trong và ngoài tỉnh đã gửi tiền, hàng hóa ủng hộ người dân vùng lũ Mường Lộc.",
        ),
        decoys=(
            ("Mưa lũ gây thiệt hại hơn 3 tỷ đồng tại huyện Kim Thành",
             "Mưa lớn kéo dài hai ngày qua đã làm ngập úng hàng chục ha lúa và hư hỏng nhiều tuyến đường ở huyện Kim Thành.",
             "Ban Chỉ huy phòng, chống thiên tai huyện Kim Thành đã huy động lực lượng giúp người dân di chuyển tài sản đến nơi an toàn."),
            ("Chủ động phương án ứng phó lũ quét, sạt lở đất trong mùa mưa",
             "Tỉnh đã rà soát, xác định hơn 300 điểm có nguy cơ cao xảy ra lũ quét, sạt lở đất để có phương án di dời người dân.",
             "Các địa phương được yêu cầu thực hiện nghiêm phương châm “bốn tại chỗ” trong phòng, chống thiên tai."),
            ("Lũ cuốn trôi cầu tạm, hàng trăm hộ dân ở An Hà bị cô lập",
             "Cây cầu tạm bắc qua suối Nậm Hin ở xã An Khương, huyện An Hà bị nước lũ cuốn trôi trong đêm.",
             "Chính quyền xã An Khương đã bố trí lực lượng trực tại hai đầu suối, không cho người dân lội qua khi nước lớn."),
        ),
        decoy_tags=("Mưa lũ", "Thiên tai", "Phòng chống thiên tai"),
    ),
    Series(
        key="ho-chua-nam-pan", kind="reservoir (dam) project",
        district="Yên Thắng", commune="Bảo Phong", cat="kinh-te", alt=("thoi-su", "dan-toc-mien-nui", "xa-hoi"),
        tag="Thủy lợi Nậm Pàn", variants=("Thuỷ lợi Nậm Pàn",),
        generic=("Thủy lợi", "Nông nghiệp", "Đầu tư công", "Huyện Yên Thắng"),
        names=("dự án hồ chứa nước Nậm Pàn", "hồ chứa nước Nậm Pàn", "hồ Nậm Pàn", "công trình thủy lợi Nậm Pàn", "dự án hồ chứa"),
        person=("ông Vàng A Dính", "Giám đốc Ban Quản lý dự án đầu tư xây dựng các công trình nông nghiệp tỉnh"),
        stages=(
            ("Thông qua chủ trương đầu tư hồ chứa nước Nậm Pàn",
             "Hội đồng nhân dân tỉnh đã thông qua chủ trương đầu tư dự án hồ chứa nước Nậm Pàn tại huyện Yên Thắng với tổng mức đầu tư hơn 1.200 tỷ đồng."),
            ("Yên Thắng: Đối thoại với người dân về phương án bồi thường dự án hồ Nậm Pàn",
             "Chính quyền xã Bảo Phong tổ chức đối thoại với các hộ dân có đất bị thu hồi để xây dựng hồ chứa nước Nậm Pàn."),
            ("Khởi công dự án hồ chứa nước lớn nhất tỉnh",
             "Sáng nay, tại xã Bảo Phong, huyện Yên Thắng, Ủy ban nhân dân tỉnh tổ chức lễ khởi công dự án hồ chứa nước Nậm Pàn."),
            ("Gỡ vướng giải phóng mặt bằng công trình thủy lợi Nậm Pàn",
             "Còn 27 hộ dân chưa nhận tiền bồi thường khiến tiến độ thi công hồ Nậm Pàn bị chậm so với kế hoạch."),
            ("Tăng ca, đẩy nhanh tiến độ đắp đập trong mùa khô",
             "Tranh thủ mùa khô, các nhà thầu thi công hồ chứa nước Nậm Pàn huy động hàng trăm công nhân, máy móc làm việc xuyên ngày đêm."),
            ("Đoàn giám sát HĐND tỉnh kiểm tra tiến độ dự án hồ chứa Nậm Pàn",
             "Đoàn giám sát yêu cầu chủ đầu tư bảo đảm chất lượng công trình, hoàn thành phần đập chính trước mùa mưa."),
            ("Phát hiện vết nứt ở thân đập phụ, tạm dừng thi công",
             "Ban Quản lý dự án đã tạm dừng thi công đoạn đập phụ số 2 của hồ chứa nước Nậm Pàn để đánh giá nguyên nhân vết nứt."),
            ("Hồ chứa nước Nậm Pàn tích nước lần đầu",
             "Sau hơn một năm thi công, hồ chứa nước Nậm Pàn bắt đầu tích nước, sẵn sàng cấp nước cho vụ đông xuân."),
            ("Nước hồ về, nông dân Yên Thắng phấn khởi xuống giống",
             "Hơn 2.100 ha lúa và hoa màu của huyện Yên Thắng đã chủ động được nước tưới nhờ công trình thủy lợi Nậm Pàn."),
        ),
        facts=(
            "Hồ chứa nước Nậm Pàn có dung tích hơn 18 triệu m3, đập chính dài 420 m, cao 36 m.",
            "Khi hoàn thành, {N} sẽ cấp nước tưới cho hơn 2.100 ha đất canh tác và nước sinh hoạt cho khoảng 30.000 người dân.",
            "{NF} có tổng mức đầu tư hơn 1.200 tỷ đồng từ nguồn vốn ngân sách Trung ương và vốn vay ODA.",
            "Để xây dựng {N}, huyện Yên Thắng phải thu hồi gần 180 ha đất của 312 hộ dân ở xã Bảo Phong và xã Mường Châu.",
            "Theo {P}, khối lượng đất đắp đập chính đã đạt khoảng 65% thiết kế.",
            "{P}, cho biết đơn vị thi công đã huy động hơn 40 máy đào, máy ủi và 200 công nhân trên công trường.",
            "Nhiều hộ dân ở bản Nà Tấu mong muốn sớm được bố trí đất tái định cư để ổn định cuộc sống.",
            "Suối Nậm Pàn là nguồn cấp nước chính cho {N}, lưu lượng mùa khô giảm mạnh trong những năm gần đây.",
            "Ủy ban nhân dân tỉnh yêu cầu các nhà thầu không chạy theo tiến độ mà bỏ qua chất lượng {N}.",
        ),
        decoys=(
            ("Hồ chứa nước Khuổi Vài xuống cấp, tiềm ẩn nguy cơ mất an toàn",
             "Thân đập hồ chứa nước Khuổi Vài ở huyện Bắc Lạc bị thấm, nhiều đoạn mái đập sạt trượt.",
             "Hồ chứa nước Khuổi Vài được xây dựng từ năm 1985, cung cấp nước tưới cho khoảng 150 ha lúa."),
            ("Nạo vét lòng hồ chứa nước Bản Chang trước mùa khô",
             "Huyện Vĩnh Hải đầu tư gần 2 tỷ đồng nạo vét lòng hồ chứa nước Bản Chang để tăng dung tích trữ nước.",
             "Sau nhiều năm sử dụng, lòng hồ Bản Chang bị bồi lắng nặng, dung tích chỉ còn khoảng 60% so với thiết kế."),
            ("Kiểm tra an toàn các hồ chứa thủy lợi trước mùa mưa bão",
             "Đoàn kiểm tra của Sở Nông nghiệp và Phát triển nông thôn đã kiểm tra 26 hồ chứa thủy lợi trên địa bàn tỉnh.",
             "Nhiều hồ chứa nhỏ chưa có quy trình vận hành, thiếu thiết bị quan trắc mực nước."),
        ),
        decoy_tags=("Thủy lợi", "Nông nghiệp", "Phòng chống thiên tai"),
    ),
    Series(
        key="le-hoi-hoa-ban-muong-hoa", kind="festival",
        district="Xuân Sơn", commune="Mường Hòa", cat="van-hoa-du-lich", alt=("thoi-su", "dan-toc-mien-nui", "kinh-te"),
        tag="Lễ hội Hoa Ban Mường Hòa", variants=("Lễ hội Hoa Ban Mường Hoà", "Lễ hội hoa ban Mường Hòa"),
        generic=("Lễ hội", "Du lịch", "Văn hóa dân tộc", "Huyện Xuân Sơn"),
        names=("Lễ hội Hoa Ban Mường Hòa", "Lễ hội Hoa Ban", "lễ hội", "Lễ hội Hoa Ban năm nay"),
        person=("bà Lò Thị Xuân", "Phó Chủ tịch UBND huyện Xuân Sơn, Trưởng ban Tổ chức lễ hội"),
        stages=(
            ("Xuân Sơn lần đầu tổ chức lễ hội hoa ban cấp huyện",
             "Ủy ban nhân dân huyện Xuân Sơn vừa ban hành kế hoạch tổ chức Lễ hội Hoa Ban Mường Hòa với nhiều hoạt động văn hóa, thể thao và du lịch."),
            ("Sôi nổi chuẩn bị Lễ hội Hoa Ban Mường Hòa",
             "Những ngày này, các đội văn nghệ ở xã Mường Hòa tích cực tập luyện các tiết mục xòe, múa sạp để chuẩn bị cho lễ hội."),
            ("Khai mạc Lễ hội Hoa Ban năm {Y}",
             "Tối qua, tại sân vận động trung tâm xã Mường Hòa, huyện Xuân Sơn đã khai mạc Lễ hội Hoa Ban với chủ đề “Sắc trắng Mường Hòa”."),
            ("Rực rỡ sắc màu trình diễn trang phục dân tộc",
             "Hơn 200 diễn viên quần chúng đã tham gia màn trình diễn trang phục truyền thống của các dân tộc Thái, Mông, Dao tại Lễ hội Hoa Ban."),
            ("Gần 15.000 lượt khách đến Mường Hòa dịp lễ hội",
             "Các homestay ở xã Mường Hòa kín phòng trong những ngày diễn ra Lễ hội Hoa Ban, doanh thu du lịch tăng mạnh."),
            ("Bế mạc Lễ hội Hoa Ban Mường Hòa",
             "Sau ba ngày diễn ra sôi nổi, Lễ hội Hoa Ban Mường Hòa đã bế mạc, để lại nhiều ấn tượng với du khách."),
            ("Rút kinh nghiệm công tác tổ chức lễ hội",
             "Huyện Xuân Sơn tổ chức hội nghị đánh giá những mặt được và chưa được trong công tác tổ chức Lễ hội Hoa Ban vừa qua."),
            ("Đưa Lễ hội Hoa Ban thành sản phẩm du lịch đặc trưng của tỉnh",
             "Sở Văn hóa, Thể thao và Du lịch đề xuất đưa Lễ hội Hoa Ban Mường Hòa vào danh mục sự kiện du lịch thường niên của tỉnh."),
        ),
        facts=(
            "{NF} được tổ chức vào dịp hoa ban nở trắng núi rừng, thu hút đông đảo du khách trong và ngoài tỉnh.",
            "Theo {P}, lễ hội là dịp để quảng bá hình ảnh, con người và bản sắc văn hóa của đồng bào các dân tộc huyện Xuân Sơn.",
            "Trong khuôn khổ {N} còn có thi ẩm thực, thi người đẹp hoa ban, thi đấu các môn thể thao dân tộc như ném còn, kéo co, đẩy gậy.",
            "Nhiều bản ở xã Mường Hòa đã chỉnh trang đường làng, nhà văn hóa để đón khách về dự lễ hội.",
            "Tổng kinh phí tổ chức {N} khoảng 2,5 tỷ đồng, chủ yếu từ nguồn xã hội hóa.",
            "Du khách đến Mường Hòa mùa này có thể tham quan rừng ban cổ thụ ở bản Pá Khoang và thưởng thức các món ăn truyền thống của người Thái.",
            "“Năm nào chúng tôi cũng mong đến mùa hoa ban để được giao lưu, gặp gỡ bà con các bản”, một nghệ nhân ở bản Pá Khoang chia sẻ.",
            "Ban Tổ chức {N} đã bố trí lực lượng bảo đảm an ninh trật tự, an toàn giao thông và vệ sinh an toàn thực phẩm.",
        ),
        decoys=(
            ("Lễ hội Lồng tồng xã Tân Hà thu hút đông đảo người dân",
             "Lễ hội xuống đồng Lồng tồng của đồng bào Tày xã Tân Hà được tổ chức vào ngày mùng 8 tháng Giêng.",
             "Nghi lễ cúng thần nông, cầu mưa thuận gió hòa được các thầy cúng thực hiện trang trọng tại lễ hội Lồng tồng."),
            ("Lễ hội đền Kim Bàn được công nhận là di sản văn hóa phi vật thể quốc gia",
             "Bộ Văn hóa, Thể thao và Du lịch đã đưa Lễ hội đền Kim Bàn vào Danh mục di sản văn hóa phi vật thể quốc gia.",
             "Lễ hội đền Kim Bàn gắn với tín ngưỡng thờ Mẫu, có lịch sử hàng trăm năm."),
            ("Lễ hội Gầu Tào của người Mông ở huyện An Hà",
             "Lễ hội Gầu Tào được đồng bào Mông huyện An Hà tổ chức vào dịp đầu xuân để cầu phúc, cầu may.",
             "Nhiều trò chơi dân gian như đánh quay, ném pao, bắn nỏ thu hút đông đảo thanh niên tham gia lễ hội Gầu Tào."),
            ("Lễ hội cầu mùa bản Nà Hin bảo tồn nét văn hóa truyền thống",
             "Lễ hội cầu mùa của đồng bào Thái bản Nà Hin, xã Bình Sơn được phục dựng sau nhiều năm bị mai một.",
             "Các nghệ nhân cao tuổi trong bản đã truyền dạy lại các bài khấn, điệu xòe cổ cho thế hệ trẻ."),
        ),
        decoy_tags=("Lễ hội", "Văn hóa dân tộc", "Du lịch", "Di tích"),
    ),
    Series(
        key="dai-hoi-dang-bo-tinh-xviii", kind="provincial party congress",
        district="", commune="", cat="chinh-tri", alt=("thoi-su", "xa-hoi"),
        tag="Đại hội Đảng bộ tỉnh lần thứ XVIII", variants=("Đại hội đảng bộ tỉnh lần thứ XVIII",),
        generic=("Đại hội Đảng", "Tỉnh ủy", "Xây dựng Đảng", "Công tác cán bộ"),
        names=("Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII", "Đại hội Đảng bộ tỉnh lần thứ XVIII", "Đại hội XVIII", "Đại hội"),
        person=("đồng chí Hoàng Minh Tuệ", "Bí thư Tỉnh ủy"),
        stages=(
            ("Ban Thường vụ Tỉnh ủy ban hành kế hoạch tổ chức đại hội nhiệm kỳ mới",
             "Kế hoạch xác định rõ nội dung, tiến độ chuẩn bị văn kiện, nhân sự và công tác tổ chức Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII."),
            ("Lấy ý kiến nhân dân góp ý dự thảo văn kiện Đại hội XVIII",
             "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tổ chức hội nghị lấy ý kiến các tầng lớp nhân dân vào dự thảo Báo cáo chính trị trình Đại hội Đảng bộ tỉnh lần thứ XVIII."),
            ("Hoàn thành đại hội cấp cơ sở, chuẩn bị Đại hội Đảng bộ tỉnh",
             "Các tổ chức cơ sở đảng trực thuộc đã hoàn thành đại hội theo đúng kế hoạch, tạo tiền đề cho Đại hội Đảng bộ tỉnh lần thứ XVIII."),
            ("Tổng duyệt Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII",
             "Các tiểu ban phục vụ đã sẵn sàng cho Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII, diễn ra trong ba ngày tại Trung tâm Hội nghị tỉnh."),
            ("Khai mạc trọng thể Đại hội đại biểu Đảng bộ tỉnh lần thứ XVIII",
             "350 đại biểu đại diện cho hơn 52.000 đảng viên trong toàn Đảng bộ tỉnh đã về dự Đại hội."),
            ("Đồng chí Hoàng Minh Tuệ tái đắc cử Bí thư Tỉnh ủy",
             "Tại phiên họp thứ nhất, Ban Chấp hành Đảng bộ tỉnh khóa XVIII đã bầu Ban Thường vụ và bầu đồng chí Hoàng Minh Tuệ giữ chức Bí thư Tỉnh ủy."),
            ("Bế mạc Đại hội Đảng bộ tỉnh lần thứ XVIII",
             "Đại hội đã thông qua Nghị quyết với 18 chỉ tiêu chủ yếu và 3 khâu đột phá cho nhiệm kỳ mới."),
            ("Học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh",
             "Hơn 1.200 cán bộ chủ chốt đã tham dự hội nghị trực tuyến học tập, quán triệt Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII."),
            ("Đưa Nghị quyết Đại hội XVIII vào cuộc sống",
             "Sau một năm triển khai, nhiều chỉ tiêu của Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XVIII đạt và vượt kế hoạch."),
        ),
        facts=(
            "{NF} có nhiệm vụ đánh giá kết quả thực hiện Nghị quyết nhiệm kỳ trước, xác định phương hướng, mục tiêu cho nhiệm kỳ mới.",
            "Chủ đề của {N} là “Đoàn kết - Dân chủ - Kỷ cương - Đổi mới - Phát triển”.",
            "Theo {P}, công tác nhân sự Ban Chấp hành Đảng bộ tỉnh khóa XVIII được chuẩn bị chặt chẽ, đúng quy trình.",
            "Dự thảo Báo cáo chính trị trình {N} xác định ba khâu đột phá: hạ tầng giao thông, cải cách hành chính và phát triển nguồn nhân lực.",
            "Ban Chấp hành Đảng bộ tỉnh khóa XVIII gồm 53 đồng chí, trong đó có 9 đồng chí nữ.",
            "Mục tiêu đến cuối nhiệm kỳ, tốc độ tăng trưởng kinh tế bình quân của tỉnh đạt 8 - 8,5%/năm.",
            "Trung tâm Hội nghị tỉnh được trang hoàng cờ hoa rực rỡ chào mừng {N}.",
            "{P}, nhấn mạnh thành công của {N} là niềm tin, động lực để toàn Đảng bộ, chính quyền và nhân dân các dân tộc trong tỉnh thi đua phát triển.",
        ),
        decoys=(
            ("Đại hội Đảng bộ huyện Kim Giang lần thứ XXI thành công tốt đẹp",
             "Đại hội đã bầu Ban Chấp hành Đảng bộ huyện Kim Giang khóa XXI gồm 35 đồng chí.",
             "Đại hội Đảng bộ huyện Kim Giang đề ra mục tiêu đến cuối nhiệm kỳ có 80% số xã đạt chuẩn nông thôn mới."),
            ("Đại hội đại biểu Hội Nông dân tỉnh lần thứ X",
             "150 đại biểu đại diện cho hơn 90.000 hội viên nông dân trong tỉnh về dự Đại hội.",
             "Đại hội Hội Nông dân tỉnh đã hiệp thương bầu Ban Chấp hành khóa X gồm 31 đồng chí."),
            ("Đại hội Thể dục thể thao huyện Phú Mỹ lần thứ VII",
             "Hơn 800 vận động viên tranh tài ở 9 môn thi đấu tại Đại hội Thể dục thể thao huyện Phú Mỹ.",
             "Đại hội Thể dục thể thao huyện Phú Mỹ được tổ chức 4 năm một lần, nhằm đẩy mạnh phong trào rèn luyện thân thể."),
            ("Đại hội đại biểu các dân tộc thiểu số huyện Bình Tiến lần thứ IV",
             "Đại hội biểu dương 60 tập thể, cá nhân tiêu biểu trong phong trào thi đua yêu nước của đồng bào các dân tộc.",
             "Đại hội đại biểu các dân tộc thiểu số huyện Bình Tiến được tổ chức 5 năm một lần."),
        ),
        decoy_tags=("Đại hội Đảng", "Xây dựng Đảng", "Dân tộc thiểu số", "Nông dân"),
    ),
    Series(
        key="cau-ben-may", kind="bridge project",
        district="Kim Hải", commune="Quảng Mỹ", cat="kinh-te", alt=("thoi-su", "xa-hoi"),
        tag="Cầu Bến Mây", variants=("cầu Bến Mây",),
        generic=("Giao thông", "Xây dựng", "Đầu tư công", "Huyện Kim Hải"),
        names=("cầu Bến Mây bắc qua sông Lạng", "cầu Bến Mây", "cây cầu", "công trình cầu Bến Mây"),
        person=("ông Đinh Công Khải", "Giám đốc Sở Giao thông vận tải"),
        stages=(
            ("Người dân Quảng Mỹ mòn mỏi chờ cầu qua sông Lạng",
             "Hàng nghìn người dân xã Quảng Mỹ, huyện Kim Hải mỗi ngày vẫn phải đi đò ngang qua sông Lạng vì chưa có cầu."),
            ("Tỉnh phê duyệt dự án xây dựng cầu Bến Mây",
             "Ủy ban nhân dân tỉnh phê duyệt dự án cầu Bến Mây với tổng mức đầu tư 286 tỷ đồng, nối xã Quảng Mỹ với trung tâm huyện Kim Hải."),
            ("Khởi công cầu Bến Mây bắc qua sông Lạng",
             "Cây cầu dài 312 m, rộng 12 m là mong mỏi bao đời của người dân hai bờ sông Lạng."),
            ("Chậm tiến độ vì vướng mặt bằng, cầu nghìn người mong vẫn dang dở",
             "Sau 8 tháng thi công, công trình cầu Bến Mây mới đạt khoảng 30% khối lượng do còn vướng mặt bằng phía bờ Quảng Mỹ."),
            ("Hợp long cầu Bến Mây",
             "Sáng nay, đơn vị thi công đã hợp long nhịp chính cầu Bến Mây, sớm hơn kế hoạch gần một tháng."),
            ("Kiểm định tải trọng trước khi thông xe cầu qua sông Lạng",
             "Đơn vị tư vấn đã cho 12 xe tải chở đầy cát lên mặt cầu Bến Mây để thử tải trọng trước khi đưa công trình vào sử dụng."),
            ("Khánh thành cầu Bến Mây, nối đôi bờ sông Lạng",
             "Cầu Bến Mây chính thức thông xe, chấm dứt cảnh đi đò ngang đầy nguy hiểm của người dân xã Quảng Mỹ."),
            ("Sau khi có cầu, Quảng Mỹ đổi thay từng ngày",
             "Từ ngày cầu Bến Mây thông xe, nông sản của xã Quảng Mỹ được thương lái vào tận vườn thu mua, giá cao hơn trước."),
        ),
        facts=(
            "{NF} có tổng chiều dài 312 m, gồm 7 nhịp, được thiết kế theo tiêu chuẩn tải trọng HL93.",
            "Dự án {N} có tổng mức đầu tư 286 tỷ đồng từ ngân sách Trung ương và ngân sách tỉnh.",
            "Trước đây, người dân xã Quảng Mỹ phải đi đò qua sông Lạng, mùa lũ nhiều ngày bị cô lập.",
            "Theo {P}, nhà thầu đã tập trung máy móc, nhân lực thi công các trụ cầu dưới lòng sông trước mùa mưa.",
            "Cùng với {N}, tuyến đường dẫn dài 1,8 km ở hai đầu cầu cũng được đầu tư đồng bộ.",
            "“Bà con ở đây chờ cây cầu này mấy chục năm rồi”, ông Lương Văn Kiên, Trưởng thôn Bến Mây chia sẻ.",
            "Ban Quản lý dự án giao thông tỉnh cho biết, {N} sẽ rút ngắn quãng đường từ xã Quảng Mỹ về trung tâm huyện Kim Hải hơn 20 km.",
            "Còn 9 hộ dân ở đầu cầu phía xã Quảng Mỹ chưa đồng ý với phương án bồi thường.",
        ),
        decoys=(
            ("Cầu treo dân sinh bản Khe Lụa xuống cấp, người dân lo lắng",
             "Mặt sàn cầu treo bản Khe Lụa, xã Bắc Thịnh nhiều chỗ mục nát, dây cáp han gỉ.",
             "Cầu treo bản Khe Lụa được xây dựng từ năm 2003, là lối đi duy nhất của hơn 80 hộ dân qua suối."),
            ("Sửa chữa cầu Đồng Lạc trên tỉnh lộ 156",
             "Cầu Đồng Lạc bị hư hỏng mố cầu sau đợt mưa lũ, các phương tiện trên 10 tấn tạm thời không được lưu thông.",
             "Thời gian sửa chữa cầu Đồng Lạc dự kiến kéo dài khoảng 45 ngày."),
            ("Khánh thành cầu bê tông dân sinh ở xã Tây Mỹ",
             "Cây cầu dài 36 m được xây dựng từ nguồn vốn xã hội hóa và ngày công của người dân xã Tây Mỹ.",
             "Cầu dân sinh xã Tây Mỹ có tổng kinh phí 1,8 tỷ đồng, trong đó nhân dân đóng góp hơn 300 triệu đồng."),
        ),
        decoy_tags=("Giao thông", "Xây dựng", "Nông thôn mới"),
    ),
    Series(
        key="sot-xuat-huyet-dong-hoa", kind="dengue outbreak in a commune",
        district="Vĩnh Hòa", commune="Đông Hòa", cat="y-te", alt=("thoi-su", "giao-duc", "xa-hoi"),
        tag="Sốt xuất huyết Đông Hòa", variants=("Sốt xuất huyết Đông Hoà",),
        generic=("Y tế", "Dịch bệnh", "Sốt xuất huyết", "Huyện Vĩnh Hòa"),
        names=("ổ dịch sốt xuất huyết ở xã Đông Hòa", "ổ dịch Đông Hòa", "dịch sốt xuất huyết", "ổ dịch"),
        person=("bác sĩ Trần Văn Lục", "Giám đốc Trung tâm Y tế huyện Vĩnh Hòa"),
        stages=(
            ("Vĩnh Hòa ghi nhận ổ dịch sốt xuất huyết đầu tiên trong năm",
             "Trung tâm Y tế huyện Vĩnh Hòa vừa ghi nhận 7 ca mắc sốt xuất huyết tại thôn Bình Minh, xã Đông Hòa."),
            ("Phun hóa chất diệt muỗi khẩn cấp tại xã Đông Hòa",
             "Ngành y tế đã tổ chức phun hóa chất diệt muỗi trên diện rộng tại xã Đông Hòa để khoanh vùng ổ dịch sốt xuất huyết."),
            ("Số ca mắc tăng nhanh, 5 bệnh nhân phải chuyển tuyến",
             "Chỉ sau hai tuần, số ca mắc sốt xuất huyết tại xã Đông Hòa đã lên 46 ca, trong đó có 5 ca phải chuyển tuyến tỉnh điều trị."),
            ("Khoa Truyền nhiễm quá tải vì bệnh nhân sốt xuất huyết",
             "Khoa Truyền nhiễm Bệnh viện Đa khoa tỉnh đang điều trị cho hàng chục bệnh nhân sốt xuất huyết, phần lớn đến từ huyện Vĩnh Hòa."),
            ("Học sinh Đông Hòa ra quân diệt lăng quăng, bọ gậy",
             "Hàng trăm học sinh các trường trên địa bàn xã Đông Hòa đã tham gia chiến dịch vệ sinh môi trường, diệt lăng quăng, bọ gậy."),
            ("Sở Y tế kiểm tra công tác phòng, chống sốt xuất huyết tại Vĩnh Hòa",
             "Đoàn kiểm tra yêu cầu huyện Vĩnh Hòa không để dịch sốt xuất huyết từ xã Đông Hòa lây lan sang các xã lân cận."),
            ("Ổ dịch sốt xuất huyết ở Đông Hòa cơ bản được khống chế",
             "Sau hơn một tháng, không phát sinh ca mắc mới, ổ dịch sốt xuất huyết tại xã Đông Hòa cơ bản được khống chế."),
            ("Chủ động phòng sốt xuất huyết ngay từ đầu mùa mưa",
             "Rút kinh nghiệm từ ổ dịch ở xã Đông Hòa, ngành y tế huyện Vĩnh Hòa triển khai sớm các biện pháp phòng bệnh."),
        ),
        facts=(
            "Tính đến nay, {N} đã ghi nhận 61 ca mắc, không có trường hợp tử vong.",
            "Theo {P}, nguyên nhân chủ yếu là do nhiều hộ dân trữ nước sinh hoạt trong các dụng cụ không có nắp đậy, tạo điều kiện cho muỗi vằn sinh sản.",
            "Thôn Bình Minh và thôn Đồng Tâm là hai thôn có nhiều ca mắc nhất trong {N}.",
            "Trạm Y tế xã Đông Hòa đã thành lập các tổ giám sát, đến từng hộ gia đình hướng dẫn người dân loại bỏ dụng cụ chứa nước đọng.",
            "Ngành y tế khuyến cáo người dân khi có biểu hiện sốt cao liên tục cần đến ngay cơ sở y tế, không tự ý điều trị tại nhà.",
            "{P}, cho biết hơn 2.400 hộ gia đình tại xã Đông Hòa đã được phun hóa chất diệt muỗi.",
            "Kinh phí phòng, chống {N} được huyện Vĩnh Hòa hỗ trợ gần 800 triệu đồng.",
        ),
        decoys=(
            ("Ghi nhận ổ dịch tay chân miệng tại một trường mầm non ở Tân Hải",
             "Trung tâm Y tế huyện Tân Hải ghi nhận 9 trẻ mắc bệnh tay chân miệng tại Trường Mầm non Hoa Sen.",
             "Trường Mầm non Hoa Sen đã cho nghỉ học lớp có trẻ mắc bệnh và khử khuẩn toàn bộ đồ chơi, lớp học."),
            ("Dập tắt ổ dịch sởi ở bản Sà Phìn",
             "Sau gần một tháng, ổ dịch sởi ở bản Sà Phìn, huyện Long Khương đã được khống chế, không phát sinh ca mắc mới.",
             "Ngành y tế đã tổ chức tiêm vắc xin sởi cho hơn 600 trẻ em tại các bản lân cận."),
            ("Sốt xuất huyết gia tăng ở khu vực thành phố",
             "Từ đầu năm đến nay, thành phố ghi nhận 128 ca mắc sốt xuất huyết, tăng gấp đôi so với cùng kỳ.",
             "Các phường có nhiều ca mắc sốt xuất huyết là những khu vực đông dân cư, nhiều nhà trọ."),
        ),
        decoy_tags=("Y tế", "Dịch bệnh", "Sốt xuất huyết", "Tiêm chủng"),
    ),
    Series(
        key="hoi-cho-kim-thanh", kind="trade fair",
        district="Kim Thành", commune="Thanh Lộc", cat="kinh-te", alt=("van-hoa-du-lich", "thoi-su", "quoc-phong-an-ninh"),
        tag="Hội chợ Thương mại quốc tế Kim Thành", variants=("Hội chợ thương mại quốc tế Kim Thành",),
        generic=("Thương mại", "Xuất khẩu", "Cửa khẩu", "Doanh nghiệp"),
        names=("Hội chợ Thương mại quốc tế Kim Thành", "Hội chợ Kim Thành", "hội chợ", "Hội chợ Thương mại quốc tế"),
        person=("ông Nông Văn Kỳ", "Giám đốc Sở Công Thương"),
        stages=(
            ("Tỉnh sẽ tổ chức hội chợ thương mại quốc tế tại cửa khẩu",
             "Ủy ban nhân dân tỉnh vừa ban hành kế hoạch tổ chức Hội chợ Thương mại quốc tế tại khu vực cửa khẩu Kim Thành, dự kiến có khoảng 400 gian hàng."),
            ("Hơn 300 doanh nghiệp đăng ký tham gia hội chợ cửa khẩu Kim Thành",
             "Các doanh nghiệp đến từ nhiều tỉnh, thành phố trong nước và nước bạn đã đăng ký gian hàng tại Hội chợ Thương mại quốc tế Kim Thành."),
            ("Khai mạc Hội chợ Thương mại quốc tế Kim Thành",
             "Hội chợ diễn ra trong 6 ngày tại khu vực cửa khẩu quốc tế Kim Thành với 420 gian hàng của 310 doanh nghiệp."),
            ("Nông sản OCOP hút khách tại hội chợ",
             "Các gian hàng trưng bày sản phẩm OCOP của tỉnh như chè shan tuyết, mật ong, miến dong tại Hội chợ Kim Thành thu hút đông đảo khách tham quan."),
            ("Ký kết 12 biên bản ghi nhớ hợp tác tại hội chợ cửa khẩu",
             "Trong khuôn khổ Hội chợ Thương mại quốc tế Kim Thành, các doanh nghiệp hai nước đã ký kết 12 biên bản ghi nhớ hợp tác."),
            ("Bảo đảm an ninh trật tự tại Hội chợ Thương mại quốc tế Kim Thành",
             "Bộ đội Biên phòng và Công an tỉnh đã huy động hàng trăm cán bộ, chiến sĩ bảo đảm an ninh cho hội chợ."),
            ("Bế mạc hội chợ, doanh thu đạt hơn 40 tỷ đồng",
             "Hội chợ Thương mại quốc tế Kim Thành thu hút hơn 80.000 lượt khách tham quan, mua sắm."),
            ("Hội chợ Kim Thành sẽ được tổ chức thường niên",
             "Sau thành công của lần tổ chức đầu tiên, tỉnh sẽ tổ chức Hội chợ Thương mại quốc tế Kim Thành định kỳ hằng năm."),
        ),
        facts=(
            "{NF} do Ủy ban nhân dân tỉnh phối hợp với Bộ Công Thương tổ chức, nhằm thúc đẩy giao thương qua cửa khẩu.",
            "Theo {P}, hội chợ là cơ hội để doanh nghiệp trong tỉnh giới thiệu sản phẩm, tìm kiếm đối tác và mở rộng thị trường xuất khẩu.",
            "Các gian hàng tại {N} trưng bày nhiều sản phẩm như nông sản, thủ công mỹ nghệ, máy nông nghiệp, hàng tiêu dùng.",
            "Ngoài hoạt động thương mại, {N} còn có chương trình giao lưu văn nghệ giữa các đoàn nghệ thuật hai nước.",
            "Ban Tổ chức {N} bố trí riêng một khu trưng bày sản phẩm OCOP của các huyện trong tỉnh.",
            "Khu vực cửa khẩu Kim Thành có lưu lượng hàng hóa xuất nhập khẩu lớn nhất tỉnh.",
            "Nhiều doanh nghiệp cho biết đã tìm được đối tác tiêu thụ ổn định sau {N}.",
        ),
        decoys=(
            ("Hội chợ xuân huyện Nam Hà thu hút đông đảo người dân",
             "Hội chợ xuân năm nay của huyện Nam Hà có hơn 120 gian hàng, chủ yếu là hàng Tết và nông sản địa phương.",
             "Ban Tổ chức hội chợ xuân huyện Nam Hà yêu cầu các gian hàng niêm yết giá, không bán hàng giả, hàng kém chất lượng."),
            ("Hội chợ hàng Việt về nông thôn tại xã Yên Sơn",
             "Phiên chợ hàng Việt về nông thôn mang đến cho người dân xã Yên Sơn nhiều mặt hàng chất lượng với giá ưu đãi.",
             "Chương trình đưa hàng Việt về nông thôn do Sở Công Thương phối hợp với các doanh nghiệp phân phối tổ chức."),
            ("Hội chợ nông sản an toàn huyện Bình Tiến có 80 gian hàng",
             "Hội chợ là dịp để các hợp tác xã giới thiệu rau, quả, gạo và các sản phẩm chăn nuôi an toàn của huyện Bình Tiến.",
             "Nhiều hợp tác xã đã ký hợp đồng tiêu thụ nông sản với các bếp ăn tập thể ngay tại hội chợ."),
        ),
        decoy_tags=("Thương mại", "OCOP", "Hợp tác xã", "Doanh nghiệp"),
    ),
    Series(
        key="cup-phuc-son", kind="football tournament",
        district="Văn Phong", commune="", cat="the-thao", alt=("thoi-su", "van-hoa-du-lich"),
        tag="Cúp Phúc Sơn", variants=("cúp Phúc Sơn",),
        generic=("Thể thao", "Bóng đá", "Thanh niên"),
        names=("Giải bóng đá Thanh niên Cúp Phúc Sơn lần thứ V", "Cúp Phúc Sơn", "giải đấu", "giải bóng đá Thanh niên"),
        person=("ông Triệu Văn Hưng", "Trưởng Ban Tổ chức giải"),
        stages=(
            ("16 đội bóng tham dự giải bóng đá thanh niên toàn tỉnh",
             "Lễ bốc thăm chia bảng Giải bóng đá Thanh niên Cúp Phúc Sơn lần thứ V đã diễn ra tại Sở Văn hóa, Thể thao và Du lịch."),
            ("Khai mạc Giải bóng đá Thanh niên Cúp Phúc Sơn lần thứ V",
             "Trận khai mạc giữa đội Văn Phong và đội Hòa Thắng thu hút hàng nghìn cổ động viên đến sân."),
            ("Vòng bảng Cúp Phúc Sơn: Văn Phong toàn thắng",
             "Với ba trận thắng liên tiếp, đội bóng huyện Văn Phong đã giành vé đầu tiên vào tứ kết."),
            ("Kỷ luật cầu thủ hành hung trọng tài",
             "Ban Kỷ luật Giải bóng đá Thanh niên Cúp Phúc Sơn quyết định cấm thi đấu hết giải đối với cầu thủ số 9 của đội Tây Châu."),
            ("Xác định 4 đội vào bán kết Cúp Phúc Sơn",
             "Các đội Văn Phong, An Hà, Bảo Hà và Kim Tiến đã giành quyền vào bán kết sau những trận tứ kết hấp dẫn."),
            ("Văn Phong lần thứ hai lên ngôi vô địch",
             "Đánh bại đội An Hà với tỷ số 2-1 trong trận chung kết, đội Văn Phong giành chức vô địch Giải bóng đá Thanh niên Cúp Phúc Sơn."),
            ("Nhiều cầu thủ trẻ trưởng thành từ Cúp Phúc Sơn",
             "Sau giải đấu, 5 cầu thủ xuất sắc đã được các câu lạc bộ hạng Nhất mời tập luyện thử."),
            ("Giải bóng đá Thanh niên năm tới sẽ có thêm nội dung bóng đá nữ",
             "Ban Tổ chức Cúp Phúc Sơn cho biết giải đấu năm tới sẽ mở rộng cho các đội bóng nữ."),
        ),
        facts=(
            "{NF} do Sở Văn hóa, Thể thao và Du lịch phối hợp với Tỉnh đoàn và Công ty cổ phần Phúc Sơn tổ chức.",
            "Tổng giải thưởng của {N} là 300 triệu đồng, đội vô địch nhận 100 triệu đồng.",
            "Các trận đấu của {N} diễn ra tại Sân vận động Văn Phong và Sân vận động tỉnh.",
            "Theo {P}, giải đấu năm nay có chất lượng chuyên môn cao hơn nhiều so với các mùa trước.",
            "Tiền đạo Lường Văn Đức của đội Văn Phong đang dẫn đầu danh sách ghi bàn với 7 bàn thắng.",
            "Ban Tổ chức {N} đã bố trí lực lượng bảo đảm an ninh trật tự trên các khán đài.",
            "Đội Văn Phong do huấn luyện viên Nguyễn Hữu Thọ dẫn dắt được đánh giá là ứng viên số một cho chức vô địch {N}.",
        ),
        decoys=(
            ("Giải bóng đá nhi đồng huyện Kim Tiến thu hút 24 đội",
             "Giải bóng đá nhi đồng huyện Kim Tiến dành cho các em từ 9 đến 11 tuổi, diễn ra trong dịp hè.",
             "Giải bóng đá nhi đồng là sân chơi bổ ích, giúp các em rèn luyện sức khỏe trong dịp nghỉ hè."),
            ("Giải bóng đá công nhân viên chức ngành Giáo dục khai mạc",
             "12 đội bóng đến từ các phòng giáo dục và trường trung học phổ thông tham gia giải bóng đá công nhân viên chức.",
             "Giải bóng đá công nhân viên chức ngành Giáo dục được tổ chức hai năm một lần."),
            ("Giải bóng đá nữ các dân tộc huyện Bảo Hà",
             "Lần đầu tiên huyện Bảo Hà tổ chức giải bóng đá nữ với sự tham gia của 8 đội đến từ các xã vùng cao.",
             "Nhiều cầu thủ nữ người Mông, người Dao lần đầu được thi đấu trên sân cỏ nhân tạo."),
        ),
        decoy_tags=("Thể thao", "Bóng đá", "Thanh niên"),
    ),
    Series(
        key="tranh-chap-dat-na-khoang", kind="land dispute case",
        district="Long Khương", commune="Bảo Lạc", cat="xa-hoi", alt=("thoi-su", "quoc-phong-an-ninh", "chinh-tri"),
        tag="Tranh chấp đất Nà Khoang", variants=("tranh chấp đất Nà Khoang",),
        generic=("Đất đai", "Tài nguyên", "Huyện Long Khương", "Giải quyết khiếu nại"),
        names=("vụ tranh chấp đất đai ở thôn Nà Khoang", "vụ tranh chấp đất Nà Khoang", "vụ việc", "vụ tranh chấp"),
        person=("ông Hà Văn Sìn", "người dân thôn Nà Khoang"),
        stages=(
            ("Người dân phản ánh bị lấn chiếm đất rừng canh tác lâu đời",
             "Hàng chục hộ dân thôn Nà Khoang, xã Bảo Lạc, huyện Long Khương phản ánh diện tích đất rừng gia đình canh tác lâu đời bị Công ty Lâm nghiệp Long Khương đưa vào trồng rừng."),
            ("Căng thẳng tại khu đất tranh chấp ở thôn Nà Khoang",
             "Người dân đã dựng lều, ngăn không cho công nhân Công ty Lâm nghiệp Long Khương vào khu đất đang có tranh chấp."),
            ("Long Khương đối thoại với người dân về vụ tranh chấp đất Nà Khoang",
             "Ủy ban nhân dân huyện Long Khương tổ chức đối thoại, lắng nghe ý kiến của các hộ dân và đại diện công ty lâm nghiệp."),
            ("Thanh tra tỉnh vào cuộc xác minh vụ tranh chấp đất ở xã Bảo Lạc",
             "Thanh tra tỉnh đã thành lập đoàn xác minh nguồn gốc, quá trình sử dụng 46 ha đất đang tranh chấp tại thôn Nà Khoang."),
            ("Kết luận thanh tra: Công ty lâm nghiệp được giao chồng lấn 12 ha đất của dân",
             "Kết luận thanh tra xác định một phần diện tích Công ty Lâm nghiệp Long Khương được giao nằm chồng lấn lên đất sản xuất của người dân thôn Nà Khoang."),
            ("Tòa án thụ lý vụ kiện đòi đất của 18 hộ dân",
             "Tòa án nhân dân tỉnh đã thụ lý đơn khởi kiện hành chính của ông Hà Văn Sìn và 17 hộ dân thôn Nà Khoang."),
            ("Trả lại đất cho người dân thôn Nà Khoang",
             "Ủy ban nhân dân tỉnh quyết định thu hồi 12 ha đất của Công ty Lâm nghiệp Long Khương để giao lại cho các hộ dân."),
            ("Yên ổn làm ăn sau vụ tranh chấp đất kéo dài",
             "Sau khi được trả lại đất, các hộ dân thôn Nà Khoang đã trồng quế, trồng keo, yên tâm sản xuất."),
        ),
        facts=(
            "Diện tích đất đang tranh chấp tại thôn Nà Khoang khoảng 46 ha, phần lớn là đất rừng sản xuất.",
            "Theo {P}, gia đình ông đã canh tác trên mảnh đất này từ những năm 1980 nhưng chưa được cấp giấy chứng nhận quyền sử dụng đất.",
            "Công ty Lâm nghiệp Long Khương cho rằng diện tích này đã được tỉnh giao cho công ty quản lý từ năm 1994.",
            "Ủy ban nhân dân xã Bảo Lạc đã nhiều lần hòa giải {N} nhưng không thành.",
            "Đoàn công tác của tỉnh đề nghị các bên giữ nguyên hiện trạng, không để xảy ra xô xát trong thời gian giải quyết {N}.",
            "Nhiều hộ dân thôn Nà Khoang cho biết, thu nhập của gia đình phụ thuộc chủ yếu vào diện tích đất rừng này.",
            "{NF} đã kéo dài nhiều năm, gây bức xúc trong nhân dân và ảnh hưởng đến an ninh trật tự ở địa phương.",
        ),
    ),
    Series(
        key="kcn-nam-phu-dien", kind="new industrial park",
        district="Phú Điền", commune="Phú Lập", cat="kinh-te", alt=("thoi-su", "xa-hoi"),
        tag="Khu công nghiệp Nam Phú Điền", variants=("Khu Công nghiệp Nam Phú Điền",),
        generic=("Khu công nghiệp", "Doanh nghiệp", "Thu hút đầu tư", "Huyện Phú Điền"),
        names=("Khu công nghiệp Nam Phú Điền", "KCN Nam Phú Điền", "khu công nghiệp", "dự án khu công nghiệp"),
        person=("ông Bùi Quang Trí", "Trưởng Ban Quản lý các khu công nghiệp tỉnh"),
        stages=(
            ("Chấp thuận chủ trương đầu tư Khu công nghiệp Nam Phú Điền",
             "Khu công nghiệp Nam Phú Điền có quy mô 350 ha, tổng vốn đầu tư hạ tầng hơn 2.800 tỷ đồng."),
            ("Phú Điền: Kiểm đếm, bồi thường cho hơn 600 hộ dân",
             "Huyện Phú Điền đang tập trung kiểm đếm, áp giá bồi thường cho các hộ dân có đất nằm trong Khu công nghiệp Nam Phú Điền."),
            ("Khởi công xây dựng hạ tầng KCN Nam Phú Điền",
             "Đây là khu công nghiệp thứ ba của tỉnh, được kỳ vọng tạo động lực mới cho phát triển công nghiệp."),
            ("Người dân mất đất ở Phú Lập lo việc làm",
             "Nhiều hộ dân xã Phú Lập mất đất sản xuất cho Khu công nghiệp Nam Phú Điền mong muốn được đào tạo nghề, bố trí việc làm."),
            ("Doanh nghiệp Hàn Quốc đầu tư 150 triệu USD vào khu công nghiệp mới",
             "Nhà máy sản xuất linh kiện điện tử tại KCN Nam Phú Điền sẽ tạo việc làm cho khoảng 3.000 lao động."),
            ("Kiểm tra công tác bảo vệ môi trường tại KCN Nam Phú Điền",
             "Đoàn kiểm tra yêu cầu chủ đầu tư hạ tầng sớm hoàn thành nhà máy xử lý nước thải tập trung trước khi các doanh nghiệp đi vào hoạt động."),
            ("Khu công nghiệp Nam Phú Điền đón nhà máy đầu tiên đi vào hoạt động",
             "Nhà máy may mặc đầu tiên tại khu công nghiệp đã tuyển dụng gần 800 công nhân, phần lớn là con em địa phương."),
            ("Tỷ lệ lấp đầy đạt 40% sau hơn một năm",
             "Khu công nghiệp Nam Phú Điền đã thu hút 14 dự án với tổng vốn đăng ký hơn 400 triệu USD."),
        ),
        facts=(
            "{NF} nằm trên địa bàn các xã Phú Lập, Phú Lâm, huyện Phú Điền, cách cửa khẩu quốc tế khoảng 40 km.",
            "Chủ đầu tư hạ tầng {N} là Công ty cổ phần Đầu tư Hưng Phát.",
            "Theo {P}, {N} ưu tiên thu hút các dự án công nghệ cao, thân thiện với môi trường.",
            "Để có mặt bằng cho {N}, huyện Phú Điền phải thu hồi đất của hơn 600 hộ dân.",
            "Khu tái định cư Đồng Cống với 250 lô đất đã được xây dựng để bố trí cho các hộ dân bị thu hồi đất.",
            "Tỉnh cam kết tạo mọi điều kiện thuận lợi về thủ tục cho các nhà đầu tư vào {N}.",
            "Dự kiến khi được lấp đầy, {N} sẽ tạo việc làm cho khoảng 20.000 lao động.",
        ),
        decoys=(
            ("Cụm công nghiệp Tây Châu thu hút thêm 3 dự án",
             "Cụm công nghiệp Tây Châu vừa đón thêm 3 dự án chế biến nông sản, nâng tỷ lệ lấp đầy lên 70%.",
             "Cụm công nghiệp Tây Châu có diện tích 50 ha, hạ tầng được đầu tư từ năm 2012."),
            ("Ô nhiễm nước thải từ khu công nghiệp Bắc Lạc",
             "Người dân sống gần khu công nghiệp Bắc Lạc phản ánh nước thải chưa qua xử lý chảy ra kênh tưới tiêu.",
             "Sở Tài nguyên và Môi trường đã lấy mẫu nước thải tại khu công nghiệp Bắc Lạc để phân tích."),
            ("Rà soát quy hoạch các khu công nghiệp trên địa bàn tỉnh",
             "Ủy ban nhân dân tỉnh yêu cầu rà soát, điều chỉnh quy hoạch các khu, cụm công nghiệp phù hợp với quy hoạch tỉnh.",
             "Nhiều cụm công nghiệp được quy hoạch từ lâu nhưng đến nay vẫn chưa có nhà đầu tư hạ tầng."),
        ),
        decoy_tags=("Khu công nghiệp", "Doanh nghiệp", "Môi trường", "Quy hoạch"),
    ),
    Series(
        key="bua-trua-no-am-bao-ha", kind="school meals programme",
        district="Bảo Hà", commune="", cat="giao-duc", alt=("xa-hoi", "dan-toc-mien-nui"),
        tag="Bữa trưa no ấm", variants=("bữa trưa no ấm",),
        generic=("Giáo dục", "Học sinh bán trú", "Huyện Bảo Hà", "An sinh xã hội"),
        names=("chương trình “Bữa trưa no ấm” cho học sinh bán trú huyện Bảo Hà", "chương trình “Bữa trưa no ấm”",
               "chương trình", "“Bữa trưa no ấm”"),
        person=("bà Đặng Thị Hoa", "Trưởng phòng Giáo dục và Đào tạo huyện Bảo Hà"),
        stages=(
            ("Bảo Hà phát động chương trình “Bữa trưa no ấm” cho học sinh bán trú",
             "Chương trình hướng tới mục tiêu bảo đảm mỗi học sinh bán trú ở huyện Bảo Hà có bữa trưa đủ chất với chi phí ít nhất 25.000 đồng."),
            ("Doanh nghiệp chung tay cùng “Bữa trưa no ấm”",
             "Nhiều doanh nghiệp, nhà hảo tâm đã đăng ký ủng hộ hơn 3 tỷ đồng cho chương trình “Bữa trưa no ấm” của huyện Bảo Hà."),
            ("Những bữa cơm có thịt đầu tiên ở điểm trường Séo Lủng",
             "Từ đầu tháng này, hơn 150 học sinh điểm trường Séo Lủng đã được ăn bữa trưa có thịt, cá, rau xanh và sữa."),
            ("Khó khăn trong duy trì bữa ăn bán trú ở vùng cao",
             "Giá thực phẩm tăng, nguồn xã hội hóa giảm khiến nhiều trường ở huyện Bảo Hà gặp khó trong việc duy trì bữa trưa cho học sinh."),
            ("Kiểm tra an toàn thực phẩm tại các bếp ăn bán trú huyện Bảo Hà",
             "Đoàn kiểm tra liên ngành phát hiện một số bếp ăn chưa lưu mẫu thức ăn, chưa có hồ sơ nguồn gốc thực phẩm."),
            ("Sĩ số học sinh bán trú tăng nhờ bữa trưa đủ chất",
             "Tỷ lệ học sinh đi học chuyên cần ở các trường bán trú huyện Bảo Hà tăng rõ rệt sau một năm triển khai chương trình “Bữa trưa no ấm”."),
            ("Tổng kết một năm chương trình “Bữa trưa no ấm”",
             "Chương trình đã hỗ trợ hơn 4.600 học sinh bán trú tại 28 trường học trên địa bàn huyện Bảo Hà."),
            ("Nhân rộng mô hình bữa trưa bán trú ra toàn tỉnh",
             "Sở Giáo dục và Đào tạo đề xuất nhân rộng mô hình “Bữa trưa no ấm” của huyện Bảo Hà ra các huyện vùng cao khác trong tỉnh."),
        ),
        facts=(
            "Theo {P}, toàn huyện Bảo Hà có hơn 4.600 học sinh bán trú, phần lớn là con em đồng bào Mông, Dao.",
            "Mỗi suất ăn trong {N} được hỗ trợ thêm 10.000 đồng ngoài mức hỗ trợ của Nhà nước.",
            "Nhiều trường đã tận dụng đất trống để trồng rau, nuôi gà, cải thiện bữa ăn cho học sinh bán trú.",
            "Thầy Giàng A Chư, Hiệu trưởng Trường Phổ thông dân tộc bán trú Tiểu học Séo Lủng cho biết, từ khi có {N}, học sinh ăn ngon, khỏe mạnh hơn.",
            "Ban Chỉ đạo {N} đã công khai các khoản đóng góp trên cổng thông tin điện tử của huyện Bảo Hà.",
            "Các bếp ăn bán trú được yêu cầu thực hiện nghiêm quy trình kiểm thực ba bước và lưu mẫu thức ăn.",
            "Trước khi có {N}, bữa trưa của nhiều em chỉ có cơm trắng với canh rau hoặc muối vừng.",
        ),
    ),
    Series(
        key="vanh-dai-binh-tien", kind="ring-road project",
        district="Bình Tiến", commune="Bình Giang", cat="kinh-te", alt=("xa-hoi", "thoi-su"),
        tag="Đường vành đai Bình Tiến", variants=("đường vành đai Bình Tiến",),
        generic=("Giao thông", "Đầu tư công", "Giải phóng mặt bằng", "Huyện Bình Tiến"),
        names=("dự án đường vành đai phía Bắc thị trấn Bình Tiến", "đường vành đai Bình Tiến", "tuyến vành đai", "dự án"),
        person=("ông Ngô Đức Lâm", "Chủ tịch UBND huyện Bình Tiến"),
        stages=(
            ("Bình Tiến đầu tư đường vành đai giảm ùn tắc trung tâm",
             "Tuyến đường vành đai phía Bắc dài 7,6 km sẽ giúp xe tải không phải đi qua trung tâm thị trấn Bình Tiến."),
            ("Công bố quy hoạch tuyến đường vành đai phía Bắc",
             "Người dân các xã Bình Giang, Bình Sơn đã được thông tin về hướng tuyến và phạm vi giải phóng mặt bằng của đường vành đai Bình Tiến."),
            ("Khởi công đường vành đai phía Bắc thị trấn Bình Tiến",
             "Dự án có tổng mức đầu tư 465 tỷ đồng, thời gian thi công 30 tháng."),
            ("Hộ dân chưa bàn giao mặt bằng, dự án vành đai ì ạch",
             "Sau hơn một năm khởi công, dự án đường vành đai Bình Tiến mới có 60% mặt bằng sạch."),
            ("Bụi mù mịt trên công trường, người dân kêu trời",
             "Nhiều hộ dân xã Bình Giang phản ánh xe chở vật liệu phục vụ thi công đường vành đai gây bụi, ảnh hưởng sinh hoạt."),
            ("Cưỡng chế thu hồi đất các hộ chây ì bàn giao mặt bằng",
             "Huyện Bình Tiến đã tổ chức cưỡng chế thu hồi đất đối với 4 hộ dân sau nhiều lần vận động không thành."),
            ("Thông xe kỹ thuật đường vành đai phía Bắc Bình Tiến",
             "Tuyến đường vành đai được thông xe kỹ thuật, sớm hơn kế hoạch 2 tháng."),
            ("Đường vành đai mở ra không gian phát triển mới",
             "Nhiều khu dân cư, cửa hàng mới đã hình thành dọc tuyến vành đai phía Bắc thị trấn Bình Tiến."),
        ),
        facts=(
            "{NF} có chiều dài 7,6 km, mặt đường rộng 12 m, đi qua địa bàn 3 xã, thị trấn.",
            "Tổng mức đầu tư {N} là 465 tỷ đồng từ nguồn ngân sách tỉnh.",
            "Theo {P}, huyện đã thành lập tổ công tác đặc biệt để tháo gỡ vướng mắc trong giải phóng mặt bằng.",
            "Toàn tuyến có 318 hộ dân bị ảnh hưởng, trong đó 46 hộ phải di dời, tái định cư.",
            "Nhà thầu cam kết tưới nước giảm bụi ít nhất 4 lần mỗi ngày trên công trường {N}.",
            "Khi hoàn thành, {N} sẽ giảm tải cho Quốc lộ 34 đoạn qua trung tâm thị trấn Bình Tiến.",
            "Nhiều hộ dân đề nghị nâng đơn giá bồi thường đất nông nghiệp cho phù hợp với giá thị trường.",
        ),
    ),
    Series(
        key="chay-rung-phja-lin", kind="forest fire",
        district="Nam Hà", commune="Yên Phong", cat="thoi-su", alt=("quoc-phong-an-ninh", "xa-hoi", "kinh-te"),
        tag="Cháy rừng Phja Lìn", variants=("cháy rừng Phja Lìn",),
        generic=("Cháy rừng", "Lâm nghiệp", "Huyện Nam Hà", "Môi trường"),
        names=("vụ cháy rừng trên núi Phja Lìn", "vụ cháy rừng Phja Lìn", "đám cháy", "vụ cháy"),
        person=("ông Lương Văn Khuê", "Hạt trưởng Hạt Kiểm lâm huyện Nam Hà"),
        stages=(
            ("Cháy lớn trên núi Phja Lìn, hàng trăm người dập lửa",
             "Đám cháy bùng phát từ trưa qua trên núi Phja Lìn, xã Yên Phong, huyện Nam Hà, lan rộng do trời nắng nóng, gió mạnh."),
            ("Khống chế đám cháy rừng sau gần 20 giờ",
             "Đến sáng nay, đám cháy trên núi Phja Lìn đã được khống chế hoàn toàn, lực lượng chức năng tiếp tục canh phòng."),
            ("Hơn 40 ha rừng phòng hộ bị thiêu rụi",
             "Kết quả kiểm đếm ban đầu cho thấy vụ cháy trên núi Phja Lìn đã làm thiệt hại hơn 40 ha rừng thông và rừng phòng hộ."),
            ("Khởi tố vụ án hủy hoại rừng tại xã Yên Phong",
             "Cơ quan Cảnh sát điều tra Công an huyện Nam Hà đã khởi tố vụ án, tạm giữ một người đốt nương gây cháy rừng trên núi Phja Lìn."),
            ("Kiểm điểm trách nhiệm trong vụ cháy rừng Phja Lìn",
             "Ủy ban nhân dân tỉnh yêu cầu làm rõ trách nhiệm của các tổ chức, cá nhân trong công tác phòng cháy, chữa cháy rừng."),
            ("Trồng lại rừng trên diện tích bị cháy",
             "Hàng trăm đoàn viên thanh niên và người dân xã Yên Phong đã trồng mới 25.000 cây thông trên diện tích rừng bị cháy."),
            ("Xét xử vụ đốt nương làm cháy 40 ha rừng",
             "Tòa án nhân dân huyện Nam Hà tuyên phạt bị cáo Hoàng Văn Páo 3 năm tù về tội hủy hoại rừng."),
        ),
        facts=(
            "Theo {P}, nguyên nhân ban đầu của {N} được xác định do người dân đốt thực bì làm nương để lửa lan vào rừng.",
            "Hơn 500 người gồm kiểm lâm, công an, quân đội, dân quân và người dân đã được huy động dập lửa.",
            "Do địa hình dốc, gió thổi mạnh nên việc tiếp cận đám cháy trên núi Phja Lìn gặp rất nhiều khó khăn.",
            "Diện tích rừng bị thiệt hại trong {N} chủ yếu là rừng thông trồng năm 2008 và một phần rừng phòng hộ đầu nguồn.",
            "Sau {N}, Hạt Kiểm lâm huyện Nam Hà đã tăng cường tuần tra, canh gác tại các vùng trọng điểm cháy.",
            "Núi Phja Lìn có độ cao hơn 1.200 m, thảm thực bì khô dày, nguy cơ cháy rất cao trong mùa khô.",
            "Chính quyền xã Yên Phong đã yêu cầu các hộ dân ký cam kết không đốt nương trong thời gian cao điểm nắng nóng.",
        ),
    ),
    Series(
        key="chuyen-an-318t", kind="drug-trafficking case",
        district="Tây Châu", commune="Tây Bàn", cat="quoc-phong-an-ninh", alt=("thoi-su", "xa-hoi"),
        tag="Chuyên án 318T", variants=("chuyên án 318T",),
        generic=("Ma túy", "Công an", "Biên giới", "Huyện Tây Châu"),
        names=("Chuyên án 318T", "chuyên án", "đường dây ma túy xuyên biên giới", "vụ án"),
        person=("Đại tá Vi Văn Định", "Phó Giám đốc Công an tỉnh"),
        stages=(
            ("Triệt phá đường dây vận chuyển ma túy qua biên giới Tây Châu",
             "Công an tỉnh phối hợp với Bộ đội Biên phòng triệt phá thành công Chuyên án 318T, thu giữ 26 bánh heroin."),
            ("Bắt thêm 3 đối tượng trong đường dây ma túy xuyên biên giới",
             "Mở rộng điều tra Chuyên án 318T, lực lượng chức năng đã bắt giữ thêm 3 đối tượng tại xã Tây Bàn."),
            ("Khởi tố 9 bị can vận chuyển trái phép 26 bánh heroin",
             "Cơ quan Cảnh sát điều tra Công an tỉnh đã khởi tố vụ án, khởi tố 9 bị can về tội mua bán, vận chuyển trái phép chất ma túy."),
            ("Khen thưởng các đơn vị phá thành công Chuyên án 318T",
             "Chủ tịch Ủy ban nhân dân tỉnh đã tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc trong đấu tranh chuyên án."),
            ("Truy nã đặc biệt đối tượng cầm đầu đường dây ma túy",
             "Công an tỉnh ra quyết định truy nã đặc biệt đối với Lò Văn Hặc, kẻ cầm đầu đường dây ma túy bị triệt phá tại Tây Châu."),
            ("Bắt được đối tượng truy nã đặc biệt Lò Văn Hặc",
             "Sau hơn 7 tháng lẩn trốn, đối tượng cầm đầu đường dây ma túy xuyên biên giới đã bị bắt giữ."),
            ("Xét xử lưu động vụ án ma túy lớn nhất tỉnh",
             "Tòa án nhân dân tỉnh mở phiên tòa xét xử lưu động 10 bị cáo trong đường dây mua bán 26 bánh heroin."),
            ("Tuyên án tử hình kẻ cầm đầu đường dây ma túy xuyên biên giới",
             "Bị cáo Lò Văn Hặc bị tuyên phạt tử hình, 9 đồng phạm lĩnh án từ 15 năm tù đến chung thân."),
        ),
        facts=(
            "{NF} được xác lập sau khi lực lượng chức năng phát hiện một đường dây vận chuyển ma túy từ bên kia biên giới vào địa bàn huyện Tây Châu.",
            "Theo {P}, đây là đường dây hoạt động tinh vi, các đối tượng thường xuyên thay đổi phương thức, thủ đoạn.",
            "Tang vật thu giữ gồm 26 bánh heroin, 12.000 viên ma túy tổng hợp, 4 xe máy và nhiều điện thoại di động.",
            "Đối tượng cầm đầu Lò Văn Hặc, sinh năm 1979, trú tại bản Nà Pè, xã Tây Bàn, huyện Tây Châu.",
            "Các đối tượng lợi dụng đường mòn, lối mở qua biên giới để vận chuyển ma túy vào sâu nội địa.",
            "Việc phá thành công {N} góp phần giữ vững an ninh trật tự khu vực biên giới.",
            "Cơ quan điều tra đang tiếp tục mở rộng điều tra {N}, làm rõ các đối tượng liên quan.",
        ),
    ),
    Series(
        key="bv-khu-vuc-kim-giang", kind="hospital construction",
        district="Kim Giang", commune="", cat="y-te", alt=("kinh-te", "thoi-su"),
        tag="Bệnh viện Đa khoa khu vực Kim Giang", variants=("Bệnh viện đa khoa khu vực Kim Giang",),
        generic=("Y tế", "Khám chữa bệnh", "Đầu tư công", "Huyện Kim Giang"),
        names=("Bệnh viện Đa khoa khu vực Kim Giang", "bệnh viện khu vực Kim Giang", "bệnh viện mới", "công trình bệnh viện"),
        person=("ông Lê Quang Vịnh", "Giám đốc Sở Y tế"),
        stages=(
            ("Đầu tư xây mới bệnh viện đa khoa khu vực phía Tây",
             "Bệnh viện Đa khoa khu vực Kim Giang có quy mô 300 giường bệnh, phục vụ người dân 4 huyện phía Tây của tỉnh."),
            ("Khởi công Bệnh viện Đa khoa khu vực Kim Giang 300 giường",
             "Dự án có tổng mức đầu tư 520 tỷ đồng, dự kiến hoàn thành sau 24 tháng."),
            ("Công trường bệnh viện tạm dừng vì thiếu vốn",
             "Do chậm giải ngân vốn, nhà thầu thi công Bệnh viện Đa khoa khu vực Kim Giang đã rút bớt máy móc, công nhân khỏi công trường."),
            ("Bổ sung 120 tỷ đồng cho dự án bệnh viện Kim Giang",
             "Ủy ban nhân dân tỉnh điều chuyển vốn từ các dự án chậm tiến độ sang dự án Bệnh viện Đa khoa khu vực Kim Giang."),
            ("Kiểm tra chất lượng công trình Bệnh viện Đa khoa khu vực Kim Giang",
             "Đoàn kiểm tra của Sở Xây dựng yêu cầu khắc phục tình trạng thấm dột ở khối nhà điều trị nội trú."),
            ("Bệnh viện Đa khoa khu vực Kim Giang đón bệnh nhân đầu tiên",
             "Bệnh viện mới bắt đầu hoạt động với các khoa khám bệnh, nội, ngoại, sản và hồi sức cấp cứu."),
            ("Thiếu bác sĩ, bệnh viện mới hoạt động cầm chừng",
             "Sau ba tháng hoạt động, Bệnh viện Đa khoa khu vực Kim Giang mới có 21 bác sĩ, chưa bằng một nửa nhu cầu."),
            ("Người dân phía Tây không phải về tỉnh khám bệnh",
             "Mỗi ngày Bệnh viện Đa khoa khu vực Kim Giang tiếp nhận hơn 400 lượt bệnh nhân, giảm tải đáng kể cho tuyến tỉnh."),
        ),
        facts=(
            "{NF} được xây dựng trên diện tích 4,5 ha tại thị trấn Kim Giang, gồm khối khám bệnh, khối kỹ thuật nghiệp vụ và khối điều trị nội trú.",
            "Tổng mức đầu tư của {N} là 520 tỷ đồng từ nguồn vốn ngân sách Trung ương và vốn vay ưu đãi.",
            "Theo {P}, ngành y tế đang xây dựng kế hoạch tuyển dụng, đào tạo nhân lực cho {N}.",
            "Trước đây, người dân các huyện phía Tây phải đi hơn 100 km để về Bệnh viện Đa khoa tỉnh khám, chữa bệnh.",
            "Nhiều trang thiết bị hiện đại như máy chụp cắt lớp vi tính, máy nội soi đã được đầu tư cho {N}.",
            "Tỉnh có chính sách hỗ trợ 200 triệu đồng cho mỗi bác sĩ về công tác tại {N}.",
            "Bác sĩ Hoàng Thị Nguyệt, Giám đốc {NF}, cho biết bệnh viện đang ưu tiên phát triển khoa cấp cứu và sản khoa.",
        ),
        decoys=(
            ("Bệnh viện Đa khoa tỉnh triển khai kỹ thuật can thiệp tim mạch",
             "Lần đầu tiên, người bệnh nhồi máu cơ tim trong tỉnh được can thiệp đặt stent ngay tại Bệnh viện Đa khoa tỉnh.",
             "Bệnh viện Đa khoa tỉnh đã cử 6 bác sĩ đi đào tạo về can thiệp tim mạch tại các bệnh viện tuyến Trung ương."),
            ("Bệnh viện Y dược cổ truyền tỉnh đón nhận danh hiệu bệnh viện xanh",
             "Bệnh viện Y dược cổ truyền tỉnh là đơn vị đầu tiên trong tỉnh được công nhận bệnh viện xanh - sạch - đẹp.",
             "Khuôn viên Bệnh viện Y dược cổ truyền tỉnh có vườn thuốc nam với hơn 200 loài cây dược liệu."),
            ("Bệnh viện Đa khoa huyện Hòa Điền nâng cấp khoa cấp cứu",
             "Khoa cấp cứu của Bệnh viện Đa khoa huyện Hòa Điền được cải tạo, bổ sung 20 giường bệnh và nhiều trang thiết bị mới.",
             "Mỗi năm Bệnh viện Đa khoa huyện Hòa Điền tiếp nhận hơn 5.000 ca cấp cứu."),
        ),
        decoy_tags=("Y tế", "Khám chữa bệnh", "Bảo hiểm y tế"),
    ),
    Series(
        key="sat-lo-song-nam-cat", kind="riverbank erosion",
        district="Hưng Thắng", commune="Long Thịnh", cat="thoi-su", alt=("xa-hoi", "kinh-te"),
        tag="Sạt lở sông Nậm Cát", variants=("sạt lở sông Nậm Cát",),
        generic=("Sạt lở đất", "Thiên tai", "Huyện Hưng Thắng", "Phòng chống thiên tai"),
        names=("sạt lở bờ sông Nậm Cát", "điểm sạt lở ở xã Long Thịnh", "sạt lở", "tình trạng sạt lở bờ sông"),
        person=("ông Phạm Văn Đoàn", "Chủ tịch UBND xã Long Thịnh"),
        stages=(
            ("Sạt lở bờ sông Nậm Cát uy hiếp hàng chục hộ dân",
             "Đoạn bờ sông dài gần 500 m qua thôn Đồng Bãi, xã Long Thịnh, huyện Hưng Thắng bị sạt lở nghiêm trọng, có nơi ăn sâu vào đất ở hơn 10 m."),
            ("Công bố tình huống khẩn cấp sạt lở bờ sông tại Hưng Thắng",
             "Ủy ban nhân dân tỉnh công bố tình huống khẩn cấp về sạt lở bờ sông Nậm Cát đoạn qua xã Long Thịnh."),
            ("Di dời 23 hộ dân khỏi vùng sạt lở ven sông",
             "Các hộ dân thôn Đồng Bãi, xã Long Thịnh được hỗ trợ kinh phí thuê nhà, di chuyển tài sản đến nơi ở tạm an toàn."),
            ("Bắt tàu hút cát trái phép gần điểm sạt lở Long Thịnh",
             "Lực lượng chức năng bắt giữ 2 tàu hút cát trái phép cách điểm sạt lở bờ sông Nậm Cát khoảng 1 km."),
            ("Khởi công kè chống sạt lở bờ sông Nậm Cát",
             "Công trình kè dài 650 m có tổng mức đầu tư 95 tỷ đồng, được thi công theo lệnh khẩn cấp."),
            ("Đẩy nhanh tiến độ thi công kè trước mùa lũ",
             "Nhà thầu thi công kè sông Nậm Cát đang huy động tối đa nhân lực, máy móc để hoàn thành phần chân kè trước khi nước sông lên."),
            ("Hoàn thành kè chống sạt lở, người dân Long Thịnh yên tâm",
             "Công trình kè bờ sông Nậm Cát đoạn qua xã Long Thịnh đã hoàn thành, bảo vệ an toàn cho hơn 200 hộ dân."),
        ),
        facts=(
            "Theo {P}, từ đầu mùa mưa đến nay, {N} diễn biến ngày càng phức tạp, nhiều vết nứt mới xuất hiện.",
            "Khu vực sạt lở ở thôn Đồng Bãi có 46 hộ dân với gần 200 nhân khẩu đang sinh sống.",
            "Nguyên nhân sạt lở được xác định do dòng chảy thay đổi, kết hợp với tình trạng khai thác cát trái phép trên sông Nậm Cát.",
            "Chính quyền xã Long Thịnh đã cắm biển cảnh báo, căng dây khoanh vùng nguy hiểm dọc bờ sông.",
            "Tỉnh đã hỗ trợ khẩn cấp 5 tỷ đồng để xử lý tạm thời {N} bằng rọ đá và bao tải cát.",
            "“Đêm nào nghe tiếng đất lở xuống sông cũng không ngủ được”, bà Nguyễn Thị Lụa ở thôn Đồng Bãi chia sẻ.",
        ),
    ),
    Series(
        key="thac-bac-yen-my", kind="eco-tourism project",
        district="Vĩnh Yên", commune="Yên Mỹ", cat="van-hoa-du-lich", alt=("kinh-te", "dan-toc-mien-nui"),
        tag="Khu du lịch Thác Bạc", variants=("Khu du lịch thác Bạc",),
        generic=("Du lịch", "Du lịch cộng đồng", "Thu hút đầu tư", "Huyện Vĩnh Yên"),
        names=("Khu du lịch sinh thái Thác Bạc", "khu du lịch Thác Bạc", "dự án du lịch", "Thác Bạc"),
        person=("ông Trịnh Văn Tài", "Giám đốc Công ty cổ phần Du lịch Thác Bạc"),
        stages=(
            ("Vĩnh Yên kêu gọi đầu tư khu du lịch sinh thái",
             "Với thác nước cao hơn 80 m và rừng nguyên sinh bao quanh, Thác Bạc ở xã Yên Mỹ được xác định là điểm nhấn du lịch của huyện Vĩnh Yên."),
            ("Trao quyết định chủ trương đầu tư Khu du lịch sinh thái Thác Bạc",
             "Dự án có quy mô 120 ha, tổng vốn đầu tư khoảng 900 tỷ đồng."),
            ("Động thổ xây dựng khu du lịch Thác Bạc",
             "Giai đoạn 1 của dự án gồm đường vào thác, khu đón tiếp, nhà hàng và 40 bungalow."),
            ("Lo ngại dự án du lịch xâm hại rừng đầu nguồn ở Yên Mỹ",
             "Người dân bản Khe Mơ phản ánh đơn vị thi công đã chặt hạ một số cây rừng ngoài phạm vi dự án Khu du lịch Thác Bạc."),
            ("Xử phạt chủ đầu tư tự ý san gạt đất rừng",
             "Đoàn kiểm tra liên ngành xác định chủ đầu tư dự án Thác Bạc đã tự ý san gạt 0,6 ha đất rừng, đề nghị xử phạt 180 triệu đồng."),
            ("Khu du lịch Thác Bạc đón những vị khách đầu tiên",
             "Sau gần hai năm xây dựng, giai đoạn 1 Khu du lịch sinh thái Thác Bạc chính thức mở cửa đón khách."),
            ("Người Dao ở Yên Mỹ làm du lịch cùng doanh nghiệp",
             "Hàng chục lao động người Dao bản Khe Mơ có việc làm ổn định tại khu du lịch Thác Bạc."),
            ("Điểm đến hấp dẫn mới cho mùa hè",
             "Mỗi cuối tuần, Khu du lịch sinh thái Thác Bạc đón hàng nghìn lượt khách, chủ yếu từ các tỉnh đồng bằng."),
        ),
        facts=(
            "{NF} nằm ở độ cao hơn 900 m so với mực nước biển, khí hậu mát mẻ quanh năm.",
            "Theo {P}, công ty cam kết giữ nguyên hiện trạng rừng tự nhiên, chỉ xây dựng trên diện tích đất trống.",
            "Thác Bạc có 3 tầng, tầng cao nhất hơn 80 m, nước chảy quanh năm.",
            "Khi hoạt động ổn định, {N} dự kiến đón khoảng 150.000 lượt khách mỗi năm.",
            "Chính quyền xã Yên Mỹ đã hướng dẫn người dân bản Khe Mơ làm homestay, bán sản phẩm thổ cẩm, dược liệu cho du khách.",
            "Đường vào {N} đã được nâng cấp, xe ô tô 45 chỗ có thể đi đến tận bãi đỗ chân thác.",
        ),
    ),
    Series(
        key="ta-lon-chau-phi-nam-my", kind="African swine fever outbreak",
        district="Nam Mỹ", commune="Quảng Hòa", cat="kinh-te", alt=("thoi-su", "dan-toc-mien-nui"),
        tag="Dịch tả lợn châu Phi Nam Mỹ", variants=("Dịch tả lợn Châu Phi Nam Mỹ",),
        generic=("Chăn nuôi", "Dịch bệnh", "Nông nghiệp", "Huyện Nam Mỹ"),
        names=("dịch tả lợn châu Phi ở huyện Nam Mỹ", "dịch tả lợn châu Phi", "dịch bệnh", "ổ dịch tại Quảng Hòa"),
        person=("ông Hà Văn Thuận", "Chi cục trưởng Chi cục Chăn nuôi và Thú y tỉnh"),
        stages=(
            ("Phát hiện dịch tả lợn châu Phi tại xã Quảng Hòa",
             "Chi cục Chăn nuôi và Thú y tỉnh xác nhận đàn lợn của 3 hộ dân thôn Nà Mòn, xã Quảng Hòa, huyện Nam Mỹ dương tính với virus dịch tả lợn châu Phi."),
            ("Lập chốt kiểm dịch, ngăn dịch bệnh lây lan",
             "Huyện Nam Mỹ đã lập 5 chốt kiểm dịch tạm thời trên các trục đường vào vùng dịch tả lợn châu Phi."),
            ("Dịch tả lợn châu Phi lan ra 6 xã của huyện Nam Mỹ",
             "Sau gần một tháng, số lợn mắc bệnh, buộc phải tiêu hủy trên địa bàn huyện đã lên hơn 1.800 con."),
            ("Tiêu hủy gần 60 tấn lợn bệnh, người chăn nuôi điêu đứng",
             "Nhiều hộ dân ở huyện Nam Mỹ mất trắng đàn lợn, nợ nần vì vay vốn đầu tư chuồng trại."),
            ("Bắt xe chở lợn không rõ nguồn gốc ra khỏi vùng dịch",
             "Chốt kiểm dịch tại xã Quảng Hòa bắt giữ xe tải chở 40 con lợn không có giấy kiểm dịch."),
            ("Hỗ trợ hơn 7 tỷ đồng cho người chăn nuôi có lợn bị tiêu hủy",
             "Ủy ban nhân dân tỉnh quyết định hỗ trợ 38.000 đồng/kg lợn hơi bị tiêu hủy do dịch tả lợn châu Phi tại huyện Nam Mỹ."),
            ("Công bố hết dịch tả lợn châu Phi tại huyện Nam Mỹ",
             "Sau 21 ngày không phát sinh ổ dịch mới, huyện Nam Mỹ đã công bố hết dịch tả lợn châu Phi."),
            ("Tái đàn an toàn sau dịch",
             "Nhiều hộ chăn nuôi ở huyện Nam Mỹ đã tái đàn theo hướng an toàn sinh học sau đợt dịch tả lợn châu Phi."),
        ),
        facts=(
            "Theo {P}, {N} xuất phát từ việc một hộ dân mua lợn giống không rõ nguồn gốc từ tỉnh khác về nuôi.",
            "Tính đến nay, {N} đã xuất hiện tại 42 hộ ở 6 xã, buộc phải tiêu hủy hơn 1.800 con lợn.",
            "Ngành thú y đã phun khử trùng, tiêu độc toàn bộ khu vực chuồng trại trong vùng dịch.",
            "Nhiều hộ chăn nuôi ở xã Quảng Hòa lo lắng vì đàn lợn là nguồn thu nhập chính của gia đình.",
            "Huyện Nam Mỹ nghiêm cấm việc buôn bán, vận chuyển lợn và sản phẩm từ lợn ra khỏi vùng dịch.",
            "Các hộ chăn nuôi được khuyến cáo không sử dụng thức ăn thừa chưa qua xử lý nhiệt cho lợn ăn.",
        ),
    ),
    Series(
        key="nha-may-rac-dong-loc", kind="waste-treatment plant",
        district="Hòa Thắng", commune="Đông Lộc", cat="xa-hoi", alt=("kinh-te", "thoi-su"),
        tag="Nhà máy rác Đông Lộc", variants=("nhà máy rác Đông Lộc",),
        generic=("Môi trường", "Rác thải", "Huyện Hòa Thắng", "Ô nhiễm môi trường"),
        names=("Nhà máy xử lý chất thải rắn Đông Lộc", "nhà máy rác Đông Lộc", "nhà máy xử lý rác", "nhà máy"),
        person=("ông Vương Đình Hòe", "Giám đốc Sở Tài nguyên và Môi trường"),
        stages=(
            ("Xây nhà máy xử lý rác công nghệ đốt phát điện",
             "Nhà máy xử lý chất thải rắn Đông Lộc ở huyện Hòa Thắng có công suất 300 tấn rác/ngày, xử lý rác thải sinh hoạt cho cả tỉnh."),
            ("Người dân Đông Lộc lo ngại ô nhiễm từ dự án nhà máy rác",
             "Nhiều hộ dân xã Đông Lộc, huyện Hòa Thắng kiến nghị xem xét lại vị trí đặt nhà máy xử lý rác vì gần khu dân cư và nguồn nước."),
            ("Tham vấn cộng đồng về dự án nhà máy xử lý rác",
             "Chủ đầu tư Nhà máy xử lý chất thải rắn Đông Lộc đã giới thiệu công nghệ xử lý và các biện pháp bảo vệ môi trường với người dân."),
            ("Khởi công nhà máy xử lý chất thải rắn Đông Lộc",
             "Dự án có tổng vốn đầu tư 1.500 tỷ đồng, dự kiến vận hành sau 2 năm."),
            ("Bãi rác tạm quá tải, người dân chặn xe chở rác",
             "Trong lúc chờ nhà máy xử lý rác Đông Lộc hoàn thành, bãi rác tạm của huyện Hòa Thắng đã quá tải, bốc mùi hôi thối."),
            ("Nhà máy rác Đông Lộc vận hành thử nghiệm",
             "Nhà máy bắt đầu tiếp nhận và xử lý 150 tấn rác mỗi ngày trong giai đoạn vận hành thử."),
            ("Khí thải, nước thải nằm trong giới hạn cho phép",
             "Kết quả quan trắc môi trường quanh Nhà máy xử lý chất thải rắn Đông Lộc cho thấy các chỉ số đều đạt quy chuẩn."),
            ("Nhà máy đốt rác phát điện hòa lưới điện quốc gia",
             "Mỗi năm Nhà máy xử lý chất thải rắn Đông Lộc dự kiến phát lên lưới khoảng 60 triệu kWh điện."),
        ),
        facts=(
            "{NF} được xây dựng trên diện tích 12 ha tại thôn Khuổi Phầy, xã Đông Lộc.",
            "Theo {P}, nhà máy áp dụng công nghệ đốt rác phát điện, hạn chế tối đa việc chôn lấp.",
            "Hiện mỗi ngày toàn tỉnh phát sinh khoảng 280 tấn rác thải sinh hoạt, phần lớn được chôn lấp tại các bãi rác tạm.",
            "Người dân thôn Khuổi Phầy đề nghị chủ đầu tư {N} công khai kết quả quan trắc môi trường định kỳ.",
            "Chủ đầu tư {N} cam kết trồng dải cây xanh cách ly rộng 50 m quanh nhà máy.",
            "Bãi rác tạm ở xã Đông Lộc đã tồn tại hơn 10 năm, thường xuyên bốc mùi, ảnh hưởng đến đời sống người dân.",
        ),
    ),
    Series(
        key="hoi-khoe-phu-dong-xi", kind="school sports games",
        district="An Bàn", commune="", cat="the-thao", alt=("giao-duc", "thoi-su"),
        tag="Hội khỏe Phù Đổng", variants=("Hội khoẻ Phù Đổng",),
        generic=("Thể thao", "Giáo dục", "Học sinh"),
        names=("Hội khỏe Phù Đổng tỉnh lần thứ XI", "Hội khỏe Phù Đổng", "Hội khỏe", "đại hội thể thao học sinh"),
        person=("ông Đặng Văn Trường", "Giám đốc Sở Giáo dục và Đào tạo, Trưởng Ban Tổ chức"),
        stages=(
            ("Ban hành điều lệ Hội khỏe Phù Đổng tỉnh lần thứ XI",
             "Hội khỏe Phù Đổng tỉnh lần thứ XI có 12 môn thi đấu, dành cho học sinh từ tiểu học đến trung học phổ thông."),
            ("Các huyện tuyển chọn vận động viên học sinh",
             "Nhiều huyện đã tổ chức hội khỏe cấp huyện để tuyển chọn những vận động viên xuất sắc nhất dự Hội khỏe Phù Đổng tỉnh."),
            ("Khai mạc Hội khỏe Phù Đổng tỉnh lần thứ XI",
             "Gần 2.000 vận động viên là học sinh của 11 huyện, thành phố tham gia tranh tài tại huyện An Bàn."),
            ("Điền kinh và bơi lội sôi động ngày thi đấu đầu tiên",
             "Ngày thi đấu đầu tiên của Hội khỏe Phù Đổng, đoàn thành phố dẫn đầu bảng tổng sắp với 12 huy chương vàng."),
            ("Phát hiện vận động viên thi đấu sai tuổi",
             "Ban Tổ chức Hội khỏe Phù Đổng tỉnh đã hủy kết quả thi đấu của 3 vận động viên khai sai năm sinh ở môn bóng bàn."),
            ("Bế mạc Hội khỏe Phù Đổng tỉnh lần thứ XI",
             "Đoàn thành phố giành vị trí nhất toàn đoàn, đoàn huyện An Bàn xếp thứ hai."),
            ("Chọn đội tuyển tỉnh dự Hội khỏe Phù Đổng toàn quốc",
             "Sở Giáo dục và Đào tạo đã lựa chọn 68 vận động viên xuất sắc từ Hội khỏe Phù Đổng tỉnh lần thứ XI để tập huấn."),
        ),
        facts=(
            "{NF} do Sở Giáo dục và Đào tạo phối hợp với Sở Văn hóa, Thể thao và Du lịch tổ chức, 4 năm một lần.",
            "Theo {P}, {N} là dịp để kiểm tra, đánh giá chất lượng công tác giáo dục thể chất trong trường học.",
            "Các môn thi đấu gồm điền kinh, bơi lội, bóng đá, bóng bàn, cầu lông, cờ vua, võ cổ truyền và đẩy gậy.",
            "Huyện An Bàn đã sửa sang sân vận động, nhà thi đấu và bố trí chỗ ăn nghỉ miễn phí cho các đoàn vận động viên.",
            "Em Lò Thị Mỷ, học sinh Trường Phổ thông dân tộc nội trú huyện An Bàn, giành 3 huy chương vàng môn điền kinh.",
            "Ban Tổ chức {N} đã bố trí đội ngũ y tế trực tại tất cả các địa điểm thi đấu.",
        ),
        decoys=(
            ("Hội khỏe Phù Đổng huyện Yên Lộc lần thứ VIII thành công tốt đẹp",
             "Hơn 600 học sinh của 25 trường học tham gia tranh tài ở 8 môn thi đấu tại Hội khỏe Phù Đổng huyện Yên Lộc.",
             "Hội khỏe Phù Đổng huyện Yên Lộc được tổ chức định kỳ 2 năm một lần."),
            ("Hội khỏe Phù Đổng thành phố: 1.200 học sinh tranh tài",
             "Hội khỏe Phù Đổng thành phố năm nay có thêm môn cờ vua và kéo co cho học sinh tiểu học.",
             "Phòng Giáo dục và Đào tạo thành phố đã trao 120 bộ huy chương cho các vận động viên xuất sắc."),
            ("Trường THCS Hòa Sơn tổ chức hội khỏe cấp trường",
             "Hội khỏe Phù Đổng cấp trường là sân chơi thể thao bổ ích cho hơn 400 học sinh Trường THCS Hòa Sơn.",
             "Các em học sinh đã tranh tài sôi nổi ở các môn kéo co, nhảy bao bố, chạy tiếp sức."),
        ),
        decoy_tags=("Thể thao", "Giáo dục", "Học sinh", "Hội khỏe Phù Đổng"),
    ),
    Series(
        key="truong-ptdtnt-vinh-tien", kind="new boarding school",
        district="Vĩnh Tiến", commune="Vĩnh Lâm", cat="giao-duc", alt=("kinh-te", "dan-toc-mien-nui"),
        tag="Trường PTDTNT Vĩnh Tiến", variants=("trường PTDTNT Vĩnh Tiến",),
        generic=("Giáo dục", "Trường chuẩn quốc gia", "Dân tộc thiểu số", "Huyện Vĩnh Tiến"),
        names=("Trường Phổ thông dân tộc nội trú THCS và THPT huyện Vĩnh Tiến", "Trường PTDTNT Vĩnh Tiến", "ngôi trường", "trường nội trú"),
        person=("thầy Mã Văn Tường", "Hiệu trưởng Trường PTDTNT Vĩnh Tiến"),
        stages=(
            ("Học sinh nội trú học trong dãy nhà xuống cấp",
             "Các dãy phòng học, phòng ở của Trường Phổ thông dân tộc nội trú huyện Vĩnh Tiến đã xuống cấp nghiêm trọng sau gần 30 năm sử dụng."),
            ("Đầu tư 160 tỷ đồng xây mới Trường PTDTNT Vĩnh Tiến",
             "Ngôi trường mới được xây dựng tại xã Vĩnh Lâm với quy mô 24 lớp học, 700 học sinh nội trú."),
            ("Khởi công xây dựng Trường Phổ thông dân tộc nội trú huyện Vĩnh Tiến",
             "Công trình gồm nhà học, ký túc xá, nhà ăn, nhà đa năng và sân thể thao, dự kiến hoàn thành sau 18 tháng."),
            ("Nhà thầu thi công trường nội trú bị nhắc nhở vì chậm tiến độ",
             "Sau 10 tháng, khối lượng thi công Trường PTDTNT Vĩnh Tiến mới đạt 35%, chủ đầu tư yêu cầu nhà thầu bổ sung nhân lực."),
            ("Trường PTDTNT Vĩnh Tiến chuyển về cơ sở mới",
             "Hơn 600 học sinh đã chuyển về ngôi trường mới khang trang, hiện đại trước thềm năm học mới."),
            ("Ngôi trường mới đạt chuẩn quốc gia",
             "Sau một năm chuyển về cơ sở mới, Trường PTDTNT Vĩnh Tiến đã được công nhận đạt chuẩn quốc gia mức độ 1."),
            ("Học sinh trường nội trú Vĩnh Tiến giành 15 giải học sinh giỏi cấp tỉnh",
             "Đây là kết quả cao nhất từ trước đến nay của nhà trường, trong đó có 2 giải nhất môn Toán và Tiếng Anh."),
        ),
        facts=(
            "{NF} được thành lập năm 1995, là nơi học tập của con em đồng bào Tày, Nùng, Dao, Mông trên địa bàn huyện.",
            "Theo {P}, trước đây nhiều phòng ở của học sinh bị thấm dột, mùa đông gió lùa rất lạnh.",
            "Dự án xây mới {N} có tổng mức đầu tư 160 tỷ đồng từ nguồn Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số.",
            "Khuôn viên {N} rộng hơn 3 ha, có đầy đủ phòng học bộ môn, thư viện, phòng máy tính.",
            "Mỗi học sinh nội trú được Nhà nước hỗ trợ học bổng bằng 80% mức lương cơ sở mỗi tháng.",
            "Tỷ lệ học sinh của {N} đỗ tốt nghiệp THPT nhiều năm liền đạt 100%.",
        ),
    ),
    Series(
        key="ngo-doc-pa-hoc", kind="mass food poisoning",
        district="Kim Tiến", commune="Mường Tiến", cat="y-te", alt=("thoi-su", "quoc-phong-an-ninh"),
        tag="Ngộ độc thực phẩm Mường Tiến", variants=("ngộ độc thực phẩm Mường Tiến",),
        generic=("An toàn thực phẩm", "Y tế", "Huyện Kim Tiến"),
        names=("vụ ngộ độc thực phẩm sau đám cưới ở bản Pá Hốc", "vụ ngộ độc ở Mường Tiến", "vụ ngộ độc", "vụ ngộ độc tập thể"),
        person=("bác sĩ Sầm Văn Lịch", "Giám đốc Trung tâm Y tế huyện Kim Tiến"),
        stages=(
            ("Hơn 70 người nhập viện sau khi ăn cỗ cưới",
             "Sau khi dự đám cưới tại bản Pá Hốc, xã Mường Tiến, huyện Kim Tiến, nhiều người có biểu hiện đau bụng, nôn, tiêu chảy."),
            ("Vụ ngộ độc ở Mường Tiến: Một bệnh nhân tử vong",
             "Một bệnh nhân 67 tuổi đã tử vong tại Bệnh viện Đa khoa tỉnh, số người phải điều trị sau đám cưới ở bản Pá Hốc tăng lên 94 người."),
            ("Xác định nguyên nhân vụ ngộ độc tập thể ở Kim Tiến",
             "Kết quả xét nghiệm mẫu thức ăn cho thấy món tiết canh và nộm rau rừng nhiễm vi khuẩn Salmonella."),
            ("Bệnh nhân vụ ngộ độc lần lượt xuất viện",
             "Đến nay, 89 bệnh nhân trong vụ ngộ độc ở bản Pá Hốc đã sức khỏe ổn định và được xuất viện."),
            ("Đưa an toàn thực phẩm vào hương ước thôn, bản",
             "Sau vụ ngộ độc ở bản Pá Hốc, huyện Kim Tiến yêu cầu các thôn, bản đưa nội dung an toàn thực phẩm trong đám cưới, đám giỗ vào hương ước."),
            ("Xử phạt người nấu cỗ trong vụ ngộ độc ở bản Pá Hốc",
             "Thanh tra Sở Y tế xử phạt hành chính người nhận nấu cỗ cưới vì vi phạm quy định về an toàn thực phẩm."),
        ),
        facts=(
            "Theo {P}, {N} có tổng cộng 94 người phải điều trị, trong đó nhiều người là trẻ em và người cao tuổi.",
            "Bữa cỗ cưới có khoảng 300 thực khách, gồm nhiều món như thịt lợn, tiết canh, nộm rau rừng và rượu ngô.",
            "Trung tâm Y tế huyện Kim Tiến đã điều động 3 kíp y, bác sĩ cùng xe cứu thương lên bản Pá Hốc cấp cứu người bệnh.",
            "Mẫu thức ăn còn lại của {N} đã được niêm phong, gửi Trung tâm Kiểm soát bệnh tật tỉnh xét nghiệm.",
            "Chính quyền xã Mường Tiến đã đến thăm hỏi, hỗ trợ gia đình người tử vong 10 triệu đồng.",
            "Ngành y tế khuyến cáo người dân không ăn tiết canh, các món ăn sống và chỉ sử dụng thực phẩm có nguồn gốc rõ ràng.",
        ),
    ),
    Series(
        key="sap-nhap-xa-thai-hoa", kind="merger of two communes",
        district="Yên Lộc", commune="Yên Thành", cat="chinh-tri", alt=("thoi-su", "xa-hoi"),
        tag="Sáp nhập xã Thái Hòa", variants=("Sáp nhập xã Thái Hoà",),
        generic=("Sắp xếp đơn vị hành chính", "Cải cách hành chính", "Huyện Yên Lộc", "HĐND tỉnh"),
        names=("việc sáp nhập xã Yên Thành và xã Yên Điền thành xã Thái Hòa", "việc sáp nhập xã", "việc sáp nhập",
               "đề án sắp xếp đơn vị hành chính cấp xã"),
        person=("ông Lê Văn Khởi", "Bí thư Đảng ủy xã Thái Hòa"),
        stages=(
            ("Yên Lộc xây dựng đề án sáp nhập hai xã Yên Thành và Yên Điền",
             "Hai xã Yên Thành và Yên Điền đều chưa đạt tiêu chuẩn về diện tích và dân số nên thuộc diện phải sắp xếp."),
            ("Lấy ý kiến cử tri về việc sáp nhập xã",
             "Hơn 96% cử tri hai xã Yên Thành, Yên Điền đồng ý với phương án sáp nhập và tên gọi mới là xã Thái Hòa."),
            ("HĐND tỉnh thông qua nghị quyết sắp xếp đơn vị hành chính cấp xã",
             "Theo nghị quyết, huyện Yên Lộc giảm từ 18 xuống còn 16 đơn vị hành chính cấp xã, trong đó có xã Thái Hòa mới."),
            ("Xã Thái Hòa chính thức đi vào hoạt động",
             "Sau khi sáp nhập, xã Thái Hòa có diện tích gần 48 km2, dân số hơn 11.000 người."),
            ("Bố trí cán bộ dôi dư sau sáp nhập",
             "Xã Thái Hòa hiện dôi dư 14 cán bộ, công chức, huyện Yên Lộc đang có lộ trình sắp xếp trong 5 năm."),
            ("Người dân gặp khó khi làm thủ tục đổi giấy tờ",
             "Nhiều người dân phản ánh phải đi xa hơn để làm thủ tục tại trụ sở mới của xã Thái Hòa."),
            ("Đại hội Đảng bộ xã Thái Hòa lần thứ nhất",
             "Đây là đại hội đầu tiên của Đảng bộ xã Thái Hòa sau khi sáp nhập hai xã Yên Thành và Yên Điền."),
            ("Xã mới sau sáp nhập ổn định và phát triển",
             "Bộ máy chính quyền xã Thái Hòa đã vận hành thông suốt, các chỉ tiêu kinh tế - xã hội đều đạt kế hoạch."),
        ),
        facts=(
            "Theo {P}, {N} được nhân dân đồng tình ủng hộ vì giúp tinh gọn bộ máy, tiết kiệm ngân sách.",
            "Trụ sở làm việc của xã Thái Hòa được đặt tại trụ sở cũ của xã Yên Thành, trụ sở xã Yên Điền chuyển thành nhà văn hóa.",
            "Tên gọi Thái Hòa được lựa chọn sau khi lấy ý kiến các già làng, người có uy tín và nhân dân hai xã.",
            "Ủy ban nhân dân huyện Yên Lộc chỉ đạo không thu phí đối với các thủ tục chuyển đổi giấy tờ do {N}.",
            "Xã Yên Điền trước đây có 7 thôn, xã Yên Thành có 9 thôn; sau sáp nhập, xã Thái Hòa có 16 thôn.",
            "Nhiều người dân mong muốn bộ phận một cửa của xã Thái Hòa tăng cường tiếp nhận hồ sơ trực tuyến.",
        ),
    ),
    Series(
        key="cam-hoa-son", kind="orange growing area (geographical indication)",
        district="Phú Mỹ", commune="Hòa Sơn", cat="kinh-te", alt=("van-hoa-du-lich", "dan-toc-mien-nui", "xa-hoi"),
        tag="Cam Hòa Sơn", variants=("Cam Hoà Sơn",),
        generic=("Cây ăn quả", "OCOP", "Nông nghiệp", "Huyện Phú Mỹ"),
        names=("cam Hòa Sơn", "sản phẩm cam Hòa Sơn", "cam đặc sản của xã", "quả cam đặc sản"),
        person=("ông Ma Văn Thuấn", "Giám đốc Hợp tác xã Cam Hòa Sơn"),
        stages=(
            ("Được mùa nhưng mất giá, nông dân trồng cam lo lắng",
             "Diện tích cam ở xã Hòa Sơn, huyện Phú Mỹ năm nay cho sản lượng cao nhưng giá bán giảm gần một nửa so với năm trước."),
            ("Xây dựng chỉ dẫn địa lý cho cam Hòa Sơn",
             "Sở Khoa học và Công nghệ phối hợp với huyện Phú Mỹ lập hồ sơ đăng ký chỉ dẫn địa lý cho sản phẩm cam Hòa Sơn."),
            ("Nông dân Hòa Sơn học trồng cam theo tiêu chuẩn VietGAP",
             "Hơn 120 hộ trồng cam ở xã Hòa Sơn tham gia lớp tập huấn sản xuất cam theo quy trình VietGAP."),
            ("Bệnh vàng lá thối rễ tấn công vườn cam",
             "Khoảng 35 ha cam ở xã Hòa Sơn bị bệnh vàng lá thối rễ, nhiều vườn phải chặt bỏ."),
            ("Cam Hòa Sơn được cấp văn bằng bảo hộ chỉ dẫn địa lý",
             "Cục Sở hữu trí tuệ đã cấp giấy chứng nhận đăng ký chỉ dẫn địa lý “Hòa Sơn” cho sản phẩm quả cam."),
            ("Lần đầu tổ chức lễ hội cam ở huyện Phú Mỹ",
             "Lễ hội quảng bá sản phẩm cam Hòa Sơn thu hút hàng nghìn du khách đến tham quan vườn cam, mua sắm nông sản."),
            ("Cam Hòa Sơn lên kệ siêu thị ở Hà Nội",
             "Hợp tác xã Cam Hòa Sơn đã ký hợp đồng cung cấp 200 tấn cam mỗi vụ cho một chuỗi siêu thị tại Hà Nội."),
            ("Sản phẩm cam của hợp tác xã đạt chứng nhận OCOP 4 sao",
             "Sản phẩm cam Hòa Sơn đã được Hội đồng đánh giá cấp tỉnh công nhận đạt OCOP 4 sao."),
        ),
        facts=(
            "Toàn xã Hòa Sơn hiện có hơn 650 ha cam, sản lượng mỗi năm đạt khoảng 9.000 tấn.",
            "Theo {P}, {N} có vị ngọt đậm, vỏ mỏng, múi mọng nước nhờ thổ nhưỡng và khí hậu đặc thù.",
            "Cây cam đã giúp nhiều hộ dân xã Hòa Sơn thoát nghèo, xây được nhà khang trang.",
            "Hợp tác xã Cam Hòa Sơn hiện có 46 thành viên, liên kết với hơn 200 hộ trồng cam trong vùng.",
            "Việc được bảo hộ chỉ dẫn địa lý sẽ giúp nâng cao giá trị, chống hàng giả, hàng nhái {NF}.",
            "Giá cam loại 1 tại vườn dao động từ 18.000 đến 25.000 đồng/kg tùy thời điểm.",
        ),
    ),
    Series(
        key="dien-tap-thanh-ban", kind="defence-zone exercise",
        district="Thanh Bàn", commune="Thanh Mỹ", cat="quoc-phong-an-ninh", alt=("chinh-tri", "thoi-su"),
        tag="Diễn tập khu vực phòng thủ huyện Thanh Bàn", variants=("diễn tập khu vực phòng thủ huyện Thanh Bàn",),
        generic=("Quốc phòng", "Diễn tập", "Dân quân tự vệ", "Huyện Thanh Bàn"),
        names=("cuộc diễn tập khu vực phòng thủ huyện Thanh Bàn", "diễn tập khu vực phòng thủ", "cuộc diễn tập", "diễn tập"),
        person=("Đại tá Lục Văn Kiểm", "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"),
        stages=(
            ("Thanh Bàn triển khai nhiệm vụ diễn tập khu vực phòng thủ",
             "Hội nghị triển khai nhiệm vụ diễn tập khu vực phòng thủ huyện Thanh Bàn đã quán triệt mục đích, yêu cầu và kế hoạch diễn tập."),
            ("Tập huấn cán bộ chủ chốt tham gia diễn tập",
             "Hơn 150 cán bộ chủ chốt của huyện Thanh Bàn và các xã được tập huấn nội dung, phương pháp diễn tập khu vực phòng thủ."),
            ("Diễn tập chuyển trạng thái quốc phòng ở Thanh Bàn",
             "Các lực lượng đã thực hành chuyển địa phương từ thời bình sang thời chiến theo đúng kế hoạch."),
            ("Thực binh chiến đấu phòng thủ tại xã Thanh Mỹ",
             "Phần thực binh diễn ra sôi động với sự tham gia của bộ đội địa phương, công an và dân quân tự vệ các xã."),
            ("Diễn tập khu vực phòng thủ huyện Thanh Bàn thành công tốt đẹp",
             "Đoàn kiểm tra của Quân khu đánh giá cuộc diễn tập đạt loại giỏi, bảo đảm tuyệt đối an toàn."),
            ("Rút kinh nghiệm sau diễn tập khu vực phòng thủ",
             "Hội nghị đã chỉ ra những hạn chế cần khắc phục trong công tác tham mưu và bảo đảm hậu cần của huyện Thanh Bàn."),
            ("Khen thưởng tập thể, cá nhân xuất sắc trong diễn tập khu vực phòng thủ",
             "Ủy ban nhân dân tỉnh tặng Bằng khen cho 12 tập thể và 25 cá nhân có thành tích xuất sắc trong cuộc diễn tập tại huyện Thanh Bàn."),
        ),
        facts=(
            "Theo {P}, {N} nhằm nâng cao năng lực lãnh đạo, chỉ đạo của cấp ủy, chính quyền trong xử lý các tình huống quốc phòng - an ninh.",
            "{NF} huy động hơn 1.200 người tham gia, trong đó có 400 dân quân tự vệ.",
            "Các lực lượng đã thực hành bắn đạn thật, xử lý tình huống bạo loạn, phòng chống cháy rừng và cứu hộ cứu nạn.",
            "Địa điểm thực binh chính được bố trí tại khu vực đồi Cò Noong, xã Thanh Mỹ.",
            "Kinh phí bảo đảm cho {N} khoảng 3 tỷ đồng từ nguồn ngân sách tỉnh và huyện.",
            "Huyện ủy Thanh Bàn đã thành lập Ban Chỉ đạo diễn tập do Bí thư Huyện ủy làm Trưởng ban.",
        ),
        decoys=(
            ("Diễn tập phòng thủ dân sự ứng phó động đất tại huyện Xuân Sơn",
             "Cuộc diễn tập giả định động đất mạnh làm sập nhà, sạt lở đất, nhiều người bị thương ở huyện Xuân Sơn.",
             "Hơn 500 người thuộc các lực lượng quân đội, công an, y tế, chữ thập đỏ tham gia diễn tập phòng thủ dân sự."),
            ("Thành phố hoàn thành diễn tập khu vực phòng thủ",
             "Cuộc diễn tập khu vực phòng thủ thành phố được Bộ Chỉ huy Quân sự tỉnh đánh giá đạt loại khá.",
             "Thành phố đã huy động hơn 800 người tham gia diễn tập khu vực phòng thủ năm nay."),
            ("Diễn tập phương án chữa cháy tại chợ trung tâm huyện Bảo Hà",
             "Công an huyện Bảo Hà phối hợp với ban quản lý chợ tổ chức diễn tập phương án chữa cháy và cứu nạn, cứu hộ.",
             "Tình huống giả định đám cháy xảy ra tại khu hàng khô, lan nhanh sang các ki-ốt bên cạnh."),
        ),
        decoy_tags=("Quốc phòng", "Diễn tập", "Phòng cháy chữa cháy", "Dân quân tự vệ"),
    ),
)


# ---------------------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------------------

SERIES_ID_BASE = 200000
DECOY_ID_BASE = 300000
DAYS_PER_MONTH = 30


@dataclass
class Truth:
    """What run.py needs to score: article id -> group, plus descriptions for the report."""

    group: dict[int, str] = field(default_factory=dict)
    """Series article id -> series key (decoys and unrelated news are absent)."""
    members: dict[str, list[int]] = field(default_factory=dict)
    """Series key -> its article ids, oldest first."""
    decoy_of: dict[int, str] = field(default_factory=dict)
    """Decoy article id -> the series whose title word it shares."""
    tag_form: dict[int, str] = field(default_factory=dict)
    """Series article id -> "tag", "variant" or "none" (how the editor tagged it)."""
    in_main_category: dict[int, bool] = field(default_factory=dict)
    category: dict[int, str] = field(default_factory=dict)
    """Series article id -> its category slug."""
    span_days: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)


class _Filler:
    """Fills a series template from the series' entities with one RNG."""

    def __init__(self, s: Series, r: random.Random, year: int):
        self.s, self.r, self.year = s, r, year

    def __call__(self, template: str) -> str:
        s, r = self.s, self.r
        person = f"{s.person[0]}, {s.person[1]}"
        text = template
        while "{N}" in text:  # each occurrence its own form, as reporters vary it
            text = text.replace("{N}", r.choice(s.names), 1)
        text = text.format(NF=s.names[0], H=s.district, X=s.commune, P=person, Pn=s.person[0], Y=self.year)
        return text[:1].upper() + text[1:]


def _counts(n: int, shares: tuple[float, ...]) -> list[int]:
    """Split n into len(shares) whole parts close to the shares (largest remainders)."""
    raw = [n * x for x in shares]
    parts = [int(x) for x in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)[: n - sum(parts)]:
        parts[i] += 1
    return parts


def _body(gc, r: random.Random, w, slug: str, facts: list[str], lead_first: bool, nimg: int) -> str:
    """250-600 words of gen_corpus-style paragraphs with the series sentences placed among them."""
    target = r.randint(250, 550) - sum(len(f.split()) for f in facts)  # the last sentence may overshoot
    npara = r.randint(4, 8)
    per = max(25, target // npara)
    paras: list[list[str]] = []
    total = 0
    for _ in range(npara):
        sentences, words = [], 0
        while words < per * r.uniform(0.7, 1.3) and total + words < target:
            s = w.sentence()
            sentences.append(s)
            words += len(s.split())
        if not sentences:
            sentences.append(w.sentence())
            words = len(sentences[0].split())
        paras.append(sentences)
        total += words
    while total < target:
        extra = w.sentence()
        paras[r.randrange(len(paras))].append(extra)
        total += len(extra.split())
    rest = list(facts)
    if rest:
        first = rest.pop(0)
        if lead_first:
            paras[0].insert(0, first)
        else:
            paras[1].insert(r.randint(0, len(paras[1])), first)
    for fact in rest:
        p = paras[r.randrange(len(paras))]
        p.insert(r.randint(0, len(p)), fact)
    blocks: list[str] = []
    img_after = {0: 1}
    if nimg > 1:
        img_after[max(1, len(paras) // 2)] = 2
    sub_at = r.randrange(2, len(paras)) if r.random() < 0.3 and len(paras) > 2 else -1
    for i, sentences in enumerate(paras):
        if i == sub_at:
            blocks.append("## " + r.choice(gc.SUBHEADINGS))
        blocks.append(" ".join(sentences))
        if i in img_after:
            blocks.append(f"![](images/{slug}-{img_after[i]}.jpg)")
    return "\n\n".join(blocks) + "\n"


def _article(gc, r: random.Random, aid: int, title: str, when: dt.datetime, cat_slug: str, tags: list[str],
             summary_first: str, facts: list[str], district: str, lead_first: bool) -> dict:
    cat_names = {slug: name for name, slug, _ in gc.CATEGORIES}
    w = gc.Writer(r, cat_slug, when.year)
    if district:
        w.place = district  # the filler's "tại huyện ..." is the story's district, as in real reports
    author = r.choice(gc.AUTHORS)
    base = gc.slugify(title)[:70].rstrip("-")
    slug = f"{base}-{aid}"
    summary = summary_first if r.random() < 0.6 else f"{summary_first} {w.sentence()}"
    nimg = r.choice([1, 1, 2])
    credit_opts = [gc.initials(author), "Ảnh: " + author, "TTXVN", "Tư liệu", "CTV"]
    images = [{"src": f"images/{slug}-{k}.jpg", "caption": w.caption(), "credit": r.choice(credit_opts)}
              for k in range(1, nimg + 1)]
    body = _body(gc, r, w, slug, facts, lead_first, nimg)
    return {
        "id": aid, "slug": slug, "title": title, "date": when, "author": author,
        "category": cat_names[cat_slug], "category_slug": cat_slug, "tags": tags, "summary": summary,
        "images": images, "body": body, "nfd": False,
    }


def _when(gc, r: random.Random, day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, r.randint(6, 22), r.randrange(60), tzinfo=gc.TZ)


def _generic_tags(gc, r: random.Random, pool: tuple[str, ...], cat_slug: str) -> list[str]:
    tags = r.sample(pool, r.randint(1, min(3, len(pool))))
    if r.random() < 0.3:
        t = r.choice(gc.TOPIC_TAGS[cat_slug])
        if t not in tags:
            tags.append(t)
    return tags


def series_articles(gc, seed: int, truth: Truth) -> list[dict]:
    """5-9 articles per series (at most one per stage; 7 on average), plus the decoys; ground truth into `truth`."""
    r = random.Random(f"related-quality-series:{seed}")
    last_day = gc.END - dt.timedelta(days=1)
    arts: list[dict] = []
    next_id = SERIES_ID_BASE
    for s in SERIES:
        n = min(len(s.stages), r.choices((5, 6, 7, 8, 9), weights=(1, 2, 3, 3, 3))[0])
        stages = sorted(r.sample(range(len(s.stages)), n))
        span = r.randint(1, 18) * DAYS_PER_MONTH
        start = gc.START + dt.timedelta(days=r.randrange((last_day - gc.START).days - span + 1))
        offsets = sorted([0] + [r.randint(0, span) for _ in range(n - 1)])
        n_tag, n_var, n_none = _counts(n, (0.4, 0.2, 0.4))
        forms = ["tag"] * n_tag + ["variant"] * n_var + ["none"] * n_none
        r.shuffle(forms)
        n_alt = _counts(n, (0.3, 0.7))[0]
        moved = set(r.sample(range(n), n_alt))
        truth.members[s.key] = []
        truth.span_days[s.key] = offsets[-1]
        truth.kinds[s.key] = s.kind
        for k, (stage, offset) in enumerate(zip(stages, offsets)):
            aid = next_id
            next_id += 1
            when = _when(gc, r, start + dt.timedelta(days=offset))
            fill = _Filler(s, r, when.year)
            cat = r.choice(s.alt) if k in moved else s.cat
            tags = _generic_tags(gc, r, s.generic, cat)
            if forms[k] == "tag":
                tags.insert(r.randrange(len(tags) + 1), s.tag)
            elif forms[k] == "variant":
                tags.insert(r.randrange(len(tags) + 1), r.choice(s.variants))
            title, sapo = s.stages[stage]
            facts = [fill(f) for f in r.sample(s.facts, r.randint(2, min(5, len(s.facts))))]
            lead_first = r.random() < 0.7
            arts.append(_article(gc, r, aid, fill(title), when, cat, tags, fill(sapo), facts,
                                 s.district, lead_first))
            truth.group[aid] = s.key
            truth.members[s.key].append(aid)
            truth.tag_form[aid] = forms[k]
            truth.in_main_category[aid] = k not in moved
            truth.category[aid] = cat
    next_id = DECOY_ID_BASE
    for s in SERIES:
        for title, sapo, fact in s.decoys:
            aid = next_id
            next_id += 1
            day = gc.START + dt.timedelta(days=r.randrange((last_day - gc.START).days + 1))
            when = _when(gc, r, day)
            district = r.choice(gc.DISTRICTS)
            tags = _generic_tags(gc, r, s.decoy_tags or s.generic[:2], s.cat)
            if r.random() < 0.3:
                tags.append("Huyện " + district)
            arts.append(_article(gc, r, aid, title, when, s.cat, tags, sapo, [fact], district, r.random() < 0.7))
            truth.decoy_of[aid] = s.key
    return arts


def build_corpus(gc, seed: int, unrelated: int) -> tuple[list[dict], Truth]:
    """gen_corpus's unrelated articles 0..unrelated-1, then the series, then the decoys."""
    truth = Truth()
    arts = [gc.make_article(seed, i) for i in range(unrelated)]
    arts += series_articles(gc, seed, truth)
    ids = [a["id"] for a in arts]
    slugs = [a["slug"] for a in arts]
    assert len(set(ids)) == len(ids) and len(set(slugs)) == len(slugs), "article ids and slugs must be unique"
    return arts, truth
