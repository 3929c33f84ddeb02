""""Chuyên mục khác": the rules of the ranking, on the module itself and through a real build."""

import numpy as np

from sitegen.related import related_articles as rank
from sitegen.related_features import FeatureTable, RelatedDoc, names_in, text_features
from sitegen.related_reasons import feature_phrases

from conftest import article

FILLER = "Người dân trong tỉnh tiếp tục lao động sản xuất, ổn định đời sống"


def doc(title, category="a", tags=(), body=FILLER, summary="", day=1):
    return text_features(title, summary, body), RelatedDoc(tuple(tags), category, float(day * 86400))


def feature_table(features):
    """The table the read stage makes from the cache, made from features in memory."""
    offsets = np.concatenate(([0], np.cumsum([len(f.codes) for f in features], dtype=np.int64)))
    if not features:
        return FeatureTable(np.empty(0, np.uint64), np.empty(0, np.float32), offsets)
    return FeatureTable(np.concatenate([f.codes for f in features]).astype(np.uint64, copy=False),
                        np.concatenate([f.counts for f in features]).astype(np.float32, copy=False), offsets)


def related_articles(docs, count):
    return rank([d for _, d in docs], feature_table([t for t, _ in docs]), count)


def test_never_itself_and_exactly_count_when_enough_articles():
    docs = [doc(f"Tin {i}", day=i) for i in range(10)]
    result = related_articles(docs, 6)
    for i, chosen in enumerate(result):
        assert len(chosen) == 6 and i not in chosen and len(set(chosen)) == 6


def test_small_sites_show_what_exists():
    assert related_articles([doc("Một")], 6) == [()]
    assert related_articles([doc("Một"), doc("Hai")], 6) == [(1,), (0,)]
    assert related_articles([doc("Một"), doc("Hai")], 0) == [(), ()]


def test_shared_words_of_an_event_beat_unrelated_news():
    docs = [
        doc("Khai mạc Đại hội Đảng bộ huyện Tu Mơ Rông lần thứ VIII", day=10),
        doc("Bế mạc Đại hội Đảng bộ huyện Tu Mơ Rông, bầu Ban Chấp hành mới", day=11),
        *[doc(f"Tin nông nghiệp số {i} về mùa vụ", day=20 + i) for i in range(8)],
    ]
    assert related_articles(docs, 3)[0][0] == 1


def test_rare_tags_count_more_than_common_ones():
    common = "Nông nghiệp"
    docs = [doc("Bài gốc", tags=(common, "cầu treo ia h'drai"), day=1)]
    docs.append(doc("Chung thẻ hiếm", tags=("cầu treo ia h'drai",), day=2))
    docs += [doc(f"Chung thẻ phổ biến {i}", tags=(common,), day=3 + i) for i in range(6)]
    assert related_articles(docs, 1)[0] == (1,)


def test_same_category_is_preferred_when_relatedness_is_equal():
    docs = [
        doc("Bài gốc", category="kinh-te", tags=("cà phê",), day=1),
        doc("Khác chuyên mục", category="xa-hoi", tags=("cà phê",), day=5),
        doc("Cùng chuyên mục", category="kinh-te", tags=("cà phê",), day=2),
    ]
    assert related_articles(docs, 2)[0] == (2, 1)


def test_ties_go_to_the_nearer_in_time_then_the_newer_article_and_results_are_deterministic():
    docs = [doc("Gốc", tags=("x",), day=5)] + [doc(f"Bài {d}", tags=("x",), day=d) for d in (1, 9, 3, 7)]
    first = related_articles(docs, 4)
    assert first[0] == (4, 3, 2, 1)  # days 7 and 3 (two days away, the newer first), then 9 and 1
    assert related_articles(list(docs), 4) == first


def test_unrelated_articles_are_filled_from_the_same_category_newest_first():
    docs = [
        doc("Gốc", category="a", body="", day=1),
        doc("Cũ cùng mục", category="a", body="", day=2),
        doc("Mới cùng mục", category="a", body="", day=9),
        doc("Mới nhất mục khác", category="b", body="", day=10),
    ]
    assert related_articles(docs, 3)[0] == (2, 1, 3)


def test_built_pages_link_related_articles_but_never_unpublished_ones(make_site):
    series = "Cầu treo dân sinh Ia H'Drai"
    site = make_site({
        "content/a.md": article(title=f"Khởi công {series}", date="2024-01-01", tags='["cầu treo"]'),
        "content/b.md": article(title=f"Hoàn thành {series}", date="2024-03-01", tags='["cầu treo"]'),
        "content/c.md": article(title=f"Nghiệm thu {series}", date="2024-04-01", draft="true", tags='["cầu treo"]'),
        "content/d.md": article(title=f"Khánh thành {series}", date="2027-01-01", tags='["cầu treo"]'),
        "content/e.md": article(title="Giải bóng đá thiếu niên", date="2024-02-01", category="Kinh tế"),
    }, related_count=3)
    built = site.build()
    page = built.html("thoi-su/khoi-cong-cau-treo-dan-sinh-ia-hdrai-202401010000/")
    links = [a.get_text() for a in page.select("aside.related .teaser-title a")]
    assert links[0] == f"Hoàn thành {series}"
    assert f"Nghiệm thu {series}" not in links and f"Khánh thành {series}" not in links
    assert f"Khởi công {series}" not in links
    assert len(links) == 2


def test_a_storys_own_place_names_beat_the_words_of_another_search_for_the_missing():
    # The search in Mường Lộc and the flood there share the commune's name, only in their sapos;
    # a search on another river shares the words of every search ("tìm kiếm", "mất tích").
    docs = [
        doc("Tiếp tục tìm kiếm 2 người mất tích sau lũ", summary="Cứu hộ vẫn tìm kiếm ở xã Mường Lộc, huyện Bắc Khương.",
            day=100),
        doc("Lũ cuốn trôi 12 ngôi nhà", summary="Đêm qua, lũ về bất ngờ ở xã Mường Lộc, huyện Bắc Khương.", day=99),
        doc("Tìm kiếm người mất tích trên sông", summary="Một người dân bị nước cuốn khi qua sông ở xã Ia Tơi.", day=101),
        *[doc(f"Tin nông nghiệp số {i} về mùa vụ", category="kinh-te", summary=f"Xã {i} vào vụ.", day=10 + i)
          for i in range(8)],
    ]
    assert related_articles(docs, 2)[0] == (1, 2)


def test_the_capitalised_names_of_posts_and_bodies_are_not_the_name_of_a_story():
    # Vietnamese capitalises "Ban Chấp hành", "Phó Trưởng Ban", "Tỉnh ủy", "UBND": every meeting has
    # them, so as names (counted double) they would tie every meeting to every other.
    text = ("Ban Chấp hành Đảng bộ xã Ia Dom họp. Phó Trưởng Ban Tuyên giáo Tỉnh ủy, Phó Chủ tịch UBND "
            "huyện Tu Mơ Rông dự; đồng chí Trương Quốc Bảo phát biểu.")
    assert names_in(text) == ["ia dom", "tu mơ", "mơ rông", "trương quốc", "quốc bảo"]


def test_the_kind_of_a_school_is_no_name_so_two_schools_merged_are_two_stories():
    # "Trường TH và THCS", "Trường Mầm non": the frame of every school story.  As names they were
    # shared by the merger of the Lũng Hồ school and that of the Đồng Bằng one, and the ranking took
    # the two for one story (no names in conflict).
    assert names_in("Sáp nhập Trường TH và THCS Lũng Hồ với Trường Mầm non Hoa Sen.") == ["thcs lũng", "lũng hồ", "hoa sen"]
    assert names_in("Trường PTDTBT Tiểu học Xuân Trường khai giảng.") == ["xuân trường"]


def test_the_newsrooms_stock_phrases_do_not_make_the_sports_congress_part_of_the_party_congress():
    # Both congresses open with "Khai mạc ... lần thứ", a speech and "sáng nay"; the party congress's
    # next article shares its own words (Ban Chấp hành, Bí thư, XVII) and its Secretary's name.
    docs = [
        doc("Khai mạc Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII", category="thoi-su",
            summary="Sáng nay, 450 đại biểu dự phiên khai mạc.",
            body="Đồng chí Trương Quốc Bảo, Bí thư Tỉnh ủy, đọc diễn văn khai mạc. " + FILLER, day=100),
        doc("Bầu Ban Chấp hành Đảng bộ khóa mới", category="chinh-tri",
            summary="Các đại biểu đã bầu 53 đồng chí vào Ban Chấp hành.",
            body="Đồng chí Trương Quốc Bảo tái đắc cử Bí thư. Đây là nhiệm kỳ XVII. " + FILLER, day=102),
        doc("Khai mạc Đại hội Thể dục thể thao tỉnh lần thứ X", category="thoi-su",
            summary="Sáng nay, 1.200 vận động viên dự lễ khai mạc đại hội.",
            body="Ông Lê Văn Hòa, Giám đốc Sở, đọc diễn văn khai mạc. " + FILLER, day=101),
        *[doc(f"Tin nông nghiệp số {i} về mùa vụ", category="kinh-te", day=10 + i) for i in range(8)],
    ]
    assert related_articles(docs, 2)[0] == (1, 2)


def test_two_words_on_either_side_of_a_full_stop_or_a_comma_are_no_phrase_of_the_article():
    # What `sitegen related` shows an editor as shared words: "... văn hóa thôn. Làng ..." says no
    # "thôn làng" (such a pair was among those that linked the sample's article on the XVII
    # resolution to a vaccination drive).
    body = "Công trình có sáu phòng học và nhà văn hóa thôn. Làng Đăk Ang góp 200 ngày công, vật liệu."
    phrases = set(feature_phrases("Khánh thành trường mầm non", "", body).values())
    assert {"văn hóa", "hóa thôn", "ngày công", "mầm non"} <= phrases
    assert not phrases & {"thôn làng", "công vật"}


def test_the_words_of_the_first_sentence_count_more_than_those_further_down():
    # News says what happened first: the article sharing the lede's words (its first 40 or so) is
    # the same story; the one sharing a few more words of a later paragraph is not.
    lede = "Công trình thủy lợi cấp nước tưới cho cánh đồng lúa của xóm núi được khởi công"
    later = "Người trồng còn xen canh cà phê với cây mắc ca trên những quả đồi thấp quanh hồ nước trong xanh"
    docs = [
        doc("Tin địa phương", day=100, body=f"{lede}. " + ". ".join([FILLER] * 3) + f". {later}."),
        doc("Tin nông vụ", day=101, body=f"{later}. {FILLER}"),
        doc("Tin tuần này", day=101, body=f"{lede}. {FILLER}"),
        *[doc(f"Tin nông nghiệp số {i} về mùa vụ", category="kinh-te", day=10 + i) for i in range(8)],
    ]
    assert related_articles(docs, 1)[0] == (2,)


def test_of_two_articles_as_related_the_one_from_the_same_weeks_comes_first():
    # The same commune's bridge three years later is newer, which alone would put it first.
    docs = [
        doc("Khởi công cầu treo Ia Tơi", tags=("cầu treo ia tơi",), day=1000),
        doc("Hoàn thành cầu treo Ia Tơi", tags=("cầu treo ia tơi",), day=1020),
        doc("Sửa chữa cầu treo Ia Tơi", tags=("cầu treo ia tơi",), day=2100),
        *[doc(f"Tin nông nghiệp số {i} về mùa vụ", category="kinh-te", day=10 + i) for i in range(8)],
    ]
    assert related_articles(docs, 2)[0] == (1, 2)


def test_the_same_kind_of_event_worded_alike_in_another_year_ranks_below_this_storys_own_articles():
    # Each dengue season reads much the same; the story is this commune's outbreak, a month on.
    docs = [
        doc("Sốt xuất huyết tăng mạnh ở xã Đăk Rơ Nga, ngành y tế phun hóa chất diệt muỗi", day=2000,
            summary="Trung tâm Y tế huyện ghi nhận 30 ca mắc trong tháng, nhiều nhất ở các thôn ven suối."),
        doc("Đăk Rơ Nga: thêm 12 ca sốt xuất huyết, trường học tổng vệ sinh", day=2030,
            summary="Xã Đăk Rơ Nga vận động người dân dọn lăng quăng quanh nhà."),
        doc("Sốt xuất huyết tăng mạnh ở xã Ia Chim, ngành y tế phun hóa chất diệt muỗi", day=2000 - 2 * 365,
            summary="Trung tâm Y tế thành phố ghi nhận 25 ca mắc trong tháng, nhiều nhất ở các thôn ven sông."),
        *[doc(f"Tin nông nghiệp số {i} về mùa vụ", category="kinh-te", day=10 + i) for i in range(8)],
    ]
    assert related_articles(docs, 2)[0] == (1, 2)


def test_the_same_headline_about_another_district_ranks_below_this_districts_own_story():
    # Newsrooms reuse headlines: the other district's article shares almost every word of this one's
    # title and sapo, the next article of this story fewer; what tells them apart is the names.
    docs = [
        doc("Huyện Xuân Sơn: Nông sản vùng cao khó tìm đầu ra", day=100,
            summary="Nhiều hợp tác xã ở huyện Xuân Sơn chưa tìm được nơi bán mật ong bạc hà."),
        doc("Đưa mật ong bạc hà lên sàn thương mại điện tử", day=112,
            summary="Các hợp tác xã huyện Xuân Sơn mở gian hàng trực tuyến."),
        doc("Huyện Tây Châu: Nông sản vùng cao khó tìm đầu ra", day=104,
            summary="Nhiều hợp tác xã ở huyện Tây Châu chưa tìm được nơi bán chè shan tuyết."),
        doc("Tây Châu mở phiên chợ chè shan tuyết", day=106, summary="Phiên chợ đầu tiên của huyện Tây Châu."),
        *[doc(f"Tin nông nghiệp số {i} về mùa vụ", category="kinh-te", day=10 + i) for i in range(8)],
    ]
    assert related_articles(docs, 1)[0] == (1,)
    assert related_articles(docs, 1)[2] == (3,)


def test_the_same_category_never_wins_over_a_clearly_closer_story_from_another_category():
    docs = [
        doc("Khởi công đường tỉnh 676 qua huyện Ia H'Drai", category="kinh-te",
            summary="Tuyến đường dài 42 km nối trung tâm huyện với các xã biên giới.", day=100),
        doc("Thông xe đường tỉnh 676", category="kinh-te", summary="Xe đã qua được cầu mới ở xã Ia Tơi.", day=99),
        doc("Đường tỉnh 676 qua huyện Ia H'Drai: người dân hiến đất", category="xa-hoi",
            summary="Tuyến đường dài 42 km nối trung tâm huyện với các xã biên giới cần thêm mặt bằng.", day=98),
        *[doc(f"Tin nông nghiệp số {i} về mùa vụ", category="thoi-su", day=10 + i) for i in range(8)],
    ]
    assert related_articles(docs, 2)[0] == (2, 1)


def test_sitegen_related_shows_an_editor_the_picks_and_why(make_site):
    series = "cầu treo dân sinh Ia Tơi"
    site = make_site({
        "content/a.md": article(title=f"Khởi công {series}", date="2024-01-01 08:00", tags='["Cầu treo"]',
                                body="Cây cầu dài 80 mét nối làng Đăk Răng với trung tâm xã Ia Tơi."),
        "content/b.md": article(title=f"Hoàn thành {series}", date="2024-03-01 08:00", tags='["cầu treo"]',
                                category="Kinh tế", body="Người dân làng Đăk Răng đã qua suối an toàn."),
        "content/c.md": article(title=f"Nghiệm thu {series}", date="2024-04-01 08:00", body="Đoàn nghiệm thu."),
        "content/d.md": article(title="Giải bóng đá thiếu niên", date="2024-02-01 08:00", body="Mười đội bóng."),
    }, related_count=3)
    shown = site.cli("related", "content/a.md")
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    assert out.index(f"Hoàn thành {series}") < out.index(f"Nghiệm thu {series}") < out.index("Giải bóng đá")
    hoan_thanh = out[out.index(f"Hoàn thành {series}"):out.index(f"Nghiệm thu {series}")]
    assert "another category (Kinh tế)" in hoan_thanh and "60 days apart" in hoan_thanh
    assert "shared tags: Cầu treo" in hoan_thanh  # as this article's editor spelled it
    assert "đăk răng" in hoan_thanh and "ia tơi" in hoan_thanh  # the place names they share...
    assert hoan_thanh.count("ia tơi") == 1  # ...each once, though a name counts as a name and as words
    football = out[out.index("Giải bóng đá"):]
    assert "same category (Thời sự)" in football and "filled in" in football
    # the same by slug, from another folder
    assert site.cli("related", "--source", str(site.root), "khoi-cong-cau-treo-dan-sinh-ia-toi").stdout == out


def test_sitegen_related_says_when_a_pick_names_other_people_and_places(make_site):
    site = make_site({
        "content/a.md": article(title="Huyện Xuân Sơn: Nông sản vùng cao khó tìm đầu ra", date="2024-01-01 08:00",
                                body="Nhiều hợp tác xã ở huyện Xuân Sơn chưa tìm được nơi bán mật ong."),
        "content/b.md": article(title="Đưa mật ong lên sàn thương mại điện tử", date="2024-01-09 08:00",
                                body="Các hợp tác xã huyện Xuân Sơn mở gian hàng trực tuyến."),
        "content/c.md": article(title="Huyện Tây Châu: Nông sản vùng cao khó tìm đầu ra", date="2024-01-03 08:00",
                                body="Nhiều hợp tác xã ở huyện Tây Châu chưa tìm được nơi bán chè."),
        "content/d.md": article(title="Tây Châu mở phiên chợ chè", date="2024-01-04 08:00",
                                body="Phiên chợ đầu tiên của huyện Tây Châu."),
    }, related_count=2)
    shown = site.cli("related", "content/a.md")
    assert shown.returncode == 0, shown.stderr
    out = shown.stdout
    mate, other = out[out.index("Đưa mật ong"):out.index("Huyện Tây Châu")], out[out.index("Huyện Tây Châu"):]
    assert out.index("Đưa mật ong") < out.index("Huyện Tây Châu")  # the story's own article first
    assert "counted less: both name people or places, and none of them the same" in other
    assert "counted less" not in mate and "xuân sơn" in mate


def test_sitegen_related_for_a_name_that_is_no_article_says_so(make_site):
    site = make_site({"content/a.md": article(title="Tin một"), "content/b.md": article(title="Tin hai")})
    shown = site.cli("related", "content/khong-co.md")
    assert shown.returncode == 1
    assert "content/khong-co.md: error: names no published article" in shown.stderr
    assert "Traceback" not in shown.stderr and "Build failed" not in shown.stderr


def test_the_explanation_names_what_each_pick_shares_and_adds_up_to_its_score(make_site):
    from conftest import NOW
    from sitegen.build import BuildOptions
    from sitegen.questions import explain_related

    site = make_site({
        "content/a.md": article(title="Khởi công cầu treo Ia Tơi", date="2024-01-01 08:00", tags='["Cầu treo"]'),
        "content/b.md": article(title="Hoàn thành cầu treo Ia Tơi", date="2024-01-11 08:00", tags='["cầu treo"]',
                                category="Kinh tế"),
        "content/c.md": article(title="Giải bóng đá thiếu niên", date="2024-02-01 08:00", body="Mười đội bóng."),
    }, related_count=2)
    shown = explain_related(site.root, "content/a.md", BuildOptions(now=NOW))
    assert shown.article.source == "content/a.md" and shown.category_names["kinh-te"] == "Kinh tế"
    (first, why), (second, filler) = shown.picks
    assert first.source == "content/b.md" and not why.same_category and round(why.days_apart) == 10
    assert dict(why.tags) and list(dict(why.tags)) == ["Cầu treo"]
    words = dict(why.phrases)
    assert {"cầu treo", "ia tơi"} <= set(words) and len(words) == len(why.phrases)
    assert "?" not in words  # every shared feature named: "Ia Tơi" is a name and a word pair, on one line
    parts = [part for _, part in why.phrases]
    assert all(part > 0 for part in parts) and parts == sorted(parts, reverse=True)  # heaviest first
    assert why.phrases[0][0] == "ia tơi"  # the name counts twice
    shared = sum(words.values()) + sum(dict(why.tags).values())
    assert why.score > shared  # ten days apart: nearness adds to what they share, the bonus is not theirs
    assert second.source == "content/c.md" and not filler.phrases and not filler.tags and filler.same_category
