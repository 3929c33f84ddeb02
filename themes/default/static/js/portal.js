// The reader's conveniences, every one progressive: the page works and reads without this file.
// Today's date line, the phone menu and the desktop menu's "Khác" list, the article's tools
// (copy link, type size, print), the "Tin mới" box filled from tin-moi.json, today's times
// shortened to "hh:mm" (the build cannot know which day the reader reads on), the "Tin nóng"
// banner, the YouTube player asked for only on a click, and a photo essay's lightbox.

const WEEKDAYS = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
const pad = (n) => String(n).padStart(2, "0");
const sameDay = (a, b) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

// --- today's date line: "Thứ Tư, 2/12/2026" ------------------------------------------------------
function dateLine() {
  const line = document.getElementById("hom-nay");
  if (!line) return;
  const now = new Date();
  line.textContent = `${WEEKDAYS[now.getDay()]}, ${now.getDate()}/${now.getMonth() + 1}/${now.getFullYear()}`;
  line.hidden = false;
}

// --- times: today's stories show "hh:mm", older ones "dd/mm hh:mm" ------------------------------
function shortTime(time, now = new Date()) {
  const date = new Date(time.getAttribute("datetime"));
  if (Number.isNaN(date.getTime())) return;
  time.textContent = sameDay(date, now) ? `${pad(date.getHours())}:${pad(date.getMinutes())}`
    : `${pad(date.getDate())}/${pad(date.getMonth() + 1)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

// A button made by script (for what only works with it): its class, its sign, its spoken name.
function button(cls, text, label) {
  const made = document.createElement("button");
  made.type = "button";
  made.className = cls;
  made.textContent = text;
  made.setAttribute("aria-label", label);
  return made;
}

// --- a disclosure: a button that shows and hides a list, by mouse, touch and keyboard --------------
function disclosure(button, panel, { onOpen } = {}) {
  const root = button.closest("nav") || document;
  const set = (open) => {
    button.setAttribute("aria-expanded", String(open));
    panel.classList.toggle("open", open);
    if (open && onOpen) onOpen();
  };
  const close = (focus) => {
    if (button.getAttribute("aria-expanded") !== "true") return;
    set(false);
    if (focus) button.focus();
  };
  button.addEventListener("click", () => set(button.getAttribute("aria-expanded") !== "true"));
  root.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      event.stopPropagation();
      close(true);
    }
  });
  document.addEventListener("click", (event) => {
    if (!button.contains(event.target) && !panel.contains(event.target)) close(false);
  });
  panel.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !panel.contains(event.relatedTarget) && event.relatedTarget !== button) close(false);
  });
  return { close };
}

// --- the menu -------------------------------------------------------------------------------------
function menu() {
  const nav = document.querySelector("nav.menu");
  if (!nav) return;
  const toggle = nav.querySelector(".menu-toggle");
  const list = nav.querySelector(".menu-list");
  const moreItem = nav.querySelector(".menu-more");
  const moreButton = nav.querySelector(".more-toggle");
  const moreList = nav.querySelector(".more-list");
  const wide = window.matchMedia("(min-width: 64rem)");

  const phone = disclosure(toggle, list, {
    onOpen: () => { const first = list.querySelector("a"); if (first) first.focus(); },
  });
  const more = disclosure(moreButton, moreList, {
    onOpen: () => { const first = moreList.querySelector("a"); if (first) first.focus(); },
  });

  // Desktop: one row; the items that do not fit go, in their order, into the "Khác" list.
  const fit = () => {
    for (const li of [...moreList.children]) list.insertBefore(li, moreItem);
    moreItem.hidden = true;
    more.close(false);
    if (!wide.matches) return;
    phone.close(false);
    const items = () => [...list.children].filter((li) => li !== moreItem);
    const overflows = () => {
      const right = list.getBoundingClientRect().right + 0.5;
      return [...list.children].some((li) => !li.hidden && li.getBoundingClientRect().right > right);
    };
    if (!overflows()) return;
    moreItem.hidden = false;
    while (overflows() && items().length > 1) moreList.prepend(items().at(-1));
  };
  let pending = 0;
  const refit = () => { cancelAnimationFrame(pending); pending = requestAnimationFrame(fit); };
  window.addEventListener("resize", refit);
  wide.addEventListener("change", refit);
  fit();
  nav.classList.add("ready");
}

// --- article tools ----------------------------------------------------------------------------------
const SIZES = [0.9, 1, 1.12, 1.25, 1.4];
const SIZE_KEY = "sitegen.co-chu";

function storedSize() {
  try {
    const n = Number(localStorage.getItem(SIZE_KEY));
    return SIZES.includes(n) ? n : 1;
  } catch { return 1; }
}

function applySize(n) {
  document.documentElement.style.setProperty("--reading-scale", String(n));
}

function articleTools() {
  for (const element of document.querySelectorAll(".js-only")) element.classList.add("shown");
  const status = document.querySelector(".tool-status");
  const say = (text) => { if (status) status.textContent = text; };
  const step = (delta) => {
    const i = Math.min(SIZES.length - 1, Math.max(0, SIZES.indexOf(storedSize()) + delta));
    applySize(SIZES[i]);
    try { localStorage.setItem(SIZE_KEY, String(SIZES[i])); } catch { /* private mode: this page only */ }
    say(`Cỡ chữ ${Math.round(SIZES[i] * 100)}%`);
  };
  document.querySelector(".font-smaller")?.addEventListener("click", () => step(-1));
  document.querySelector(".font-larger")?.addEventListener("click", () => step(1));
  document.querySelector(".print-page")?.addEventListener("click", () => window.print());
  const copy = document.querySelector(".copy-link");
  copy?.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(copy.dataset.url);
      say("Đã sao chép liên kết bài viết.");
    } catch {
      window.prompt("Sao chép liên kết bài viết:", copy.dataset.url);
    }
  });
}

// --- "Tin mới" beside an article, from tin-moi.json ------------------------------------------------
async function latestBox() {
  const box = document.querySelector(".rail-latest[data-latest]");
  if (!box) return;
  let articles;
  try {
    const response = await fetch(box.dataset.latest);
    if (!response.ok) return;
    ({ articles } = await response.json());
  } catch { return; }
  const shown = articles.filter((a) => a.url !== box.dataset.current).slice(0, 6);
  if (!shown.length) return;
  const list = document.createElement("ol");
  list.className = "latest-list";
  const now = new Date();
  for (const a of shown) {
    const li = document.createElement("li");
    li.className = "latest-item";
    const time = document.createElement("time");
    time.className = "latest-time";
    time.setAttribute("datetime", a.date);
    shortTime(time, now);
    const heading = document.createElement("h3");
    heading.className = "teaser-title";
    const link = document.createElement("a");
    link.href = a.url;
    link.textContent = a.title;
    heading.append(link);
    li.append(time, " ", heading);
    list.append(li);
  }
  box.querySelector(".rail-fallback")?.remove();
  box.append(list);
}

// --- "Tin nóng": the breaking-news banner, between its start and end -------------------------------
// The home page has it in its HTML; other pages read it from tin-nong.json (sitegen/banner.py says
// why). A reader who closes it does not see it again in this tab, on any page.
async function banner() {
  let bar = document.querySelector(".tin-nong");
  let data = bar && { text: bar.querySelector(".tin-nong-text").textContent, start: bar.dataset.start, end: bar.dataset.end };
  if (!bar) {
    if (!document.body.dataset.banner) return;
    try {
      const response = await fetch(document.body.dataset.banner, { cache: "no-cache" });
      if (!response.ok) return;
      data = await response.json();
    } catch { return; }
    if (!data.text || !data.end) return;
  }
  const now = Date.now();
  const key = `tin-nong:${data.end}:${data.text}`;
  let closed = false;
  try { closed = sessionStorage.getItem(key) === "1"; } catch { /* storage off: shown */ }
  const over = now >= Date.parse(data.end) || (data.start && now < Date.parse(data.start));
  if (closed || over) {
    bar?.remove();
    document.body.classList.remove("has-banner");
    return;
  }
  if (!bar) {
    bar = document.createElement("aside");
    bar.className = "tin-nong";
    bar.setAttribute("aria-label", "Tin nóng");
    const label = document.createElement("strong");
    label.className = "tin-nong-label";
    label.textContent = "Tin nóng";
    // Only the site's own addresses and web addresses: what sitegen wrote, checked again here.
    const text = document.createElement(/^(\/|https?:\/\/)/.test(data.url || "") ? "a" : "span");
    text.className = "tin-nong-text";
    text.textContent = data.text;
    if (text.tagName === "A") text.href = data.url;
    bar.append(label, " ", text);
    document.body.append(bar);
    document.body.classList.add("has-banner");
  }
  const close = button("tin-nong-close", "×", "Đóng tin nóng");
  close.addEventListener("click", () => {
    try { sessionStorage.setItem(key, "1"); } catch { /* this page only */ }
    bar.remove();
    document.body.classList.remove("has-banner");
  });
  bar.append(close);
}

// --- video: the player is asked of YouTube only when the reader clicks ------------------------------
function videos() {
  for (const figure of document.querySelectorAll("figure.video[data-embed]")) {
    const facade = figure.querySelector(".video-facade");
    facade.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;  // a new tab on YouTube, as asked
      event.preventDefault();
      const player = document.createElement("iframe");
      player.className = "video-frame";
      player.src = figure.dataset.embed;
      player.title = `Video: ${figure.dataset.title}`;
      player.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      player.allowFullscreen = true;
      player.referrerPolicy = "strict-origin-when-cross-origin";
      facade.replaceWith(player);
      player.focus();
    });
  }
}

// --- a photo essay's lightbox: the photo large on a dark ground; arrows, Esc, focus given back ---------
function lightbox() {
  const links = [...document.querySelectorAll(".gallery .gallery-open")];
  if (!links.length) return;
  const dialog = document.createElement("dialog");
  dialog.className = "lightbox";
  dialog.setAttribute("aria-label", "Xem ảnh");
  const stage = document.createElement("div");
  stage.className = "lightbox-stage";
  const caption = document.createElement("p");
  caption.className = "lightbox-caption";
  caption.id = "lightbox-caption";
  dialog.setAttribute("aria-describedby", caption.id);
  const prev = button("lightbox-prev", "‹", "Ảnh trước");
  const next = button("lightbox-next", "›", "Ảnh sau");
  const close = button("lightbox-close", "×", "Đóng");
  dialog.append(close, stage, prev, next, caption);
  document.body.append(dialog);
  let at = 0;
  const show = (index) => {
    at = (index + links.length) % links.length;
    const figure = links[at].closest("figure");
    const picture = links[at].querySelector("picture, img").cloneNode(true);
    for (const el of [picture, ...picture.querySelectorAll("source, img")]) {
      if (el.hasAttribute("sizes")) el.setAttribute("sizes", "100vw");
      el.removeAttribute("loading");
    }
    stage.replaceChildren(picture);
    caption.textContent = figure.querySelector("figcaption")?.textContent.trim() || "";
  };
  for (const [index, link] of links.entries()) {
    link.addEventListener("click", (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      show(index);
      dialog.showModal();
      close.focus();
    });
  }
  prev.addEventListener("click", () => show(at - 1));
  next.addEventListener("click", () => show(at + 1));
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("keydown", (event) => {
    if (event.key === "ArrowRight") { show(at + 1); event.preventDefault(); }
    if (event.key === "ArrowLeft") { show(at - 1); event.preventDefault(); }
  });
  dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });
  // Back to the photo last shown, where the reader left the page.
  dialog.addEventListener("close", () => links[at].focus());
}

applySize(storedSize());
dateLine();
menu();
articleTools();
const now = new Date();
for (const time of document.querySelectorAll("time.latest-time")) shortTime(time, now);
latestBox();
banner();
videos();
lightbox();
