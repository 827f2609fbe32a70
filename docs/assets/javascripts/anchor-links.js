/*
 * A link to another page's #anchor opens the page at that anchor, also with instant navigation.
 *
 * Material saves the scroll position of the page being left 100 ms after each scroll, in the
 * history entry, and after switching pages it goes back to a saved position instead of the link's
 * anchor. So a reader who reaches a citation and follows it within 100 ms of a scroll (Tab moves
 * focus and scrolls, then Enter), on a machine slow enough that the new page takes longer than that
 * to arrive, landed where they had been on the old page, far from the paragraph cited. This notes
 * the anchor of a followed link and, once the new page is in place, scrolls to it if it is not in view.
 * Going back and forward is left to Material: there the saved position is the right one.
 * Deferred: it needs Material's document$, which its bundle sets up.
 */
(function () {
  "use strict";

  var followed = null; // the URL of a followed link to another page's anchor

  document.addEventListener(
    "click",
    function (event) {
      followed = null;
      var link = event.target instanceof Element && event.target.closest("a[href]");
      if (!link || link.target || event.metaKey || event.ctrlKey || event.shiftKey) return;
      var url = new URL(link.href, location.href);
      if (url.origin === location.origin && url.pathname !== location.pathname && url.hash) followed = url;
    },
    true
  );

  function onPage() {
    var url = followed;
    followed = null;
    if (!url || url.pathname !== location.pathname) return;
    var target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (!target) return;
    var top = target.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight) target.scrollIntoView();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(onPage);
})();
