""""Chuyên mục khác" when an article has few real matches: the block is filled with the newest news
of its own category first, and only then with loosely related articles from other categories."""

from conftest import article


def test_few_matches_are_filled_with_same_category_news_before_weak_matches_elsewhere(make_site):
    # Every body is one word, so only tags relate articles.  "Hội chợ" is shared by the market
    # article and the coffee article, but each has four other tags (each shared with its own
    # companion): one tag in five is a weak match, not a reason to show coffee prices under a fair.
    fair_tags = '["Hội chợ", "Gian hàng", "Khai mạc", "Quảng trường", "Du khách"]'
    site = make_site({
        "content/hoi-cho.md": article(title="Khai mạc hội chợ xuân", date="2024-03-01 08:00", body="Hai",
                                      tags=fair_tags),
        "content/hoi-cho-2.md": article(title="Gian hàng đông khách", date="2024-03-02 08:00", body="Ba",
                                        category="Văn hóa - Du lịch",
                                        tags='["Gian hàng", "Khai mạc", "Quảng trường", "Du khách"]'),
        "content/tin-1.md": article(title="Họp báo định kỳ", date="2024-02-10 08:00", body="Bốn"),
        "content/tin-2.md": article(title="Tiếp công dân", date="2024-02-20 08:00", body="Năm"),
        "content/ca-phe.md": article(title="Giá cà phê tăng", date="2024-03-05 08:00", body="Sáu",
                                     category="Kinh tế",
                                     tags='["Hội chợ", "Nông sản", "Xuất khẩu", "Giá cả", "Thu hoạch"]'),
        "content/ca-phe-2.md": article(title="Nông sản vào mùa", date="2024-03-04 08:00", body="Bảy",
                                       category="Kinh tế",
                                       tags='["Nông sản", "Xuất khẩu", "Giá cả", "Thu hoạch"]'),
    }, related_count=3)
    built = site.build()
    page = built.html("thoi-su/khai-mac-hoi-cho-xuan-202403010800/")
    related = [a.get_text() for a in page.select("aside.related .teaser-title a")]
    assert related == ["Gian hàng đông khách", "Tiếp công dân", "Họp báo định kỳ"]


def test_an_article_without_matches_lists_exactly_as_many_as_asked_newest_of_its_category_first(make_site):
    files = {"content/goc.md": article(title="Khai mạc hội chợ xuân", date="2024-03-01 08:00", body="Một")}
    words = ["Họp báo định kỳ", "Tiếp công dân", "Giao ban tuần", "Kiểm tra an toàn", "Trao tặng quà"]
    for day, title in enumerate(words, start=2):
        files[f"content/tin-{day}.md"] = article(title=title, date=f"2024-02-{day:02d} 08:00", body=f"Chữ{day}")
    built = make_site(files, related_count=3).build()
    page = built.html("thoi-su/khai-mac-hoi-cho-xuan-202403010800/")
    related = [a.get_text() for a in page.select("aside.related .teaser-title a")]
    assert related == ["Trao tặng quà", "Kiểm tra an toàn", "Giao ban tuần"]


def test_a_long_article_still_finds_the_next_article_of_its_series(make_site):
    # A long body has far more word pairs than an article keeps for ranking (the most distinctive
    # ones): the headline's words, which count three times, must be among those kept.
    long_body = " ".join(f"đoạn{i}" for i in range(300))
    site = make_site({
        "content/a.md": article(title="Khởi công cầu treo Ia H'Drai", date="2024-01-01", body=long_body),
        "content/b.md": article(title="Hoàn thành cầu treo Ia H'Drai", date="2024-03-01", body="Một"),
        "content/c.md": article(title="Báo cáo tổng hợp", date="2024-02-01", body=long_body, category="Kinh tế"),
        **{f"content/x{i}.md": article(title=f"Tin vắn số {i}", date=f"2024-02-{i + 2:02d}", body=f"Chữ{i}")
           for i in range(4)},
    }, related_count=2)
    built = site.build()
    page = built.html("thoi-su/khoi-cong-cau-treo-ia-hdrai-202401010000/")
    related = [a.get_text() for a in page.select("aside.related .teaser-title a")]
    assert sorted(related) == ["Báo cáo tổng hợp", "Hoàn thành cầu treo Ia H'Drai"]
