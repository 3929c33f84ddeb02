""""Chuyên mục khác": the people and places an article's title and sapo name are what it is about.

Newsrooms reuse headlines and write the same kind of report about every district; a body names the
province's other districts and officials in passing.  Two articles whose heads name different
districts, neither naming the other's anywhere, are two matters, however alike their words and
whatever names their bodies share in passing (related_matrix.names_held, Weights.name_conflict)."""

from sitegen.related_features import Weights, headline_names

from test_related import doc, related_articles

NEWS = "Người dân trong tỉnh tiếp tục lao động sản xuất, ổn định đời sống"


def test_the_names_of_the_title_and_sapo_are_the_articles_own():
    assert headline_names("Kỳ họp thứ nhất cơ quan dân cử bầu các chức danh chủ chốt",
                          "Tại kỳ họp thứ nhất, HĐND huyện Thanh Bàn khóa mới đã bầu đồng chí Lục Công Páo.") \
        == ["thanh bàn", "lục công", "công páo"]


def test_the_same_report_about_another_district_ranks_below_this_districts_own_story_though_their_bodies_share_a_name():
    # The Thanh Bàn council's first session names no place in its title, only in its sapo; the Vĩnh
    # Yên council's, a month later, is worded closer to it than this story's next article is.  Both
    # bodies name huyện Phú Điền in passing: before, that one shared name was enough for the
    # ranking to take the other district's session for this story.
    docs = [
        doc("Kỳ họp thứ nhất cơ quan dân cử bầu các chức danh chủ chốt", day=100,
            summary="Tại kỳ họp thứ nhất, HĐND huyện Thanh Bàn khóa mới đã bầu đồng chí Lục Công Páo giữ chức "
                    "Chủ tịch HĐND huyện.",
            body="Các đại biểu thảo luận thẳng thắn, dân chủ. Cùng ngày, đoàn công tác của tỉnh làm việc tại "
                 "huyện Phú Điền về công tác giảm nghèo."),
        doc("HĐND huyện Thanh Bàn: Chủ tịch trả lời chất vấn về chậm giải ngân vốn đầu tư công", day=130,
            summary="Tại kỳ họp, đồng chí Lục Công Páo, Chủ tịch HĐND huyện Thanh Bàn, trả lời chất vấn của "
                    "các đại biểu.", body=NEWS),
        doc("Kỳ họp thứ nhất HĐND huyện Vĩnh Yên bầu các chức danh chủ chốt", day=160,
            summary="HĐND huyện Vĩnh Yên khóa mới bầu đồng chí Đỗ Minh Cường làm Chủ tịch HĐND huyện.",
            body="Đại biểu đề nghị sửa đường, cấp nước sạch cho các thôn. Cùng ngày, đoàn công tác của tỉnh làm "
                 "việc tại huyện Phú Điền về công tác giảm nghèo."),
        doc("HĐND huyện Vĩnh Yên: Thông qua 8 nghị quyết tại kỳ họp cuối năm", day=300,
            summary="Kỳ họp của HĐND huyện Vĩnh Yên bế mạc sau hai ngày làm việc.", body=NEWS),
        *[doc(f"Tin nông nghiệp số {i} về mùa vụ", category="kinh-te", day=10 + i) for i in range(8)],
    ]
    assert related_articles(docs, 1)[0] == (1,)


def test_a_district_named_in_many_articles_still_tells_its_story_from_the_next_districts():
    # In a real archive a district's name is in hundreds of articles, too many to be a feature of
    # the text; it is still what tells the Thanh Bàn story from the same headline about Vĩnh Yên.
    n = 600
    common = Weights().common_floor
    assert common < 50 <= Weights().names_fraction * n
    passing = [doc(f"Tin nông nghiệp số {i} về mùa vụ", category="kinh-te", day=10 + i % 90,
                   body=f"Người dân huyện {'Thanh Bàn' if i % 2 else 'Vĩnh Yên'} tiếp tục lao động sản xuất.")
               for i in range(2 * 50)]
    docs = [
        doc("Huyện Thanh Bàn: Nông sản vùng cao khó tìm đầu ra", day=400,
            summary="Nhiều hợp tác xã ở huyện Thanh Bàn chưa tìm được nơi bán mật ong bạc hà."),
        doc("Đưa mật ong bạc hà lên sàn thương mại điện tử", day=412,
            summary="Nông sản vùng cao khó tìm đầu ra, các hợp tác xã huyện Thanh Bàn mở gian hàng trực tuyến."),
        doc("Huyện Vĩnh Yên: Nông sản vùng cao khó tìm đầu ra", day=404,
            summary="Nhiều hợp tác xã ở huyện Vĩnh Yên chưa tìm được nơi bán chè shan tuyết."),
        doc("Vĩnh Yên mở phiên chợ chè shan tuyết", day=406,
            summary="Nông sản vùng cao khó tìm đầu ra, các hợp tác xã huyện Vĩnh Yên mở phiên chợ đầu tiên."),
        *passing,
        *[doc(f"Bản tin thời tiết số {i}", category="thoi-su", day=500 + i % 300, body=f"Trời nắng, nhiệt độ {i % 40} độ.")
          for i in range(n - 4 - len(passing))],
    ]
    shown = related_articles(docs, 1)
    assert shown[0] == (1,)
    assert shown[2] == (3,)
