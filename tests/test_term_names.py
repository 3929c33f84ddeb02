"""The name a tag page carries when editors spell the tag differently: the most used spelling, on a
tie the capitalised one, then the one in use the longest; `sitegen check` lists the spellings."""

from sitegen.check import check_site

from conftest import article


def tag_heading(make_site, spellings):
    """The h1 of the one tag page, for articles tagged with `spellings` (oldest first)."""
    site = make_site({f"content/{i}.md": article(title=f"Bài {i}", date=f"2024-01-{i + 1:02d}", tags=f'["{tag}"]')
                      for i, tag in enumerate(spellings)})
    return site, site.build().html("chu-de/tinh-uy/").h1.get_text()


def test_the_most_used_spelling_names_the_page_even_if_another_is_older(make_site):
    _, heading = tag_heading(make_site, ["Tỉnh ủy", "Tỉnh uỷ", "Tỉnh uỷ"])
    assert heading == "Chủ đề: Tỉnh uỷ"


def test_on_a_tie_the_capitalised_spelling_wins_over_the_older_one(make_site):
    _, heading = tag_heading(make_site, ["tỉnh ủy", "Tỉnh ủy"])
    assert heading == "Chủ đề: Tỉnh ủy"


def test_check_lists_every_spelling_of_a_tag_most_used_first(make_site):
    site, _ = tag_heading(make_site, ["Tỉnh ủy", "Tỉnh uỷ", "Tỉnh uỷ"])
    warnings = [p.message for p in check_site(site.root).warnings]
    assert any('is spelled 2 ways across articles ("Tỉnh uỷ", "Tỉnh ủy")' in m for m in warnings), warnings
