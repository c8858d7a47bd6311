// tilbake's own few lines: start a download the server has made ready (a link marked data-autodownload
// in content htmx has just swapped in), so "Last ned treningsdata" ends in the file itself.
document.addEventListener("htmx:afterSettle", function (event) {
  event.detail.elt.querySelectorAll("a[data-autodownload]").forEach(function (link) {
    link.removeAttribute("data-autodownload");
    link.click();
  });
});
