"""The web editing form's fields (Decap CMS widgets), one per front-matter key the reader accepts.

The form writes the same files editors write by hand, so its fields follow the front-matter contract
(README, "Front-matter reference"; `front_matter.KNOWN_FIELDS`) key for key: tests/test_cms.py fails
when the reader accepts a key, or a key of a photo, a video or a correction, that the form lacks.
Labels and hints are Vietnamese: they are what reporters read.
"""

from __future__ import annotations

from typing import Any

from .article_media import AUDIO_FIELDS, PHOTO_FIELDS
from .article_reader import CORRECTION_FIELDS, LAYOUTS
from .video import VIDEO_FIELDS

Field = dict[str, Any]

DATE_FORMAT = "YYYY-MM-DD HH:mm"
"""How the date widget writes a time (dayjs tokens): "2026-12-04 09:30", local time without an
offset, which the reader takes in the site's `timezone` — never UTC with a "Z"."""

_PHOTO_WIDGETS: dict[str, Field] = {
    "src": {"label": "Tệp ảnh", "widget": "image", "choose_url": False,
            "hint": "Tải ảnh gốc lên (đừng thu nhỏ ảnh): trang tự làm các cỡ ảnh cho bạn đọc."},
    "caption": {"label": "Chú thích", "widget": "string", "hint": "Câu mô tả ảnh, ví dụ: Nông dân thu hái cà phê."},
    "credit": {"label": "Tác giả ảnh", "widget": "string",
               "hint": "Tên người chụp, ví dụ: MT. Trang in ra \"Ảnh: MT\" (không cần gõ \"Ảnh:\")."},
    "alt": {"label": "Mô tả cho người khiếm thị", "widget": "string", "hint": "Để trống: dùng chú thích."},
    "focus": {"label": "Điểm giữ khi cắt ảnh", "widget": "string", "pattern": [r"^\s*(0(\.\d+)?|1(\.0+)?)\s*,\s*(0(\.\d+)?|1(\.0+)?)\s*$",
              "Viết hai số từ 0 đến 1, ví dụ 0.5,0.3"],
              "hint": "Ngang, dọc từ 0 đến 1, ví dụ 0.5,0.3 (giữa ảnh, một phần ba từ trên xuống). Để trống: giữa ảnh."},
}


def _optional(field: Field) -> Field:
    return {**field, "required": False}


def photo_fields() -> list[Field]:
    """The keys of a photo, in the reader's order (article_media.PHOTO_FIELDS)."""
    return [_optional({"name": key, **_PHOTO_WIDGETS[key]}) for key in PHOTO_FIELDS]


def _datetime(name: str, label: str, hint: str, *, required: bool = False) -> Field:
    field: Field = {"name": name, "label": label, "widget": "datetime", "format": DATE_FORMAT,
                    "date_format": "DD/MM/YYYY", "time_format": "HH:mm", "picker_utc": False, "hint": hint}
    # "{{now}}": the widget fills in the present moment (a new article's date); "": an optional date stays empty.
    if required:
        field["default"] = "{{now}}"
    else:
        field.update(required=False, default="")
    return field


def _without_default(field: Field) -> Field:
    return {key: value for key, value in field.items() if key != "default"}


def _texts(name: str, label: str, hint: str) -> Field:
    return {"name": name, "label": label, "widget": "list", "required": False, "hint": hint}


def article_fields(category_name: str, timezone: str) -> list[Field]:
    """The form of an article of the category `category_name`, its fields in the order editors
    fill them.  `body` is the Markdown after the front matter, not a key of it."""
    video = {
        "youtube": {"label": "YouTube", "widget": "string", "hint": "Địa chỉ video, ví dụ https://www.youtube.com/watch?v=..."},
        "duration": {"label": "Thời lượng", "widget": "string", "hint": "Ví dụ 3:25"},
        "src": {"label": "Hoặc tệp MP4 của báo", "widget": "file", "choose_url": False},
    }
    audio = {
        "src": {"label": "Tệp MP3 hoặc M4A", "widget": "file", "choose_url": False},
        "title": {"label": "Tên bản tin", "widget": "string", "hint": "Để trống: dùng tiêu đề bài."},
    }
    # Optional inside the list, though a correction needs both: Decap refuses to save any article
    # while a list has a required sub-field, even an empty list; `sitegen check` asks for both.  And
    # no default: one would make every new article start with a correction.
    correction = {
        "date": _without_default(_datetime("date", "Thời điểm cải chính", "Ngày giờ đăng lời cải chính.")),
        "text": _optional({"name": "text", "label": "Nội dung cải chính", "widget": "text"}),
    }
    return [
        {"name": "title", "label": "Tiêu đề", "widget": "string"},
        _datetime("date", "Ngày giờ đăng", f"Giờ {timezone}. Bài hẹn giờ sau lúc này chỉ lên trang khi đến giờ.",
                  required=True),
        {"name": "category", "label": "Chuyên mục", "widget": "hidden", "default": category_name},
        _optional({"name": "author", "label": "Tác giả", "widget": "string"}),
        _optional({"name": "summary", "label": "Sapo", "widget": "text",
                   "hint": "Đoạn dẫn in đậm dưới tiêu đề. Để trống: dùng đoạn đầu của bài."}),
        _optional({"name": "image", "label": "Ảnh đại diện", "widget": "object", "fields": photo_fields()}),
        {"name": "body", "label": "Nội dung", "widget": "markdown", "modes": ["rich_text", "raw"],
         "hint": "Ảnh trong bài: một dòng ![](images/ten-anh.jpg) riêng, rồi khai ảnh đó ở \"Ảnh trong bài\"."},
        _optional({"name": "images", "label": "Ảnh trong bài", "widget": "list", "fields": photo_fields(),
                   "summary": "{{fields.caption}}", "hint": "Mỗi ảnh chèn vào bài cần chú thích và tác giả ảnh."}),
        _texts("tags", "Chủ đề (tag)", "Cách nhau bằng dấu phẩy, ví dụ: Cà phê, Đắk Hà"),
        _optional({"name": "draft", "label": "Bản nháp (chưa đăng)", "widget": "boolean", "default": False}),
        _optional({"name": "featured", "label": "Tiêu điểm trang chủ", "widget": "boolean", "default": False}),
        _optional({"name": "slug", "label": "Đường dẫn", "widget": "string", "pattern": [r"^[a-z0-9]+(-[a-z0-9]+)*$",
                   "Chữ thường không dấu, số và dấu gạch ngang"],
                   "hint": "Để trống khi viết bài mới: tự tạo từ tiêu đề rồi giữ nguyên, kể cả khi sửa tiêu đề."}),
        _datetime("updated", "Cập nhật lúc", "Chỉ điền khi bài được cập nhật đáng kể."),
        _texts("aliases", "Địa chỉ cũ", "Đường dẫn của bài trên trang cũ, ví dụ /tin-tuc/bai-cu-123.html"),
        _texts("related", "Tin liên quan", "Tệp (kinh-te/2024/ca-phe.md), đường dẫn hoặc địa chỉ của bài khác"),
        _optional({"name": "corrections", "label": "Cải chính", "widget": "list",
                   "fields": [correction[key] for key in CORRECTION_FIELDS], "summary": "{{fields.date}}"}),
        _optional({"name": "withdrawn", "label": "Gỡ bài (lý do)", "widget": "text",
                   "hint": "Chỉ điền khi gỡ bài: bạn đọc thấy lý do này thay cho bài."}),
        _datetime("expires", "Hết hiệu lực lúc", "Cho thông báo có thời hạn: sau lúc này bài rời các danh sách."),
        _optional({"name": "layout", "label": "Kiểu trình bày", "widget": "select",
                   "options": [{"label": "E-magazine (bài dài)", "value": value} for value in LAYOUTS if value]}),
        _optional({"name": "video", "label": "Video", "widget": "object", "collapsed": True,
                   "fields": [_optional({"name": key, **video[key]}) for key in VIDEO_FIELDS]}),
        _optional({"name": "audio", "label": "Bản tin âm thanh", "widget": "object", "collapsed": True,
                   "fields": [_optional({"name": key, **audio[key]}) for key in AUDIO_FIELDS]}),
        _optional({"name": "gallery", "label": "Phóng sự ảnh", "widget": "list", "fields": photo_fields(),
                   "summary": "{{fields.caption}}"}),
        _texts("missing_photos", "Ảnh còn thiếu (từ lưu trữ cũ)", "Xóa từng dòng khi đã thêm ảnh đó vào bài."),
    ]


def front_matter_keys(fields: list[Field]) -> list[str]:
    """The front-matter keys a form writes (every field but the body)."""
    return [field["name"] for field in fields if field["name"] != "body"]


PLAIN_KEYS = ("date", "updated", "expires", "slug", "src", "layout", "duration")
"""Keys whose values the form writes without quotes, as `sitegen new` does (`date: 2026-12-04 09:30`,
`slug: ...`) — when the value is only letters, digits and `-_.:/ ` (anything else is quoted)."""
