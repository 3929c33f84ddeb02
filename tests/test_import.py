"""`sitegen import`: an old site's plain-text page dumps become articles that check, build and show
their photos with credits; importing again is harmless; an editor's changes are never overwritten."""

import io

from PIL import Image

NBSP = "\u00a0"
DUMP = f"""Hồ Đăk Pơ Kô tích nước phục vụ vụ đông xuân

05/03/2021 09:30

Sáng 5/3, Công ty Thủy lợi tỉnh bắt đầu tích nước hồ Đăk Pơ Kô để cấp cho 1.200 ha lúa vụ đông xuân.
Cán bộ công ty kiểm tra cửa xả hồ Đăk Pơ Kô. Ảnh: HN

{NBSP}

Theo kế hoạch, hồ đạt mực nước thiết kế vào cuối tháng 3, sớm hơn năm trước hai tuần.

Nông dân xã Đăk Pxi đã làm đất, chờ nước về. Ảnh: Hoàng Nam

{NBSP}

Ông Y Bình, Giám đốc công ty, cho biết kênh chính đã được nạo vét xong.

Hoàng Nam

Chuyên mục khác

Một bài khác của chuyên mục
"""
OWN_ARTICLE = "---\ntitle: Tin\nslug: tin\ndate: 2024-01-01 08:00\ncategory: Thời sự\n---\n\nBài.\n"
"""An article of the site itself, with its slug pinned (check then has nothing to say of it)."""
SLUG = "ho-dak-po-ko-tich-nuoc-phuc-vu-vu-dong-xuan"
FILE = f"content/kinh-te/2021/{SLUG}.md"
PAGE = f"kinh-te/{SLUG}-202103050930/"


def photo(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1200, 800), colour).save(out, "JPEG", quality=85)
    return out.getvalue()


def importing(make_site, dump=DUMP, photos=True):
    site = make_site({"content/a.md": OWN_ARTICLE})
    site.write("old/ho-dak-po-ko.txt", dump)
    if photos:
        site.write("old-photos/01.jpg", photo((40, 120, 200)))
        site.write("old-photos/02.jpg", photo((200, 160, 40)))
    return site


def test_a_dump_becomes_an_article_that_checks_builds_and_shows_its_photos_with_credits(make_site):
    site = importing(make_site)
    done = site.cli("import", "old", "--category", "Kinh tế", "--photos", "old-photos")
    assert done.returncode == 0, done.stderr
    assert f"imported  {FILE}" in done.stdout and "1 imported" in done.stdout
    checked = site.cli("check")
    assert checked.returncode == 0 and "0 error(s), 0 warning(s)" in checked.stdout, checked.stderr
    page = site.build().html(PAGE)
    assert page.h1.get_text(strip=True) == "Hồ Đăk Pơ Kô tích nước phục vụ vụ đông xuân"
    assert page.select_one("time")["datetime"].startswith("2021-03-05T09:30:00+07:00")  # local time, as the page said
    text = page.select_one("article").get_text(" ", strip=True)
    assert "Sáng 5/3, Công ty Thủy lợi tỉnh bắt đầu tích nước" in text  # the lead, as the sapo
    assert "Hoàng Nam" in text  # the author line
    captions = [c.get_text(" ", strip=True) for c in page.select("article figcaption")]
    assert any("Cán bộ công ty kiểm tra cửa xả hồ Đăk Pơ Kô." in c and "Ảnh: HN" in c for c in captions)
    assert any("Nông dân xã Đăk Pxi đã làm đất, chờ nước về." in c and "Ảnh: Hoàng Nam" in c for c in captions)
    assert "Một bài khác của chuyên mục" not in text  # the old page's related list is not the article's
    written = (site.root / FILE).read_text(encoding="utf-8")
    assert written.index("Theo kế hoạch") < written.index(f"![](images/{SLUG}-2.jpg)") < written.index("Ông Y Bình")


def test_importing_again_changes_nothing_and_an_edited_article_is_kept_unless_forced(make_site):
    site = importing(make_site)
    first = site.cli("import", "old", "-c", "kinh-te", "--photos", "old-photos")
    assert first.returncode == 0, first.stderr
    path = site.root / FILE
    imported = path.read_bytes()
    again = site.cli("import", "old", "-c", "kinh-te", "--photos", "old-photos")
    assert "0 imported, 1 unchanged" in again.stdout and path.read_bytes() == imported
    edited = imported.replace(b"author: Ho\xc3\xa0ng Nam", "author: Hoàng Nam - Thu Hà".encode())
    assert edited != imported
    path.write_bytes(edited)
    kept = site.cli("import", "old", "-c", "kinh-te", "--photos", "old-photos")
    assert kept.returncode == 0 and f"kept      {FILE}" in kept.stdout and "--force" in kept.stdout
    assert path.read_bytes() == edited
    forced = site.cli("import", "old", "-c", "kinh-te", "--photos", "old-photos", "--force")
    assert forced.returncode == 0 and path.read_bytes() == imported


def test_an_editors_article_with_the_same_title_is_left_alone(make_site):
    site = importing(make_site)
    own = site.write(FILE, "---\ntitle: Hồ Đăk Pơ Kô tích nước phục vụ vụ đông xuân\ndate: 2021-03-06 08:00\n"
                           "category: Kinh tế\n---\n\nBài của biên tập viên.\n")
    before = own.read_bytes()
    done = site.cli("import", "old", "-c", "kinh-te", "--photos", "old-photos")
    assert done.returncode == 0, done.stderr
    assert own.read_bytes() == before
    assert (site.root / f"content/kinh-te/2021/{SLUG}-2.md").is_file()


def test_photos_without_files_are_listed_by_check_with_their_captions(make_site):
    site = importing(make_site, photos=False)
    done = site.cli("import", "old/ho-dak-po-ko.txt", "-c", "Kinh tế")
    assert done.returncode == 0, done.stderr
    assert "2 of 2 photos have no file" in done.stdout and "photo files 0/2" in done.stdout
    checked = site.cli("check")
    assert checked.returncode == 0, checked.stderr
    assert "photo 1 of the imported page has no file yet: 'Cán bộ công ty kiểm tra cửa xả hồ Đăk Pơ Kô. Ảnh: HN'" in checked.stderr
    assert "photo 2 of the imported page has no file yet: 'Nông dân xã Đăk Pxi đã làm đất, chờ nước về. Ảnh: Hoàng Nam'" in checked.stderr
    page = site.build().html(PAGE)  # the text is published meanwhile
    assert "Ông Y Bình" in page.select_one("article").get_text()


def test_what_an_old_page_says_never_becomes_markup(make_site):
    hostile = DUMP.replace("Theo kế hoạch, hồ đạt", "<script>alert(1)</script> [bấm](javascript:alert(1)) Theo kế hoạch, hồ đạt")
    hostile = hostile.replace("Ông Y Bình, Giám đốc", "1. Ông Y Bình, Giám đốc")
    hostile = hostile.replace("Hoàng Nam\n\nChuyên", "# Tin nóng {: onclick=alert(1)}\n\nHoàng Nam\n\nChuyên")
    site = importing(make_site, hostile)
    assert site.cli("import", "old", "-c", "kinh-te", "--photos", "old-photos").returncode == 0
    page = site.build().html(PAGE)
    article = page.select_one("article")
    text = article.get_text(" ", strip=True)
    assert "<script>alert(1)</script> [bấm](javascript:alert(1)) Theo kế hoạch" in text  # shown as written
    assert "1. Ông Y Bình" in text and "# Tin nóng {: onclick=alert(1)}" in text
    assert not article.select("script, ol, h2, [onclick]") and not article.select('a[href^="javascript"]')


def test_a_file_that_is_no_dump_gets_a_clear_error_and_nothing_is_written(make_site):
    site = importing(make_site, "Chỉ có một dòng tiêu đề\n\nvà không có ngày đăng\n")
    done = site.cli("import", "old", "-c", "kinh-te")
    assert done.returncode == 1
    assert "old/ho-dak-po-ko.txt:3: error: no date under the title (found 'và không có ngày đăng')" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (site.root / "content" / "kinh-te").exists()
    unknown = site.cli("import", "old", "-c", "Thể thao")
    assert unknown.returncode == 1 and "unknown category 'Thể thao'" in unknown.stderr


WXR = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>Cổng thông tin huyện cũ</title>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:author><wp:author_login>thuha</wp:author_login><wp:author_display_name><![CDATA[Thu Hà]]></wp:author_display_name></wp:author>
  <item>
    <title>Đường vào xã Mô Rai được bê tông hóa</title>
    <link>https://huyencu.example.vn/2019/05/duong-vao-xa-mo-rai/</link>
    <dc:creator>thuha</dc:creator>
    <content:encoded><![CDATA[Sau sáu tháng thi công, 12 km đường từ trung tâm huyện vào xã Mô Rai đã hoàn thành.

[caption id="attachment_13" align="aligncenter" width="800"]<img src="https://huyencu.example.vn/wp-content/uploads/2019/05/mo-rai-2-300x200.jpg" alt="" width="300" height="200" /> Xe chở nông sản chạy trên đường mới. Ảnh: TH[/caption]

<h2>Tít phụ về mùa mưa</h2>

Người dân <a href="javascript:alert(1)">không còn</a> lo cảnh lầy lội mỗi mùa mưa, theo <a href="https://example.vn/tin">tin trước</a>.<script>alert(2)</script>

<iframe src="https://www.youtube.com/embed/abc"></iframe>

Ghi chú của tòa soạn cũ: 5*3 &lt;b&gt;chưa in đậm&lt;/b&gt; [1]

<ul><li>Chiều dài: 12 km</li><li>Kinh phí: 40 tỷ đồng</li></ul>]]></content:encoded>
    <excerpt:encoded><![CDATA[Con đường 12 km vào xã Mô Rai đã được bê tông hóa.]]></excerpt:encoded>
    <wp:post_id>11</wp:post_id>
    <wp:post_date>2019-05-14 16:05:00</wp:post_date>
    <wp:status>publish</wp:status>
    <wp:post_type>post</wp:post_type>
    <category domain="category" nicename="kinh-te"><![CDATA[Kinh tế]]></category>
    <category domain="post_tag" nicename="giao-thong"><![CDATA[Giao thông]]></category>
    <category domain="post_tag" nicename="mo-rai"><![CDATA[Mô Rai]]></category>
    <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>12</wp:meta_value></wp:postmeta>
  </item>
  <item>
    <title>Đoạn đường mới</title>
    <wp:post_id>12</wp:post_id>
    <wp:post_type>attachment</wp:post_type>
    <excerpt:encoded><![CDATA[Đoạn đường mới qua làng Le. Ảnh: TH]]></excerpt:encoded>
    <wp:attachment_url>https://huyencu.example.vn/wp-content/uploads/2019/05/mo-rai-1.jpg</wp:attachment_url>
  </item>
  <item>
    <title>Bản tin chưa đăng</title>
    <link>https://huyencu.example.vn/?p=14</link>
    <dc:creator>khach</dc:creator>
    <content:encoded><![CDATA[Nội dung bản tin.]]></content:encoded>
    <wp:post_id>14</wp:post_id>
    <wp:post_date>2020-01-02 08:00:00</wp:post_date>
    <wp:status>draft</wp:status>
    <wp:post_type>post</wp:post_type>
    <category domain="category" nicename="tin-cu"><![CDATA[Tin cũ]]></category>
  </item>
  <item>
    <title>Bài đã xóa</title>
    <wp:post_id>15</wp:post_id>
    <wp:post_date>2020-01-03 08:00:00</wp:post_date>
    <wp:status>trash</wp:status>
    <wp:post_type>post</wp:post_type>
  </item>
</channel>
</rss>
"""
POST = "content/kinh-te/2019/duong-vao-xa-mo-rai-duoc-be-tong-hoa.md"


def test_a_wordpress_export_becomes_articles_with_their_photos_tags_authors_and_old_addresses(make_site):
    site = make_site({"content/a.md": OWN_ARTICLE})
    site.write("export.xml", WXR)
    site.write("uploads/2019/05/mo-rai-1.jpg", photo((40, 120, 200)))
    site.write("uploads/2019/05/mo-rai-2.jpg", photo((200, 160, 40)))
    done = site.cli("import", "export.xml", "--category", "Thời sự", "--photos", "uploads")
    assert done.returncode == 0, done.stderr
    assert "2 imported" in done.stdout and "export.xml#15 'Bài đã xóa': left out (status 'trash')" in done.stdout
    assert "export.xml#11: a <iframe> was left out" in done.stdout
    written = (site.root / POST).read_text(encoding="utf-8")
    # The old site was another domain: the alias keeps it, and the server files redirect that domain.
    assert "aliases:\n- https://huyencu.example.vn/2019/05/duong-vao-xa-mo-rai/" in written and "- Mô Rai" in written
    assert "javascript:" not in written and "<script" not in written and "alert(2)" not in written
    draft = (site.root / "content/thoi-su/2020/ban-tin-chua-dang.md").read_text(encoding="utf-8")
    assert "draft: true" in draft and "category: Thời sự" in draft  # an unknown old category: the fallback
    assert "aliases" not in draft  # its old address, "/?p=14", is no path of its own
    checked = site.cli("check")
    assert checked.returncode == 0 and "0 error(s)" in checked.stdout, checked.stderr
    built = site.build()
    page = built.html("kinh-te/duong-vao-xa-mo-rai-duoc-be-tong-hoa-201905141605/")
    assert page.select_one("time")["datetime"].startswith("2019-05-14T16:05:00+07:00")
    article = page.select_one("article")
    text = article.get_text(" ", strip=True)
    assert "Thu Hà" in text and "Con đường 12 km vào xã Mô Rai đã được bê tông hóa." in text
    captions = [c.get_text(" ", strip=True) for c in article.select("figcaption")]
    assert any("Đoạn đường mới qua làng Le." in c and "Ảnh: TH" in c for c in captions)  # the featured image
    assert any("Xe chở nông sản chạy trên đường mới." in c and "Ảnh: TH" in c for c in captions)
    assert [h.get_text(strip=True) for h in article.select("h2")][:1] == ["Tít phụ về mùa mưa"]
    assert [li.get_text() for li in article.select(".article-body li")] == ["Chiều dài: 12 km", "Kinh phí: 40 tỷ đồng"]
    assert "không còn" in text and not article.select('a[href^="javascript"], script, iframe')
    assert "Ghi chú của tòa soạn cũ: 5*3 <b>chưa in đậm</b> [1]" in text  # the old text, never markup
    assert article.select_one('a[href="https://example.vn/tin"]').get_text() == "tin trước"
    assert ("https://huyencu.example.vn/2019/05/duong-vao-xa-mo-rai/ "
            "https://example.vn/kinh-te/duong-vao-xa-mo-rai-duoc-be-tong-hoa-201905141605/ 301!") in built.text("_redirects")
    assert not built.exists("thoi-su/ban-tin-chua-dang-202001020800/")  # a draft stays a draft


def test_an_export_with_an_entity_bomb_is_refused_without_expanding_it(make_site):
    site = make_site()
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
            "<rss><channel><title>&lol2;</title></channel></rss>")
    site.write("export.xml", bomb)
    done = site.cli("import", "export.xml", "-c", "Thời sự")
    assert done.returncode == 1 and "export.xml:1: error: the XML declares entities" in done.stderr
    assert "Traceback" not in done.stderr


OLD_PAGE = """<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Nông dân Sa Thầy trúng mùa mì - Báo Cũ</title><meta property="og:title" content="Nông dân Sa Thầy trúng mùa mì"></head>
<body><header><span class="today">Thứ năm, 03/12/2026 06:00</span><nav><a href="/">Trang chủ</a> <a href="/kinh-te/">Kinh tế</a></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/kinh-te/">Kinh tế</a></div>
<article class="detail"><h1 class="title">Nông dân Sa Thầy trúng mùa mì</h1>
<div class="date">Thứ sáu, 12/11/2021 07:45</div>
<div class="sapo">Vụ mì năm nay, nông dân huyện Sa Thầy thu về năng suất cao nhất 5 năm.</div>
<div class="content">
<p>Trên những triền đồi xã Ya Xiêr, người dân tất bật nhổ mì từ sáng sớm.</p>
<table class="image"><tr><td><img src="../uploads/2021/11/mi-1.jpg" alt=""></td></tr>
<tr><td class="image_desc">Nông dân xã Ya Xiêr thu hoạch mì. Ảnh: Q.H</td></tr></table>
<p>Theo ông Nguyễn Văn Tư, năng suất bình quân đạt 30 tấn/ha, giá bán 3.200 đồng/kg.</p>
<figure><img src="https://baocu.example.vn/uploads/2021/11/mi-2.jpg"><figcaption>Xe tải thu mua mì tại ruộng. Ảnh: Q.H</figcaption></figure>
<p>Nhiều hộ đã trả xong nợ vay sau vụ này.</p>
<iframe src="https://www.youtube.com/embed/abc"></iframe>
<div class="share"><a href="https://facebook.com/sharer">Chia sẻ</a></div>
<p style="text-align:right"><strong>Quang Hùng</strong></p>
</div></article>
<aside><h3>Chuyên mục khác</h3><ul><li><a href="/kinh-te/x.html">Giá cà phê hôm nay</a></li></ul></aside>
<footer>Báo Cũ, 2021</footer></body></html>
"""
SAVED = "content/kinh-te/2021/nong-dan-sa-thay-trung-mua-mi.md"


def mirrored(make_site):
    """A `wget --mirror` folder of the paper's old site (the domain it keeps): one article page, its
    two photos, the home page."""
    site = make_site(base_url="https://baocu.example.vn/", files={"content/a.md": OWN_ARTICLE})
    site.write("mirror/baocu.example.vn/tin-tuc/nong-dan-sa-thay-trung-mua-mi.html", OLD_PAGE)
    site.write("mirror/baocu.example.vn/uploads/2021/11/mi-1.jpg", photo((10, 100, 50)))
    site.write("mirror/baocu.example.vn/uploads/2021/11/mi-2.jpg", photo((100, 10, 50)))
    site.write("mirror/baocu.example.vn/index.html", '<html><body><h1>Báo Cũ</h1><a href="kinh-te/">Kinh tế</a></body></html>')
    return site


def test_saved_pages_of_an_old_site_become_articles_with_a_profile_of_its_selectors(make_site):
    site = mirrored(make_site)
    site.write("profile.toml", '[page]\nbody = ".content"\nsapo = ".sapo"\ndate = ".date"\ndrop = [".share"]\n')
    done = site.cli("import", "mirror", "--profile", "profile.toml")
    assert done.returncode == 0, done.stderr
    assert "mirror/baocu.example.vn/index.html: not an article page" in done.stdout
    assert "nong-dan-sa-thay-trung-mua-mi.html: a <iframe> was left out" in done.stdout
    assert "1 imported" in done.stdout and "photo files 2/2" in done.stdout
    written = (site.root / SAVED).read_text(encoding="utf-8")
    assert "author: Quang Hùng" in written and "category: Kinh tế" in written  # the breadcrumb's category
    assert "- /tin-tuc/nong-dan-sa-thay-trung-mua-mi.html" in written  # the old address on this domain, an alias
    assert "Chia sẻ" not in written and "Giá cà phê hôm nay" not in written
    assert site.cli("check").returncode == 0
    built = site.build()
    page = built.html("kinh-te/nong-dan-sa-thay-trung-mua-mi-202111120745/")
    article = page.select_one("article")
    assert page.select_one("time")["datetime"].startswith("2021-11-12T07:45:00+07:00")
    assert "Vụ mì năm nay, nông dân huyện Sa Thầy" in article.get_text()
    captions = [c.get_text(" ", strip=True) for c in article.select("figcaption")]
    assert any(c.startswith("Nông dân xã Ya Xiêr thu hoạch mì.") and "Ảnh: Q.H" in c for c in captions)
    assert any(c.startswith("Xe tải thu mua mì tại ruộng.") and "Ảnh: Q.H" in c for c in captions)
    assert "/kinh-te/nong-dan-sa-thay-trung-mua-mi-202111120745/" in built.text("tin-tuc/nong-dan-sa-thay-trung-mua-mi.html")


def test_without_a_profile_the_article_is_guessed_and_the_pages_frame_left_out(make_site):
    site = mirrored(make_site)
    done = site.cli("import", "mirror")
    assert done.returncode == 0, done.stderr
    written = (site.root / SAVED).read_text(encoding="utf-8")
    assert "title: Nông dân Sa Thầy trúng mùa mì" in written and "date: 2021-11-12 07:45" in written
    body = written.split("\n---\n", 1)[1]
    assert "Theo ông Nguyễn Văn Tư" in body and "Nhiều hộ đã trả xong nợ vay" in body
    assert "Trang chủ" not in body and "Giá cà phê hôm nay" not in body and "Báo Cũ, 2021" not in body
    assert "photo files 2/2" in done.stdout


HUGO_PAGE = """+++
title = "Giá cà phê Đắk Hà lên mức cao"
date = 2023-11-20T01:30:00Z
categories = ["Kinh tế"]
tags = ["Cà phê", "Đắk Hà"]
authors = ["Thu Hà"]
description = "Giá cà phê nhân xô tại Đắk Hà tăng mạnh trong tuần."
aliases = ["/tin-cu/ca-phe-123.html"]
+++

Giá cà phê nhân xô tại các đại lý ở huyện Đắk Hà lên 61.000 đồng/kg.

{{< figure src="/images/ca-phe.jpg" caption="Nông dân phơi cà phê. Ảnh: TH" >}}

Nhiều hộ trữ hàng chờ giá, theo **Hội Nông dân huyện**.

![Thương lái cân cà phê tại nhà dân](can-ca-phe.jpg)

{{< youtube aqz-KE-bpKQ >}}
"""


def test_a_hugo_sites_pages_come_over_with_their_front_matter_photos_and_addresses(make_site):
    site = make_site({"content/a.md": OWN_ARTICLE})
    site.write("hugo-site/content/kinh-te/ca-phe.md", HUGO_PAGE)
    site.write("hugo-site/content/kinh-te/can-ca-phe.jpg", photo((90, 60, 30)))
    site.write("hugo-site/static/images/ca-phe.jpg", photo((30, 60, 90)))
    site.write("hugo-site/content/thoi-su/lich-cat-dien.md",
               "---\ntitle: Lịch cắt điện tuần tới\ndate: 2024-01-02\ndraft: true\n---\n\nCắt điện ở phường Quyết Thắng.\n")
    done = site.cli("import", "hugo-site/content")
    assert done.returncode == 0, done.stderr
    assert "2 imported" in done.stdout and "photo files 2/2" in done.stdout
    assert "Hugo shortcodes left out: youtube" in done.stdout
    written = (site.root / "content/kinh-te/2023/gia-ca-phe-dak-ha-len-muc-cao.md").read_text(encoding="utf-8")
    assert "date: 2023-11-20 08:30" in written  # 01:30 UTC is 08:30 in the site's zone
    assert "author: Thu Hà" in written and "- Đắk Hà" in written
    assert "- /kinh-te/ca-phe/\n- /tin-cu/ca-phe-123.html" in written  # its Hugo address and Hugo's aliases
    assert "theo **Hội Nông dân huyện**." in written  # the newsroom's own Markdown, as written
    draft = (site.root / "content/thoi-su/2024/lich-cat-dien-tuan-toi.md").read_text(encoding="utf-8")
    assert "draft: true" in draft and "date: '2024-01-02'\n" in draft  # a day without a time stays one
    assert site.cli("check").returncode == 0
    built = site.build()
    page = built.html("kinh-te/gia-ca-phe-dak-ha-len-muc-cao-202311200830/")
    captions = [c.get_text(" ", strip=True) for c in page.select("article figcaption")]
    assert any(c.startswith("Nông dân phơi cà phê.") and "Ảnh: TH" in c for c in captions)
    assert any(c.startswith("Thương lái cân cà phê tại nhà dân") for c in captions)
    assert "/kinh-te/gia-ca-phe-dak-ha-len-muc-cao-202311200830/" in built.text("kinh-te/ca-phe/")


def test_the_sites_own_articles_are_not_imported_again(make_site):
    site = make_site({"content/a.md": OWN_ARTICLE})
    done = site.cli("import", "content", "-c", "Thời sự")
    assert done.returncode == 1 and "content/a.md: error: is already an article of this site" in done.stderr
    assert (site.root / "content/a.md").read_text(encoding="utf-8") == OWN_ARTICLE


def test_odd_or_hostile_hugo_front_matter_gets_a_clear_error_never_a_traceback_or_a_hang(make_site):
    site = make_site({"content/a.md": OWN_ARTICLE})
    bomb = "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9) if i else 'x'}]\n" for i in range(12))
    site.write("hugo/content/tin/bom.md", f"---\n{bomb}title: *a11\ndate: 2024-01-02\n---\n\nThân bài.\n")
    site.write("hugo/content/tin/so.md", "+++\ntitle = \"Ngày là số\"\ndate = 2024\n+++\n\nThân bài.\n")
    site.write("hugo/content/tin/xua.md", "+++\ntitle = \"Năm một\"\ndate = 0001-01-01T00:00:00+07:00\n+++\n\nThân.\n")
    site.write("hugo/content/tin/mot-alias.md",
               '---\ntitle: Bài có một alias\ndate: 2024-01-03 08:00\naliases: /tin-cu/mot.html\n---\n\nThân bài.\n')
    done = site.cli("import", "hugo/content", "-c", "Thời sự")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "bom.md:2: error:" in done.stderr and "anchor" in done.stderr  # refused as sitegen's own reader refuses it
    assert "so.md:1: error: no title or date" in done.stderr
    assert "xua.md:1: error: date: the year 1 in '0001-01-01T00:00:00+07:00' is out of range" in done.stderr
    written = (site.root / "content/thoi-su/2024/bai-co-mot-alias.md").read_text(encoding="utf-8")
    assert "- /tin-cu/mot.html\n" in written and "- /t\n" not in written  # one old address, not its letters


def test_an_import_never_writes_through_a_link_out_of_content(make_site, tmp_path):
    site = importing(make_site)
    outside = tmp_path / "outside"
    outside.mkdir()
    (site.root / "content" / "kinh-te").mkdir()
    (site.root / "content" / "kinh-te" / "2021").symlink_to(outside)
    done = site.cli("import", "old", "-c", "Kinh tế", "--photos", "old-photos")
    assert done.returncode == 1 and f"{FILE}: error: content/kinh-te/2021 leads outside content/" in done.stderr
    assert not any(outside.iterdir())


def test_an_import_never_reads_or_writes_through_a_link_in_the_articles_folder(make_site, tmp_path):
    site = importing(make_site)
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.md"
    secret.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    folder = site.root / "content" / "kinh-te" / "2021"
    folder.mkdir(parents=True)
    (folder / "images").symlink_to(outside)  # the photos' folder
    done = site.cli("import", "old", "-c", "Kinh tế", "--photos", "old-photos")
    assert done.returncode == 1 and "content/kinh-te/2021/images/" in done.stderr and "leads outside content/" in done.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["secret.md"]
    (folder / "images").unlink()
    (folder / f"{SLUG}.md").symlink_to(secret)  # the article's own file
    done = site.cli("import", "old", "-c", "Kinh tế", "--photos", "old-photos", "--force")
    assert done.returncode == 1 and f"{FILE}: error: {FILE} leads outside content/" in done.stderr
    assert secret.read_text(encoding="utf-8") == "---\ntitle: x\n---\n" and not (folder / "images").exists()
