// The search page: Pagefind's static index, queried in the browser; no server needed.
// Pagefind folds tone marks but not đ -> d (each search document carries a đ-folded copy of the
// title, sapo and tags for that: sitegen/search_documents.py). Here: results that contain the query with its exact diacritics come
// first, and each result shows the real title and sapo, with the query's words marked; where only
// the body matches, the words around the match instead of the sapo.

const form = document.querySelector(".search-page-form");
const input = document.getElementById("tu-khoa");
const select = document.getElementById("chuyen-muc");
const status = document.getElementById("trang-thai-tim-kiem");
const list = document.getElementById("ket-qua-tim-kiem");
const base = form.dataset.base;
const PAGE = 20;        // results shown at a time
const EXAMINED = 60;    // results re-ranked for exact diacritics
const FILTERED = 300;   // results checked against the chosen category
const BEFORE = 10;      // words of an excerpt before the match
const EXCERPT = 32;     // words of an excerpt in all
const TEXT_MARK = "⁂";  // the body's text follows it in a search document (TEXT_MARK in sitegen/search_documents.py)

const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
  .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
const exact = (text) => text.normalize("NFC").toLowerCase();

let pagefind = null;    // a promise of Pagefind's API, loaded once
let current = null;     // {query, results, data}
let moreButton = null;
let generation = 0;     // a newer search makes the answers of older ones stale

// The index comes in one bundle per publication year (newest first); the newest is the primary
// one and the others are merged into it, so one search covers every year.
const indexes = form.dataset.indexes.split(" ").filter(Boolean);

function engine() {
  // One loading for every search, however many start while it is under way.
  pagefind ??= (async () => {
    const api = await import(`${indexes[0]}pagefind.js`);
    await api.options({ baseUrl: base });
    for (const index of indexes.slice(1)) await api.mergeIndex(index, { baseUrl: base });
    return api;
  })();
  return pagefind;
}

const wordKey = (word) => fold(word.replace(/[^\p{L}\p{N}]/gu, ""));
// Where the query's words stand side by side in a list of word keys; -1 if nowhere.
const together = (found, keys) => found.findIndex((_, i) => keys.every((k, j) => found[i + j] === k));

// What a result shows under its title: the sapo, unless the body holds the query and the title and
// sapo do not (side by side first, then any of its words): then the words around that match.
function excerpt(result, terms) {
  const sapo = result.meta.sapo || "";
  const keys = terms.map(wordKey).filter(Boolean);
  const heading = `${result.meta.title || ""} ${sapo}`.split(/\s+/).map(wordKey);
  if (!keys.length || together(heading, keys) >= 0) return sapo;
  const at = result.content.lastIndexOf(TEXT_MARK);
  const words = at < 0 ? [] : result.content.slice(at + TEXT_MARK.length).replace(/^[\s.]+/, "").split(/\s+/);
  const found = words.map(wordKey);
  let first = together(found, keys);
  if (first < 0 && !keys.some((k) => heading.includes(k))) first = found.findIndex((w) => keys.includes(w));
  if (first < 0) return sapo;
  const start = Math.max(0, first - BEFORE);
  const end = Math.min(words.length, start + EXCERPT);
  return `${start > 0 ? "… " : ""}${words.slice(start, end).join(" ")}${end < words.length ? " …" : ""}`;
}

function marked(text, terms) {
  const fragment = document.createDocumentFragment();
  const keys = terms.map(wordKey);
  for (const part of text.split(/(\s+)/)) {
    const key = wordKey(part);
    if (key && keys.includes(key)) {
      const mark = document.createElement("mark");
      mark.textContent = part;
      fragment.append(mark);
    } else {
      fragment.append(part);
    }
  }
  return fragment;
}

function item(result, terms) {
  const li = document.createElement("li");
  li.className = "search-result";
  if (result.meta.image) {
    // The thumbnail is the title's link again: hidden from screen readers and the tab order.
    const thumb = document.createElement("a");
    thumb.className = "search-thumb";
    thumb.href = result.url;
    thumb.tabIndex = -1;
    thumb.setAttribute("aria-hidden", "true");
    const img = document.createElement("img");
    img.src = result.meta.image;
    img.alt = "";
    img.width = 240;
    img.height = 160;
    img.loading = "lazy";
    img.decoding = "async";
    thumb.append(img);
    li.append(thumb);
    li.classList.add("has-image");
  }
  const text = document.createElement("div");
  text.className = "search-text";
  const heading = document.createElement("h2");
  heading.className = "teaser-title";
  const link = document.createElement("a");
  link.href = result.url;
  link.append(marked(result.meta.title || result.url, terms));
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "teaser-meta";
  meta.textContent = [result.meta.category, result.meta.date].filter(Boolean).join(" · ");
  const sapo = document.createElement("p");
  sapo.className = "teaser-summary";
  sapo.append(marked(excerpt(result, terms), terms));
  text.append(heading, meta, sapo);
  li.append(text);
  return li;
}

// Rank of a result for a query, lower first: the query as written (with its diacritics) beats the
// query folded; a phrase in the title beats one in the text; all words beat some words.
function tier(result, query, terms) {
  const title = result.meta.title || "";
  const text = `${result.meta.sapo || ""} ${result.content}`;
  const phrase = terms.join(" ");
  if (exact(title).includes(exact(phrase))) return 0;
  if (exact(text).includes(exact(phrase))) return 1;
  if (fold(title).includes(fold(phrase))) return 2;
  if (fold(text).includes(fold(phrase))) return 3;
  const all = exact(`${title} ${text}`);
  return terms.every((t) => all.includes(exact(t))) ? 4 : 5;
}

async function showMore() {
  const mine = generation;
  const { results, data, terms } = current;
  const start = list.children.length;
  const next = data.slice(start, start + PAGE);
  if (next.length < PAGE && data.length < results.length) {
    const extra = await Promise.all(results.slice(data.length, start + PAGE).map((r) => r.data()));
    if (mine !== generation) return;
    data.push(...extra);
    next.push(...extra.slice(0, PAGE - next.length));
  }
  for (const result of next) list.append(item(result, terms));
  moreButton.hidden = list.children.length >= results.length;
  if (start > 0 && list.children[start]) list.children[start].querySelector("a").focus();
}

async function run() {
  const query = input.value.trim();
  const category = select.value;
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (category) params.set("chuyen-muc", category);
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
  list.replaceChildren();
  moreButton.hidden = true;
  if (!query) {
    generation++;
    status.textContent = "Nhập từ khóa để tìm bài viết.";
    return;
  }
  if (!indexes.length) {
    status.textContent = "Chưa có bài viết nào để tìm.";
    return;
  }
  status.textContent = "Đang tìm…";
  const mine = ++generation;
  const engineApi = await engine();
  // A category is a word in the index (see search_token in sitegen/search_documents.py): adding it to the
  // query keeps only that category's articles.
  const token = category ? select.selectedOptions[0].dataset.token : "";
  const terms = query.split(/\s+/).filter(Boolean);
  // Vietnamese words are syllables: "dai hoi" is "đại hội" only where they stand side by side.
  // The index holds each page's neighbouring syllables folded and joined ("daihoi", see
  // syllable_pairs in sitegen/search_documents.py): pages that have the query's pairs come first, whatever
  // their rank among pages that hold the syllables apart.
  const syllables = terms.map((t) => fold(t).replace(/[^a-z0-9]/g, "")).filter(Boolean);
  const pairs = syllables.slice(1).map((s, i) => syllables[i] + s);
  const [phrase, loose] = await Promise.all([
    pairs.length ? engineApi.search(pairs.join(" ")) : null,
    engineApi.search(token ? `${query} ${token}` : query),
  ]);
  const seen = new Set();
  const results = [...(phrase ? phrase.results : []), ...loose.results]
    .filter((r) => !seen.has(r.id) && seen.add(r.id));
  const search = { results };
  // A bundle without any article of the category does not know its word and answers the rest of
  // the query: results are checked against their category as well.
  const limit = category ? FILTERED : EXAMINED;
  let examined = await Promise.all(search.results.slice(0, limit).map((r) => r.data()));
  if (mine !== generation) return;
  let total = search.results.length;
  if (category) {
    examined = examined.filter((d) => d.meta.category === category);
    total = examined.length;
  }
  const tiers = new Map(examined.map((d) => [d, tier(d, query, terms)]));
  const data = examined.map((d, i) => [tiers.get(d), i, d]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
  current = { results: category ? data : search.results, data, terms };
  const where = category ? ` trong chuyên mục ${category}` : "";
  const more = category && search.results.length > FILTERED ? "hơn " : "";
  await showMore();
  if (mine !== generation) return;
  status.textContent = total
    ? `Tìm thấy ${more}${total} bài viết cho “${query}”${where}.`
    : `Không tìm thấy bài viết nào cho “${query}”${where}. Hãy thử từ khóa khác.`;
}

moreButton = document.createElement("button");
moreButton.type = "button";
moreButton.className = "search-more";
moreButton.textContent = "Xem thêm kết quả";
moreButton.hidden = true;
moreButton.addEventListener("click", showMore);
list.after(moreButton);

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
select.addEventListener("change", () => { if (input.value.trim()) run(); });

const initial = new URLSearchParams(location.search);
input.value = initial.get("q") || "";
select.value = initial.get("chuyen-muc") || "";
if (input.value) run(); else input.focus();
