"""`video:`: a YouTube video as a click-to-load player on the article page (nothing asked of
YouTube before the click), in the article's structured data, and on the "Video" listing."""

from __future__ import annotations

import io
import json
from urllib.parse import urlsplit

import pytest
from PIL import Image

from conftest import NOW, PLAYED_LENGTH, article, messages, refused_by_build_and_check, serving

from sitegen.build import BuildOptions
from sitegen.check import check_site

VIDEO_ID = "aqz-KE-bpKQ"
PAGE = "thoi-su/le-hoi-cong-chieng-202406251518/"


def poster() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1600, 900), (120, 40, 30)).save(out, "JPEG", quality=85)
    return out.getvalue()


def mp4(seconds: float) -> bytes:
    """A real MP4 (H.264, 320x180, 25 frames a second, a colour that changes), made with PyAV."""
    import av
    out = io.BytesIO()
    with av.open(out, "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=25)
        stream.width, stream.height, stream.pix_fmt = 320, 180, "yuv420p"
        for n in range(round(seconds * 25)):
            frame = av.VideoFrame.from_image(Image.new("RGB", (320, 180), (n * 9 % 256, 80, 160)))
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return out.getvalue()


def video_article(video: str) -> str:
    return article(title="Lễ hội cồng chiêng", summary='"Tiếng cồng vang khắp buôn làng."',
                   image="{src: cong.jpg, caption: Đội cồng chiêng, credit: MT}", video=video)


def video_site(make_site, video=f'\n  youtube: https://youtu.be/{VIDEO_ID}\n  duration: "3:25"'):
    return make_site({
        "content/thoi-su/le-hoi.md": video_article(video),
        "content/thoi-su/cong.jpg": poster(),
        "content/thoi-su/khac.md": article(title="Tin khác", date="2024-06-24 08:00"),
    })


@pytest.mark.parametrize("written", [
    f"https://www.youtube.com/watch?v={VIDEO_ID}&t=30s", f"youtu.be/{VIDEO_ID}", VIDEO_ID,
    f"https://www.youtube.com/shorts/{VIDEO_ID}", f"https://m.youtube.com/watch?v={VIDEO_ID}",
    f"https://www.youtube-nocookie.com/embed/{VIDEO_ID}", f"{{youtube: {VIDEO_ID}, duration: 205}}"])
def test_every_way_of_writing_a_youtube_video_names_the_same_video(make_site, written):
    built = video_site(make_site, written).build()
    figure = built.html(PAGE + "index.html").select_one("figure.video")
    assert figure["data-embed"].startswith(f"https://www.youtube-nocookie.com/embed/{VIDEO_ID}?")
    assert figure.select_one("a.video-facade")["href"] == f"https://www.youtube.com/watch?v={VIDEO_ID}"


def test_the_article_page_shows_the_poster_asks_nothing_of_youtube_and_tells_search_engines(make_site):
    built = video_site(make_site).build()
    page = built.html(PAGE + "index.html")
    figure = page.select_one("figure.video")
    assert figure.select_one(".video-duration").get_text() == "3:25"
    assert figure.select_one("picture img")  # the lead photo, through the photo pipeline
    assert page.select_one("figure.photo.lead-photo:not(.video)") is None  # shown once, as the poster
    loaded = [el.get(attr) for el in page.select("[src], [srcset]") for attr in ("src", "srcset") if el.get(attr)]
    assert loaded and not any("youtube" in url or "ytimg" in url for url in loaded)
    news = next(d for d in map(json.loads, (s.string for s in page.select('script[type="application/ld+json"]')))
                if isinstance(d, dict) and d.get("@type") == "NewsArticle")
    video = news["video"]
    assert video["@type"] == "VideoObject" and video["name"] == "Lễ hội cồng chiêng"
    assert video["duration"] == "PT3M25S" and video["uploadDate"] == "2024-06-25T15:18:00+07:00"
    assert video["embedUrl"] == f"https://www.youtube-nocookie.com/embed/{VIDEO_ID}"
    assert video["thumbnailUrl"] and all(u.startswith("https://example.vn/media/") for u in video["thumbnailUrl"])
    # The "Video" listing holds it (not the article without a video), linked from every footer.
    listing = built.html("video/index.html")
    assert [a.get_text() for a in listing.select(".listing .teaser-title a")] == ["Lễ hội cồng chiêng"]
    assert built.html("thoi-su/tin-khac-202406240800/index.html").select_one('.footer-links a[href="/video/"]')


def test_without_a_video_there_is_no_video_listing_nor_its_link(make_site):
    built = make_site({"content/a.md": article()}).build()
    assert not built.exists("video/index.html")
    assert built.html("index.html").select_one('.footer-links a[href="/video/"]') is None


def test_a_wrong_video_is_an_error_with_its_line(make_site):
    cases = {
        "https://vimeo.com/123456": "content/thoi-su/le-hoi.md:7: error: `video` 'https://vimeo.com/123456' is not a YouTube video's address or id",
        "https://www.youtube.com/watch?v=short": "is not a YouTube video's address or id",
        "javascript:alert(1)": "is not a YouTube video's address or id",
        f'{{youtube: {VIDEO_ID}, duration: "ba phút"}}': "`video.duration` 'ba phút' is not a length like \"3:25\"",
        "{src: khong-co.mp4}": "content/thoi-su/le-hoi.md:7: error: video: the file 'khong-co.mp4' does not exist",
        "{src: le-hoi.avi}": "content/thoi-su/le-hoi.md:7: error: video 'le-hoi.avi' is not an MP4 file",
        "{src: van-ban.mp4}": "content/thoi-su/le-hoi.md:7: error: video: the file 'van-ban.mp4' cannot be read",
        f"{{src: le-hoi.mp4, youtube: {VIDEO_ID}}}": "`video` is either a file",
        "{src: cut.mp4}": "content/thoi-su/le-hoi.md:7: error: video: the file 'cut.mp4' cannot be read",
        "{duration: 3:25}": "`video` needs `youtube:`",
        "[a, b]": "`video` must be a YouTube address or a mapping with `youtube:`",
    }
    site = video_site(make_site)
    site.write("content/thoi-su/le-hoi.avi", mp4(1))
    site.write("content/thoi-su/van-ban.mp4", "Không phải video.\n" * 50)
    site.write("content/thoi-su/cut.mp4", b"\x00\x00\x00\x01ftyp\x00\x00")  # a 64-bit box size, cut short
    for written, expected in cases.items():
        site.write("content/thoi-su/le-hoi.md", video_article(written))
        refused_by_build_and_check(site, expected)


def test_check_warns_of_a_video_without_a_poster(make_site):
    site = make_site({"content/a.md": article(video=VIDEO_ID)})
    found = messages(check_site(site.root, BuildOptions(now=NOW)).problems)
    assert "content/a.md:5: warning: the video has no poster" in found



def test_the_player_comes_from_youtube_nocookie_only_after_the_click(make_site, browser):
    built = video_site(make_site).build()
    with serving(built.output) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        asked: list[str] = []
        page.on("request", lambda request: asked.append(request.url))
        page.route("https://www.youtube-nocookie.com/**", lambda route: route.fulfill(
            body="<!doctype html><title>player</title><p>player</p>", content_type="text/html"))
        page.goto(f"{base}{PAGE}")
        page.wait_for_load_state("networkidle")
        assert asked and all(urlsplit(url).hostname == "127.0.0.1" for url in asked), asked
        facade = page.locator(".video-facade")
        box = facade.bounding_box()
        assert abs(box["width"] / box["height"] - 16 / 9) < 0.02
        facade.focus()
        page.keyboard.press("Enter")
        frame = page.locator("iframe.video-frame")
        frame.wait_for()
        assert frame.get_attribute("src") == f"https://www.youtube-nocookie.com/embed/{VIDEO_ID}?autoplay=1&rel=0"
        assert frame.get_attribute("title") == "Video: Lễ hội cồng chiêng"
        page.wait_for_function("document.activeElement && document.activeElement.tagName === 'IFRAME'")
        after = frame.bounding_box()
        assert abs(after["height"] - box["height"]) < 1  # the player takes the poster's place: nothing moves
        assert any(urlsplit(url).hostname == "www.youtube-nocookie.com" for url in asked)
        page.close()


def test_a_video_file_of_the_papers_is_published_with_its_length_read_from_it_and_the_lead_photo_as_poster(make_site):
    site = video_site(make_site, "{src: le-hoi.mp4}")
    site.write("content/thoi-su/le-hoi.mp4", mp4(2))
    built = site.build()
    page = built.html(PAGE + "index.html")
    player = page.select_one("figure.video video")
    assert player["preload"] == "none" and built.exists(player["poster"].lstrip("/"))
    assert player.source["src"] == "/media/thoi-su/le-hoi.mp4" and player.source["type"] == "video/mp4"
    assert built.path("media/thoi-su/le-hoi.mp4").read_bytes() == (site.root / "content/thoi-su/le-hoi.mp4").read_bytes()
    assert page.select_one(".video-duration").get_text() == "0:02"  # read from the file
    news = next(d for d in map(json.loads, (s.string for s in page.select('script[type="application/ld+json"]')))
                if isinstance(d, dict) and d.get("@type") == "NewsArticle")
    assert news["video"]["contentUrl"] == "https://example.vn/media/thoi-su/le-hoi.mp4"
    assert news["video"]["duration"] == "PT2S" and "embedUrl" not in news["video"]
    assert [a.get_text() for a in built.html("video/index.html").select(".teaser-title a")] == ["Lễ hội cồng chiêng"]


def test_chromium_plays_the_papers_video_file_for_its_whole_length(make_site, browser):
    site = video_site(make_site, "{src: le-hoi.mp4}")
    site.write("content/thoi-su/le-hoi.mp4", mp4(2))
    built = site.build()
    with serving(built.output) as base:
        tab = browser.new_page()
        tab.goto(base + PAGE)
        duration = tab.locator("figure.video video").evaluate(PLAYED_LENGTH)
        assert abs(duration - 2) < 0.1
        tab.close()
