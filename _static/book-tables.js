/* Tables that cannot fit their column at the reader's width become stacked cards: each row a block,
   each cell under a copy of its column's heading.  Nothing is shrunk and no word is broken; a table
   that fits stays a table.  Re-checked on resize and once MathJax has typeset (it changes widths).
   tests/test_browser.py checks at 1280, 768 and 390 px that no table is wider than its container. */
(function () {
  "use strict";
  var mathDone = false;

  function label(table) {
    if (table.dataset.bkLabelled) return;
    var heads = table.querySelectorAll("thead th");
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (cell, i) {
        var head = heads[i];
        if (!head || !head.textContent.trim()) return;
        var span = document.createElement("span");
        span.className = "bk-label";
        Array.prototype.forEach.call(head.childNodes, function (n) { span.appendChild(n.cloneNode(true)); });
        cell.insertBefore(span, cell.firstChild);
      });
    });
    table.dataset.bkLabelled = "1";
  }

  function fit() {
    document.querySelectorAll("main table").forEach(function (table) {
      table.classList.remove("bk-stacked");
      if (table.getBoundingClientRect().width > table.parentElement.clientWidth + 0.5) {
        if (mathDone) label(table);  // headings may hold math: copy them once it is typeset
        table.classList.add("bk-stacked");
      }
    });
  }

  function afterMath() {
    mathDone = true;
    fit();
  }

  window.addEventListener("resize", fit);
  document.addEventListener("DOMContentLoaded", fit);
  window.addEventListener("load", function () {
    var mj = window.MathJax;
    if (mj && mj.startup && mj.startup.promise) mj.startup.promise.then(afterMath);
    else afterMath();
  });
})();
