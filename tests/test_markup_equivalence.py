"""sitegen's faster Markdown stages give exactly the bytes of Python-Markdown's stock ones."""

from hypothesis import given, settings, strategies as st

from sitegen.markup import BodyRenderer

FRAGMENTS = [
    "Tỉnh ủy Đắk Tô tổ chức hội nghị", "giá cà phê tăng 8,5%", "*nhấn mạnh*", "**đậm**", "_nghiêng_",
    "__đậm__", "`mã`", "[liên kết](/kinh-te/)", "[ngoài](https://example.vn)", "![](anh.png)",
    "![ảnh](anh.png \"tiêu đề\")", "<b>thẻ</b>", "<span>x</span>", "&amp;", "&", "a & b", "<https://x.vn>",
    "<toa@soan.vn>", "\\*không nghiêng\\*", "1 * 2 * 3", "snake_case_name", "!", "[", "]", "  \n",
    "{: .lead }", "[tham chiếu][1]", "\n\n[1]: /a", "—", "“trích dẫn”", "H’Drai",
]
BLOCKS = [
    "# Tiêu đề một", "## Đắk Tô", "### Đắk Tô", "#### Mục nhỏ", "> Trích dẫn của đồng chí",
    "- mục một\n- mục hai", "1. một\n2. hai", "| a | b |\n|---|---|\n| 1 | 2 |", "    mã thụt lề",
    "<div class=\"khung\">HTML khối</div>", "---", "## Đắk Tô {: #rieng }",
]

line = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6).map(" ".join)
block = st.one_of(line, st.sampled_from(BLOCKS), st.tuples(st.sampled_from(BLOCKS), line).map(" ".join))
document = st.lists(block, min_size=1, max_size=8).map("\n\n".join)

FAST, STOCK = BodyRenderer("/bao/"), BodyRenderer("/bao/", stock=True)


def resolve(src):
    return "/bao/media/" + src, None


@settings(max_examples=400, deadline=None)
@given(document)
def test_fast_stages_give_the_stock_html(source):
    fast, stock = FAST.render(source, resolve), STOCK.render(source, resolve)
    assert fast == stock


def test_fast_path_is_really_taken():
    """Plain prose skips every inline pattern; the equivalence above is not vacuous."""
    calls = []
    original = FAST.md.treeprocessors["inline"]._InlineProcessor__applyPattern
    FAST.md.treeprocessors["inline"]._InlineProcessor__applyPattern = lambda *a: calls.append(1) or original(*a)
    try:
        FAST.render("Tỉnh ủy Đắk Tô tổ chức hội nghị tổng kết năm.\n\nĐoạn thứ hai.", resolve)
        assert calls == []
        FAST.render("Có *nhấn mạnh* ở đây.", resolve)
        assert calls
    finally:
        del FAST.md.treeprocessors["inline"]._InlineProcessor__applyPattern


def test_each_render_returns_its_own_text_and_sapo():
    renderer = BodyRenderer("/")
    first = renderer.render("Đoạn **mở đầu**.\n\n## Mục\n\nThân bài ![](a.png).", resolve, lead_paragraph_is_sapo=True)
    assert (first.text, first.first_paragraph) == ("MụcThân bài .", "Đoạn mở đầu.")
    assert "mở đầu" not in first.html and 'src="/bao/media/a.png"' in first.html
    second = renderer.render("Chỉ một đoạn.", lambda src: None)
    assert (second.text, second.first_paragraph) == ("Chỉ một đoạn.", "Chỉ một đoạn.")
    assert (first.text, first.first_paragraph) == ("MụcThân bài .", "Đoạn mở đầu.")  # values, not views of the renderer
