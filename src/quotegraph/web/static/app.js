// quotegraph: hovering a quote in an article shows its speaker and highlights its source.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var infoEl = document.getElementById("att-info");
  var tip = document.getElementById("qg-tip");
  if (!text || !infoEl || !tip) return;
  var info = {};
  try { info = JSON.parse(infoEl.textContent || "{}"); } catch (e) { return; }
  var marks = Array.prototype.slice.call(text.querySelectorAll("mark[data-cover]"));
  var byAtt = {};  // attribution id -> [[mark, role], ...]
  marks.forEach(function (m) {
    m.getAttribute("data-cover").split(" ").forEach(function (c) {
      var p = c.split(":");
      (byAtt[p[0]] = byAtt[p[0]] || []).push([m, p[1]]);
    });
    if (m.classList.contains("qg-content")) m.tabIndex = 0;
  });
  var current = null;

  function clear() {
    if (current === null) return;
    (byAtt[current] || []).forEach(function (x) { x[0].classList.remove("qg-active", "qg-source-hl"); });
    var row = document.querySelector('table.attributions tr[data-att="' + current + '"]');
    if (row) row.classList.remove("qg-row-hl");
    tip.hidden = true;
    current = null;
  }

  function show(mark) {
    var att = mark.getAttribute("data-att");
    if (att === current) return;
    clear();
    current = att;
    (byAtt[att] || []).forEach(function (x) {
      x[0].classList.add("qg-active");
      if (x[1] === "source") x[0].classList.add("qg-source-hl");
    });
    var row = document.querySelector('table.attributions tr[data-att="' + att + '"]');
    if (row) row.classList.add("qg-row-hl");
    var i = info[att] || {};
    // built with textContent only: names and cues come from untrusted text
    tip.textContent = "";
    var who = document.createElement("strong");
    who.textContent = i.speaker || "unknown source";
    tip.appendChild(who);
    var k = document.createElement("span");
    k.className = "k";
    k.textContent = " · " + (i.kind || "") + (i.cue ? " · " + i.cue : "");
    tip.appendChild(k);
    tip.setAttribute("data-att", att);
    // above the quote's first line (below it if there is no room), clear of its source
    var rects = mark.getClientRects();
    var r = rects.length ? rects[0] : mark.getBoundingClientRect();
    tip.hidden = false;
    var h = tip.offsetHeight;
    var top = r.top - h - 6 >= 0 ? r.top - h - 6 : r.bottom + 6;
    tip.style.left = Math.max(4, r.left + window.scrollX) + "px";
    tip.style.top = (top + window.scrollY) + "px";
  }

  text.addEventListener("mouseover", function (ev) {
    var m = ev.target.closest ? ev.target.closest("mark[data-att]") : null;
    if (m && text.contains(m)) show(m); else clear();
  });
  text.addEventListener("mouseleave", clear);
  text.addEventListener("focusin", function (ev) {
    if (ev.target.matches && ev.target.matches("mark[data-att]")) show(ev.target);
  });
  text.addEventListener("focusout", clear);
})();
