// tilbake's own lines for the review page: keys for the entities (j/k, a, n, types, p, l, u) and the
// text selection turned into offsets. Every change is a POST of the hidden form (offsets, no text).
(function () {
  var current = -1;  // no entity chosen until the first j or k
  var form = document.getElementById("rett-skjema");
  var TYPE_KEYS = JSON.parse(document.getElementById("type-keys").textContent);

  function marks() { return document.querySelectorAll("#doc mark.ent"); }

  function show(n) {
    var all = marks();
    if (!all.length) { return; }
    current = Math.max(0, Math.min(n, all.length - 1));
    all.forEach(function (m, i) { m.classList.toggle("current", i === current); });
    document.querySelectorAll(".entities > li").forEach(function (li, i) {
      li.classList.toggle("current", i === current);
    });
    all[current].focus();
  }

  function send(action, start, end, label, allLikeThis) {
    form.elements.action.value = action;
    form.elements.start.value = start;
    form.elements.end.value = end;
    form.elements.label.value = label || "";
    form.elements.all_like_this.value = allLikeThis ? "true" : "false";
    form.requestSubmit();
  }

  function offset(node, within) {
    var el = node.nodeType === 3 ? node.parentElement : node;
    var piece = el && el.closest("[data-o]");
    return piece ? parseInt(piece.dataset.o, 10) + (node.nodeType === 3 ? within : 0) : null;
  }

  function selected() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed) { return null; }
    var a = offset(sel.anchorNode, sel.anchorOffset), b = offset(sel.focusNode, sel.focusOffset);
    if (a === null || b === null || a === b) { return null; }
    return [Math.min(a, b), Math.max(a, b)];
  }

  function onEntity(action, label, allLikeThis) {
    var m = marks()[Math.max(current, 0)];
    if (m) { send(action, m.dataset.start, m.dataset.end, label || m.dataset.label, allLikeThis); }
  }

  function press(key) {
    var range = selected(), newType = document.getElementById("ny-type").value;
    if (key === "j") { show(current + 1); }
    else if (key === "k") { show(Math.max(current - 1, 0)); }
    else if (key === "a") { onEntity("godta"); }
    else if (key === "n") { onEntity("ikke-pii"); }
    else if (key === "u") { htmx.trigger("#angre-skjema", "submit"); }
    else if (key === "p" && range) { send("marker", range[0], range[1], newType, false); }
    else if (key === "l" && range) { send("marker", range[0], range[1], newType, true); }
    else if (key === "l") { onEntity("marker", null, true); }
    else if (TYPE_KEYS[key]) { onEntity("endre-type", TYPE_KEYS[key]); }
    else { return false; }
    return true;
  }

  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || (t && t.closest && t.closest("input, select, textarea"))) {
      return;
    }
    if (press(event.key)) { event.preventDefault(); }
  });
  document.querySelectorAll("[data-key]").forEach(function (button) {
    button.addEventListener("click", function () { press(button.dataset.key); });
  });
  document.body.addEventListener("htmx:afterSettle", function (event) {
    if (current >= 0 && event.detail.target.id === "panel") { show(current); }
  });
})();
