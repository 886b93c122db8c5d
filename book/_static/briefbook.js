/* briefbook: tables a reader can fit, filter and sort, with no network and no library.
 *
 * - A table wider than its column is shown as one card per row, each value under its column's name
 *   (every cell carries data-label), so no page scrolls sideways at any width.
 * - A table of more than a screenful of rows gets a filter box (rows containing the words typed)
 *   and headers that sort it (numbers as numbers, "2,000" included; again to reverse).
 * - A row the analyst can correct (a statement, figure, event or article) gets a small "fix" button
 *   that copies its line for corrections.yaml (data-fix, written by the build) to the clipboard.
 */
(function () {
  "use strict";
  var MANY_ROWS = 8;

  function fit() {
    document.querySelectorAll(".briefbook-table-wrap").forEach(function (wrap) {
      var table = wrap.querySelector("table");
      if (!table) return;
      wrap.classList.remove("briefbook-cards");
      if (table.scrollWidth > wrap.clientWidth + 1) wrap.classList.add("briefbook-cards");
    });
  }

  function number(text) {
    var match = text.replace(/,/g, "").match(/^-?\d+(\.\d+)?/);
    return match ? parseFloat(match[0]) : NaN;
  }

  function sortBy(table, column, header) {
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].textContent.trim(), y = b.cells[column].textContent.trim();
      var nx = number(x), ny = number(y);
      var order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(header.parentNode.cells, function (cell) { cell.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function enhance(table) {
    var body = table.tBodies[0], head = table.tHead;
    if (!body || !head || body.rows.length < MANY_ROWS) return;
    var box = document.createElement("input");
    box.type = "search";
    box.className = "briefbook-filter";
    box.placeholder = "Filter the " + body.rows.length + " rows: type a name, an outlet, a word";
    box.setAttribute("aria-label", "Filter the rows of this table");
    box.addEventListener("input", function () {
      var words = box.value.toLowerCase().trim();
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = words !== "" && row.textContent.toLowerCase().indexOf(words) < 0;
      });
    });
    var wrap = table.closest(".briefbook-table-wrap") || table;
    wrap.parentNode.insertBefore(box, wrap);
    Array.prototype.forEach.call(head.rows[0].cells, function (header, column) {
      header.tabIndex = 0;
      header.title = "Sort by this column";
      header.classList.add("briefbook-sortable");
      header.addEventListener("click", function () { sortBy(table, column, header); });
      header.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(table, column, header); }
      });
    });
  }

  function copied(button, text) {
    var done = function () { button.textContent = "copied"; setTimeout(function () { button.textContent = "fix"; }, 1500); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { window.prompt("Copy this line into corrections.yaml", text); });
    } else {
      window.prompt("Copy this line into corrections.yaml", text);
    }
  }

  function fixButtons(table) {
    Array.prototype.forEach.call(table.querySelectorAll("tr[data-fix]"), function (row) {
      var cell = row.cells[0];
      if (!cell) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "briefbook-fix";
      button.textContent = "fix";
      button.title = "Copy this row's line for corrections.yaml";
      button.addEventListener("click", function () { copied(button, row.getAttribute("data-fix")); });
      cell.appendChild(button);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table.briefbook-table").forEach(enhance);
    document.querySelectorAll("table.briefbook-table").forEach(fixButtons);
    fit();
    var pending;
    window.addEventListener("resize", function () { clearTimeout(pending); pending = setTimeout(fit, 100); });
  });
})();
