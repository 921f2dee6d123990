// plansite: the script of every page. Everything works without it; it adds the
// care-mode switch (关怀版), remembered across pages, and care mode's reading aloud.
(function () {
  "use strict";
  var KEY = "plansite-care";
  var root = document.documentElement;
  function stored() {
    try { return window.localStorage.getItem(KEY) === "on"; } catch (e) { return false; }
  }
  function store(on) {
    try { window.localStorage.setItem(KEY, on ? "on" : "off"); } catch (e) { /* private mode */ }
  }
  if (stored()) root.classList.add("care");
  document.addEventListener("DOMContentLoaded", navigationEdges);
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("care-toggle");
    if (!button) return;
    var labelOff = button.textContent;
    var labelOn = button.getAttribute("data-label-on") || labelOff;
    function show(on) {
      button.setAttribute("aria-pressed", on ? "true" : "false");
      button.textContent = on ? labelOn : labelOff;
    }
    show(root.classList.contains("care"));
    button.hidden = false;
    button.addEventListener("click", function () {
      var on = !root.classList.contains("care");
      root.classList.toggle("care", on);
      store(on);
      show(on);
      if (!on) stopReading();
    });
    readAloud();
  });

  // On a narrow screen the navigation is one row that scrolls sideways, its edges
  // fading where there is more (style.css). This marks whether it is scrolled from its
  // start or to its end, and brings a link reached with Tab wholly into view, clear of
  // the fades (the browser leaves a half-visible link where it is).
  function navigationEdges() {
    var nav = document.querySelector(".main-nav");
    var list = nav && nav.querySelector("ul");
    if (!list) return;
    function mark() {
      var room = list.scrollWidth - list.clientWidth;
      var left = Math.abs(list.scrollLeft);
      nav.classList.toggle("past-start", room > 1 && left > 1);
      nav.classList.toggle("at-end", room <= 1 || left >= room - 1);
    }
    list.addEventListener("scroll", mark, { passive: true });
    window.addEventListener("resize", mark);
    list.addEventListener("focusin", function (e) {
      if (list.scrollWidth > list.clientWidth && e.target.scrollIntoView) {
        e.target.scrollIntoView({ block: "nearest", inline: "nearest" });
      }
    });
    mark();
  }

  // Care mode reads the page aloud on request, with the voices the reader's own
  // system has (the Web Speech API; nothing is fetched). The button shows only in
  // care mode and only where the browser can speak.
  var reading = null;
  function stopReading() {
    if (reading) { window.speechSynthesis.cancel(); reading(); }
  }
  function readAloud() {
    var read = document.getElementById("read-aloud");
    var main = document.getElementById("main");
    if (!read || !main || !("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
    var labelRead = read.textContent;
    var labelStop = read.getAttribute("data-label-stop") || labelRead;
    read.hidden = false;
    read.addEventListener("click", function () {
      if (reading) { stopReading(); return; }
      var text = main.innerText.replace(/\s+/g, " ").trim();
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = root.lang || "zh-Hans";
      utterance.rate = 0.9;
      reading = function () {
        reading = null;
        read.textContent = labelRead;
        read.setAttribute("aria-pressed", "false");
      };
      utterance.onend = function () { if (reading) reading(); };
      read.textContent = labelStop;
      read.setAttribute("aria-pressed", "true");
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(utterance);
    });
  }
})();
