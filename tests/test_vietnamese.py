"""Slugs, dates, and the keys that sort and group Vietnamese text."""

import unicodedata
from datetime import datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from sitegen.vietnamese import DateFormatError, format_date_vn, parse_date, slugify, sort_key, variant_key
from conftest import ZONE


@pytest.mark.parametrize("title, slug", [
    ("Giao ban Khối Đảng quý II/2020", "giao-ban-khoi-dang-quy-ii-2020"),
    ("Đắk Tô – “Tu Mơ Rông”", "dak-to-tu-mo-rong"),
    ("ĐẠI HỘI ĐẢNG BỘ TỈNH", "dai-hoi-dang-bo-tinh"),
    ("Ia H’Drai", "ia-hdrai"),
    ("Ia H'Drai", "ia-hdrai"),
    ("Cà phê: giá tăng 10% (so với 2023)!", "ca-phe-gia-tang-10-so-voi-2023"),
    ("Tăng trưởng 8,5% năm 2026", "tang-truong-8-5-nam-2026"),
])
def test_slug_examples(title, slug):
    assert slugify(title) == slug


def test_curly_and_straight_apostrophes_give_one_slug():
    assert slugify("Ia H’Drai") == slugify("Ia H'Drai") == slugify("Ia HʼDrai")


vietnamese_text = st.text(
    alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợ"
                                  "ùúủũụừứửữựỳýỷỹỵĐĂÂÊÔƠƯÀÁẢ 0123456789-/’'“”:,.!?()")),
    max_size=60,
)


@given(st.one_of(vietnamese_text, st.text(max_size=40)))
def test_slug_is_ascii_lowercase_hyphens_and_idempotent(text):
    slug = slugify(text)
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in slug)
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug
    assert slugify(slug) == slug


@given(st.one_of(vietnamese_text, st.text(alphabet=st.characters(max_codepoint=127), max_size=40)))
def test_fast_slug_path_agrees_with_python_slugify(text):
    """Same as python-slugify, except that a comma between digits separates them ("8,5%" is a
    Vietnamese decimal: "8-5", where python-slugify reads a thousands separator and gives "85")."""
    import re
    from slugify import slugify as reference
    folded = text.replace("đ", "d").replace("Đ", "D").translate(dict.fromkeys(map(ord, "'’‘ʼ`´′"), None))
    assert slugify(text) == reference(re.sub(r"(?<=\d),(?=\d)", "-", folded))


@given(vietnamese_text)
def test_nfc_and_nfd_give_the_same_slug(text):
    assert slugify(unicodedata.normalize("NFD", text)) == slugify(unicodedata.normalize("NFC", text))


@pytest.mark.parametrize("raw, expected", [
    ("2024-06-25 15:18", datetime(2024, 6, 25, 15, 18, tzinfo=ZONE)),
    ("2024-06-25T15:18:00", datetime(2024, 6, 25, 15, 18, tzinfo=ZONE)),
    ("2024-06-25", datetime(2024, 6, 25, 0, 0, tzinfo=ZONE)),
    ("25/06/2024 15:18", datetime(2024, 6, 25, 15, 18, tzinfo=ZONE)),
    ("25/06/2024", datetime(2024, 6, 25, tzinfo=ZONE)),
    ("5/6/2024 7:05", datetime(2024, 6, 5, 7, 5, tzinfo=ZONE)),
    ("15:18 25/06/2024", datetime(2024, 6, 25, 15, 18, tzinfo=ZONE)),
])
def test_date_forms_editors_write_are_in_the_site_timezone(raw, expected):
    value = parse_date(raw, ZONE)
    assert value == expected
    assert value.utcoffset() == timedelta(hours=7)


def test_date_with_an_offset_keeps_its_instant():
    value = parse_date("2024-06-25T08:18:00Z", ZONE)
    assert value == datetime(2024, 6, 25, 15, 18, tzinfo=ZONE)
    assert parse_date("2024-06-25T15:18:00+07:00", ZONE) == value
    assert parse_date("2024-06-25 10:18 +02:00", ZONE) == value


@pytest.mark.parametrize("raw", ["10:00", "600", "hôm qua", "31/02/2024", "2024-13-01", "25/06/24", ""])
def test_unreadable_dates_are_refused_with_the_accepted_forms(raw):
    with pytest.raises(DateFormatError) as caught:
        parse_date(raw, ZONE)
    assert "2024" in str(caught.value) or "real date" in str(caught.value)


@pytest.mark.parametrize("raw, timed", [("2024-06-25", False), ("25/06/2024", False), ("5/6/2024", False),
                                        ("2024-06-25 15:18", True), ("25/06/2024 15h18", True), ("25/06/2024 15g18", True),
                                        ("15:18 25/06/2024", True), ("2024-06-25T00:00:00+07:00", True)])
def test_a_date_says_whether_it_gives_a_time(raw, timed):
    from sitegen.vietnamese import has_time
    assert has_time(raw) is timed


def test_vietnamese_date_line():
    moment = datetime(2020, 6, 25, 15, 18, tzinfo=ZONE)
    assert format_date_vn(moment) == "Thứ năm, 25/06/2020 - 15:18"
    assert format_date_vn(datetime(2024, 6, 30, 7, 5, tzinfo=ZONE)) == "Chủ nhật, 30/06/2024 - 07:05"
    assert format_date_vn(moment, with_time=False) == "Thứ năm, 25/06/2020"


def test_variant_key_joins_spellings_of_one_word_but_not_different_tones():
    assert variant_key("Tỉnh uỷ") == variant_key("Tỉnh ủy") == variant_key("TỈNH ỦY")
    assert variant_key("hoà bình") == variant_key("hòa bình")
    assert variant_key(unicodedata.normalize("NFD", "Hòa Bình")) == variant_key("hoà bình")
    assert variant_key("hòa") != variant_key("hóa")
    assert variant_key("Đắk Tô") != variant_key("Dak To")


def test_sort_key_follows_the_vietnamese_alphabet():
    words = ["Đắk Tô", "Dân tộc", "Ân nghĩa", "An ninh", "Ăn uống", "Bình Định", "Ơn", "Ông", "Ốc", "Y tế"]
    assert sorted(words, key=sort_key) == [
        "An ninh", "Ăn uống", "Ân nghĩa", "Bình Định", "Dân tộc", "Đắk Tô", "Ốc", "Ông", "Ơn", "Y tế"]
