// Runs in <head>, before the first paint: marks that scripts run (CSS shows the JS-only tools and the
// phone menu's button) and applies the reader's text size, so the page does not jump. A file, not an
// inline script: pages hold no script of their own (a Content-Security-Policy can forbid inline ones).
document.documentElement.classList.add("js");
try {
  var size = localStorage.getItem("sitegen.co-chu");
  if (size) document.documentElement.style.setProperty("--reading-scale", size);
} catch (e) { /* storage refused (private mode): the default size */ }
