// Click-to-load for films hosted on YouTube or Vimeo. Without this script the
// link simply opens the film on its platform; with it, the privacy-enhanced
// player replaces the link only once the visitor asks for it.
(function () {
  "use strict";
  var ALLOWED = /^https:\/\/(www\.youtube-nocookie\.com\/embed\/|player\.vimeo\.com\/video\/)/;

  function load(link) {
    var src = link.getAttribute("data-embed-url");
    if (!src || !ALLOWED.test(src)) {
      return false;
    }
    var frame = document.createElement("iframe");
    frame.className = "film-embed__frame";
    frame.src = src;
    frame.title = link.getAttribute("data-embed-title") || "";
    frame.allow = "autoplay; fullscreen; picture-in-picture";
    frame.setAttribute("allowfullscreen", "");
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    link.replaceWith(frame);
    frame.focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.film-embed");
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey && load(link)) {
      event.preventDefault();
    }
  });
})();
