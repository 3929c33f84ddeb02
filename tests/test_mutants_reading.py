"""Reading an article, where the mutation run (bench/mutation.py) found rules no test saw: the
front-matter fields sitegen does not know, which reach templates as `article.extra` with YAML's
types; the line and the hint of an alias's error; the line of a photo the body names twice."""

from __future__ import annotations

from conftest import article, messages


def test_unknown_fields_reach_templates_with_their_types_and_dates_stay_text(make_site):
    fields = {"source": '"Theo TTXVN"', "priority": "3", "sponsored": "true", "ratio": "1.5", "note": "~",
              "quoted": '"3"', "when": "2024-06-25", "place": "{tinh: Ngọc Linh, so_xa: 102}",
              "labels": "[Đắk Tô, 7, false]"}
    built = make_site({"content/a.md": article(**fields)}).build()
    assert built.report.state.site.articles[0].extra == {
        "source": "Theo TTXVN", "priority": 3, "sponsored": True, "ratio": 1.5, "note": None, "quoted": "3",
        "when": "2024-06-25", "place": {"tinh": "Ngọc Linh", "so_xa": 102}, "labels": ["Đắk Tô", 7, False]}


def test_a_bad_alias_is_reported_at_its_own_line_with_how_to_fix_it(make_site):
    site = make_site({"content/a.md": article(aliases='\n  - /tin-cu/\n  - "/tin cu/;"')})
    found = [p for p in site.build_fails() if "alias" in p.message.lower() or "alias" in p.hint.lower()]
    assert found and found[0].line == 7, messages(found)
    assert found[0].hint, "an alias refused without saying how to write it"


def test_a_missing_photo_the_body_shows_twice_is_reported_at_its_first_use(make_site):
    body = "Mở đầu.\n\n![Cầu treo](khong-co.jpg)\n\nGiữa bài.\n\n![Cầu treo lần nữa](khong-co.jpg)\n"
    problems = make_site({"content/a.md": article(body=body)}).build_fails()
    assert [p.line for p in problems if "khong-co.jpg" in p.message] == [9], messages(problems)  # not 13
