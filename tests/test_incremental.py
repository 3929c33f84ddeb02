"""Whatever the cache reuses, a rebuild gives exactly the bytes of a clean build of the same files.

After every edit the site is built twice: incrementally (the cache and the previous output/ kept)
and from scratch (no cache, an empty folder), and the two trees must be identical file for file.
"""

import os
import shutil
import tempfile
import time
from pathlib import Path

from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from sitegen.build import BuildOptions, BuildReport, build

from conftest import COMPILED, CONFIG, NOW, article, png

TITLES = ["Khai mạc Đại hội Đảng bộ huyện", "Cà phê Đắk Hà được mùa", "Bão số 5 gây sạt lở",
          "Cầu treo Ia H’Drai hoàn thành", "Tu Mơ Rông trồng sâm", "Giải bóng chuyền các dân tộc"]
CATEGORIES = ["Thời sự", "Kinh tế", "Văn hóa - Du lịch"]
TAGS = ['["Đại hội"]', '["Cà phê", "Đắk Hà"]', '["Tỉnh ủy"]', '["Tỉnh uỷ", "Bão số 5"]', "[]"]
BODY = "Đoạn mở đầu của bài viết.\n\n![](anh.png)\n\nĐoạn tiếp theo nói về {topic}."


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


class Newsroom:
    """A tiny site on disk that tests edit, with the two builds to compare."""

    def __init__(self):
        self.base = Path(tempfile.mkdtemp(prefix="sitegen-edits-"))
        self.root = self.base / "site"
        (self.root / "content").mkdir(parents=True)
        self.config = CONFIG.format(base_url="https://example.vn/bao/", per_page=2, related_count=2, extra="")
        (self.root / "config.toml").write_text(self.config, encoding="utf-8")
        self.articles: dict[str, dict] = {}
        self.serial = 0

    def write_article(self, name: str) -> None:
        fields = self.articles[name]
        extra = {"tags": fields["tags"]}
        if fields.get("image"):
            extra["image"] = f"{{src: {fields['image']}, caption: Ảnh minh họa, credit: MT}}"
        body = BODY.format(topic=fields["topic"]).replace("anh.png", fields.get("image") or "khong-co.png")
        if not fields.get("image"):
            body = body.replace("![](khong-co.png)\n\n", "")
        text = article(title=fields["title"], date=fields["date"], category=fields["category"], body=body, **extra)
        (self.root / "content" / f"{name}.md").write_text(text, encoding="utf-8")

    def add(self, title: str, category: str, tags: str, with_image: bool) -> None:
        self.serial += 1
        name = f"bai-{self.serial}"
        image = None
        if with_image:
            image = f"anh-{self.serial}.png"
            (self.root / "content" / image).write_bytes(png(2 + self.serial % 3, 2))
        self.articles[name] = {"title": f"{title} {self.serial}", "category": category, "tags": tags,
                               "date": f"2024-0{1 + self.serial % 9}-1{self.serial % 9} 08:00",
                               "topic": title.lower(), "image": image}
        self.write_article(name)

    def check(self) -> BuildReport:
        """Build incrementally and from scratch, compare; the incremental build's report."""
        options = dict(now=NOW, jobs=1)
        incremental = build(self.root, None, BuildOptions(compiled_templates=COMPILED, **options))
        clean_dir = self.base / "clean"
        shutil.rmtree(clean_dir, ignore_errors=True)
        build(self.root, clean_dir, BuildOptions(cache=False, compiled_templates=COMPILED, **options))
        ours, reference = tree(incremental.output_dir), tree(clean_dir)
        assert ours.keys() == reference.keys(), sorted(set(ours) ^ set(reference))
        assert [p for p in ours if ours[p] != reference[p]] == []
        return incremental

    def close(self) -> None:
        shutil.rmtree(self.base, ignore_errors=True)


class EditSequence(RuleBasedStateMachine):
    """Random sequences of what editors do between two builds."""

    @initialize()
    def start(self):
        self.site = Newsroom()
        for title, category in zip(TITLES[:3], CATEGORIES):
            self.site.add(title, category, TAGS[0], with_image=True)

    def teardown(self):
        self.site.close()

    names = property(lambda self: sorted(self.site.articles))

    @rule(title=st.sampled_from(TITLES), category=st.sampled_from(CATEGORIES), tags=st.sampled_from(TAGS),
          with_image=st.booleans())
    def add_article(self, title, category, tags, with_image):
        self.site.add(title, category, tags, with_image)

    @rule(pick=st.integers(0, 99), word=st.sampled_from(["mùa", "lũa", "sâm", "tươi"]))
    def edit_body_word(self, pick, word):
        """A one-word change deep in the body (not the sapo)."""
        name = self.names[pick % len(self.names)]
        fields = self.site.articles[name]
        fields["topic"] = fields["topic"][:-len(word)] + word if len(fields["topic"]) > len(word) else word
        self.site.write_article(name)

    @rule(pick=st.integers(0, 99), title=st.sampled_from(TITLES))
    def edit_title(self, pick, title):
        name = self.names[pick % len(self.names)]
        self.site.articles[name]["title"] = f"{title} {name}"
        self.site.write_article(name)

    @rule(pick=st.integers(0, 99), category=st.sampled_from(CATEGORIES), tags=st.sampled_from(TAGS))
    def change_category_and_tags(self, pick, category, tags):
        name = self.names[pick % len(self.names)]
        self.site.articles[name].update(category=category, tags=tags)
        self.site.write_article(name)

    @precondition(lambda self: len(self.site.articles) > 1)
    @rule(pick=st.integers(0, 99))
    def delete_article(self, pick):
        name = self.names[pick % len(self.names)]
        del self.site.articles[name]
        (self.site.root / "content" / f"{name}.md").unlink()

    @rule(pick=st.integers(0, 99))
    def rename_image(self, pick):
        with_images = [n for n in self.names if self.site.articles[n].get("image")]
        if not with_images:
            return
        name = with_images[pick % len(with_images)]
        old = self.site.articles[name]["image"]
        new = "moi-" + old
        (self.site.root / "content" / old).rename(self.site.root / "content" / new)
        self.site.articles[name]["image"] = new
        self.site.write_article(name)

    @rule(text=st.sampled_from(["Trang không tồn tại", "Lạc đường rồi", "Không thấy"]))
    def edit_template(self, text):
        template = self.site.root / "templates" / "404.html"
        template.parent.mkdir(exist_ok=True)
        template.write_text('{% extends "!default/404.html" %}{% block content %}<h1>' + text
                            + "</h1>{{ super() }}{% endblock %}", encoding="utf-8")

    @rule(per_page=st.integers(1, 3), related=st.integers(0, 3), description=st.sampled_from(["Tin thời sự", "Tin nóng"]))
    def edit_config(self, per_page, related, description):
        config = self.site.config.replace("per_page = 2", f"per_page = {per_page}")
        config = config.replace("related_count = 2", f"related_count = {related}")
        config = config.replace('description = "Tin thời sự"', f'description = "{description}"')
        (self.site.root / "config.toml").write_text(config, encoding="utf-8")

    @invariant()
    def rebuild_equals_clean_build(self):
        self.site.check()


TestEditSequence = EditSequence.TestCase
TestEditSequence.settings = settings(max_examples=10, stateful_step_count=6, deadline=None)


def test_the_editors_sequence_of_edits():
    """The sequence the editors' workflow names: add, retitle, recategorise, delete, rename an image,
    edit a template, edit config — compared with a clean build after each."""
    site = Newsroom()
    try:
        site.add(TITLES[0], "Thời sự", TAGS[0], True)
        site.add(TITLES[1], "Kinh tế", TAGS[1], True)
        site.check()
        site.add(TITLES[2], "Thời sự", TAGS[3], False)
        site.check()
        site.articles["bai-1"]["title"] = "Tiêu đề mới hoàn toàn"
        site.write_article("bai-1")
        report = site.check()
        assert report.parsed == 1 and 0 < report.rendered < report.pages  # the cache did its part
        site.articles["bai-2"]["category"] = "Văn hóa - Du lịch"
        site.write_article("bai-2")
        site.check()
        (site.root / "content" / "bai-3.md").unlink()
        del site.articles["bai-3"]
        site.check()
        (site.root / "content" / "anh-1.png").rename(site.root / "content" / "anh-moi.png")
        site.articles["bai-1"]["image"] = "anh-moi.png"
        site.write_article("bai-1")
        site.check()
        (site.root / "templates").mkdir()
        (site.root / "templates" / "article.html").write_text(
            '{% extends "!default/article.html" %}{% block content %}<p>Quảng cáo</p>{{ super() }}{% endblock %}',
            encoding="utf-8")
        site.check()
        (site.root / "config.toml").write_text(site.config.replace("per_page = 2", "per_page = 1"), encoding="utf-8")
        site.check()
        report = site.check()  # nothing changed
        assert report.parsed == 0 and report.rendered == 0
    finally:
        site.close()


def test_an_edit_that_leaves_size_and_mtime_as_they_were_is_still_seen(make_site):
    """A save within the filesystem's mtime step of the previous build's stamp, of the same number
    of bytes, looks unchanged by its stamp alone: the file must be read again (as git does)."""
    site = make_site({"content/a.md": article(title="Tin mùa lũ")})
    path = site.root / "content" / "a.md"
    moment = time.time_ns() + 1_000_000_000  # a stamp taken just after the build's own
    os.utime(path, ns=(moment, moment))
    site.build()
    edited = path.read_text(encoding="utf-8").replace("Tin mùa lũ", "Tin mưa lũ")
    assert len(edited.encode()) == path.stat().st_size
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(moment, moment))
    built = site.build()
    assert built.report.parsed == 1
    assert built.html(built.article_paths()[0]).h1.get_text() == "Tin mưa lũ"


def test_publishing_one_article_renders_the_pages_that_change_not_the_whole_site(make_site):
    """The menu and every article's links are on many pages: nothing in them may depend on how
    many articles a category or a tag holds, or each new article would render the whole archive."""
    files = {}
    for n in range(24):
        category = ("Thời sự", "Kinh tế", "Văn hóa - Du lịch")[n % 3]
        files[f"content/{n % 3}/bai-{n}.md"] = article(
            title=f"Bài số {n} về {('lũ quét', 'giá lúa', 'lễ hội')[n % 3]} ở huyện {n}", category=category,
            date=f"2024-06-{n + 1:02d} 08:00", tags=f"[{('lũ', 'lúa', 'lễ hội')[n % 3]}, huyện {n}]")
    site = make_site(files, per_page=4)
    before = site.build()
    pages_before = {rel: data for rel, data in before.files().items() if rel.endswith(".html")}
    site.write("content/1/moi.md", article(title="Giá lúa hè thu tăng mạnh", category="Kinh tế",
                                           date="2024-06-30 08:00", tags="[lúa]"))
    after = site.build()
    pages_after = {rel: data for rel, data in after.files().items() if rel.endswith(".html")}
    changed = [rel for rel, data in pages_after.items() if pages_before.get(rel) != data]
    assert 0 < after.report.rendered <= len(changed) + 2, (after.report.rendered, len(changed), after.report.pages)
    assert after.report.rendered < after.report.pages / 2


def test_a_lead_photo_replaced_under_its_name_gives_the_search_results_its_new_thumbnail(make_site):
    """The article's file is as it was, so nothing of its text changes: only the photo's bytes,
    which name its renditions, and with them the thumbnail its search result shows."""
    site = make_site({"content/a.md": article(title="Cầu treo Ia H’Drai", image="{src: cau.png, caption: Cầu mới, credit: MT}"),
                      "content/cau.png": png(40, 30), "content/b.md": article(title="Tin khác", date="2024-06-20 08:00")})
    site.build()
    site.write("content/cau.png", png(48, 30))
    incremental = site.build()
    clean = site.build(site.root.parent / "clean", cache=False)
    ours, reference = tree(incremental.output), tree(clean.output)
    bundles = [p for p in reference if p.startswith("pagefind/") or "/pagefind/" in p]
    assert bundles and [p for p in bundles if ours.get(p) != reference[p]] == []
    assert [p for p in reference if ours.get(p) != reference[p]] == []


def same_as_a_clean_build(site, **options):
    """Build with the cache, then from scratch into another folder: the trees must be equal."""
    incremental = site.build(**options)
    clean = site.build(site.root.parent / "clean", cache=False, **options)
    ours, reference = tree(incremental.output), tree(clean.output)
    assert [p for p in reference.keys() | ours.keys() if ours.get(p) != reference.get(p)] == []
    return incremental


def test_a_tag_and_byline_respelled_by_newer_articles_change_on_an_older_article_left_as_it_was(make_site):
    """A tag's page takes the spelling most articles use: when new articles outvote the old one,
    the older article's own links carry the new name, though its file did not change."""
    site = make_site({"content/a.md": article(title="Giao ban quý I", date="2024-01-02", tags='["tỉnh uỷ"]',
                                              author="mai trâm")})
    site.build()
    for n in (1, 2):
        site.write(f"content/b{n}.md", article(title=f"Giao ban tháng {n + 3}", date=f"2024-0{n + 3}-02",
                                               tags='["Tỉnh ủy"]', author="Mai Trâm"))
    built = same_as_a_clean_build(site)
    page = built.html(next(p for p in built.article_paths() if "quy-i" in p))
    assert [a.get_text() for a in page.select(".tags a")] == ["Tỉnh ủy"]
    assert "Mai Trâm" in page.select_one(".byline").get_text()


def test_a_scheduled_article_loses_its_flag_in_listings_once_its_time_has_come(make_site):
    """`--future` shows a scheduled article marked "Hẹn giờ"; a build after its time, with its file
    unchanged, shows it without the mark everywhere."""
    site = make_site({"content/a.md": article(title="Khai mạc lễ hội", date="2026-11-27 08:00"),
                      "content/b.md": article(title="Tin cũ", date="2024-06-20 08:00")})
    assert "Hẹn giờ" in site.build(future=True).html("").get_text()
    later = same_as_a_clean_build(site, future=True, now=NOW.replace(day=28))
    assert "Hẹn giờ" not in later.html("").get_text()


def test_a_rebuild_makes_only_the_views_of_the_pages_it_renders_and_the_feeds(make_site):
    """An archive's views are made when a page being rendered reads them, not one per article:
    after the paper's "Giới thiệu" page is edited, the build renders that page and writes the
    feeds, and reads the views of their few articles only (at 100,000 articles the rest cost
    seconds)."""
    files = {f"content/bai-{n}.md": article(title=f"Bài số {n}", date=f"2024-{1 + n % 12:02d}-{1 + n // 12:02d} 08:00",
                                            category=("Thời sự", "Kinh tế", "Văn hóa - Du lịch")[n % 3])
             for n in range(40)}
    about = "---\ntitle: Giới thiệu\n---\n\n{}\n"
    site = make_site(files | {"content/pages/gioi-thieu.md": about.format("Báo ra số đầu năm 1976.")},
                     extra_config="feed_limit = 2")
    site.build(check_views=False)
    site.write("content/pages/gioi-thieu.md", about.format("Báo ra số đầu năm 1975."))
    built = site.build(check_views=False)
    assert built.report.rendered == 1 and "1975" in built.html("gioi-thieu/").get_text()
    made = built.report.state.planner.views.made
    assert 0 < len(made) <= 2 * 5, sorted(made)  # five feeds (the paper's, three categories', corrections') of two
