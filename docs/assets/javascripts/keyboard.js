/*
 * Keyboard use of the theme (issue 18), on every page:
 * - the skip links move focus to their target every time, also while a tool page is still loading,
 *   and tool pages get a second one, "Skip to the tool";
 * - the menu and search controls are named buttons that Tab reaches (Material makes them <label>s);
 * - links in the closed menu drawer, and the closed search, are out of the Tab order (inert), and
 *   Escape closes the drawer.
 * Loaded in <head> (overrides/main.html) so that the skip links work before the rest of the page has
 * loaded; the rest waits for the page, and runs again after each instant navigation (document$).
 */
(function () {
  "use strict";

  var DRAWER_MEDIA = matchMedia("(max-width: 76.234375em)"); // Material's drawer breakpoint

  // --- Skip links ---------------------------------------------------------------------------------
  // Following a link to a heading only moves Chrome's "focus starting point", which a late script or
  // a scroll can reset, so the next Tab went back to the top. Focus the target itself instead.
  function skipTarget(link) {
    var id = decodeURIComponent(link.hash.slice(1));
    return id ? document.getElementById(id) : null;
  }

  function focusTarget(target) {
    if (!target.hasAttribute("tabindex")) {
      target.setAttribute("tabindex", "-1");
      target.setAttribute("data-sccif-skip-target", "");
      target.addEventListener(
        "blur",
        function () {
          target.removeAttribute("tabindex");
          target.removeAttribute("data-sccif-skip-target");
        },
        { once: true }
      );
    }
    target.focus();
  }

  document.addEventListener(
    "click",
    function (event) {
      var link = event.target instanceof Element && event.target.closest("a.md-skip");
      if (!link || !link.hash) return;
      event.preventDefault();
      // Not Material's too: with instant navigation on, it would scroll to the target instead.
      event.stopPropagation();
      var target = skipTarget(link);
      if (target) return focusTarget(target);
      // Followed before the page has arrived as far as its target: focus it once it has, unless the
      // reader has moved on.
      document.addEventListener(
        "DOMContentLoaded",
        function () {
          var late = skipTarget(link);
          var still = document.activeElement === link || document.activeElement === document.body;
          if (late && still) focusTarget(late);
        },
        { once: true }
      );
    },
    true
  );

  function addToolSkipLink() {
    var skip = document.querySelector("[data-md-component=skip]");
    var tool = document.querySelector("[data-sccif-tool][id]"); // the build names the first tool (hooks/pyodide_runtime.py)
    if (!skip || !tool || skip.querySelector(".sccif-skip-tool")) return;
    var link = document.createElement("a");
    link.className = "md-skip sccif-skip-tool";
    link.href = "#" + tool.id;
    link.textContent = "Skip to the tool";
    skip.appendChild(link);
  }

  // --- Menu and search buttons ---------------------------------------------------------------------
  function toggleButton(label, name, extraClass) {
    var toggle = document.getElementById(label.htmlFor);
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " sccif-header-button " + extraClass;
    button.setAttribute("aria-label", name);
    button.setAttribute("aria-expanded", String(toggle.checked));
    while (label.firstChild) button.appendChild(label.firstChild);
    button.addEventListener("click", function () {
      toggle.click(); // Material listens for the checkbox's change event
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(toggle.checked));
    });
    label.replaceWith(button);
    return button;
  }

  var menuButton = null;

  function upgradeHeader() {
    var menu = document.querySelector(".md-header label.md-header__button[for=__drawer]");
    if (menu) menuButton = toggleButton(menu, "Menu", "sccif-menu-button");
    var search = document.querySelector(".md-header label.md-header__button[for=__search]");
    if (search) {
      var button = toggleButton(search, "Search", "sccif-search-button");
      button.addEventListener("click", function () {
        var input = document.querySelector(".md-search__input");
        if (input && document.getElementById("__search").checked) input.focus();
      });
    }
  }

  // --- Menu drawer ----------------------------------------------------------------------------------
  function drawerToggle() {
    return document.getElementById("__drawer");
  }

  function drawer() {
    return document.querySelector(".md-sidebar--primary");
  }

  function syncDrawer() {
    var sidebar = drawer();
    var toggle = drawerToggle();
    if (!sidebar || !toggle) return;
    sidebar.id = sidebar.id || "sccif-menu";
    if (menuButton) menuButton.setAttribute("aria-controls", sidebar.id);
    var closed = DRAWER_MEDIA.matches && !toggle.checked;
    sidebar.inert = closed;
    if (closed && sidebar.contains(document.activeElement) && menuButton) menuButton.focus();
  }

  // In the drawer, an open sub-menu (Material's checked .md-nav__toggle) is drawn over the levels
  // above it, and a closed one waits off to the side: Tab would visit both unseen. Take them out of
  // the Tab order.
  function syncLevels() {
    var sidebar = drawer();
    if (!sidebar) return;
    sidebar.querySelectorAll("[data-sccif-covered]").forEach(function (element) {
      element.inert = false;
      element.removeAttribute("data-sccif-covered");
    });
    if (!DRAWER_MEDIA.matches) return;
    function cover(element) {
      element.inert = true;
      element.setAttribute("data-sccif-covered", "");
    }
    sidebar.querySelectorAll(".md-nav__toggle").forEach(function (toggle) {
      var item = toggle.closest(".md-nav__item");
      var nested = item && item.querySelector(":scope > nav.md-nav");
      if (!nested) return;
      if (!toggle.checked) {
        cover(nested); // a closed sub-menu waits off to the side of the drawer
        return;
      }
      Array.from(item.parentElement.children).forEach(function (sibling) {
        if (sibling !== item) cover(sibling);
      });
      Array.from(item.children).forEach(function (child) {
        if (child !== nested && child !== toggle) cover(child);
      });
      var title = item.parentElement.parentElement.querySelector(":scope > .md-nav__title");
      if (title) cover(title);
    });
  }

  function onDrawerChange() {
    syncDrawer();
    syncLevels();
    var sidebar = drawer();
    if (drawerToggle().checked && DRAWER_MEDIA.matches && sidebar) {
      var first = Array.from(sidebar.querySelectorAll("a[href], button, [tabindex='0']")).find(function (element) {
        return !element.closest("[inert]") && element.getClientRects().length > 0;
      });
      if (first) first.focus();
    }
  }

  document.addEventListener("change", function (event) {
    if (event.target instanceof Element && event.target.matches(".md-sidebar--primary .md-nav__toggle")) syncLevels();
  });

  document.addEventListener("keydown", function (event) {
    var toggle = drawerToggle();
    if (event.key !== "Escape" || !toggle || !toggle.checked || !DRAWER_MEDIA.matches) return;
    toggle.click();
    if (menuButton) menuButton.focus();
  });

  // --- Closed search ---------------------------------------------------------------------------------
  // The search results (and, at phone width, the whole search box) are off screen or empty while the
  // search is closed, but Material leaves them focusable: an invisible Tab stop ("Initializing search").
  var SEARCH_HIDDEN_MEDIA = matchMedia("(max-width: 59.984375em)"); // Material's breakpoint

  function syncSearch() {
    var toggle = document.getElementById("__search");
    var search = document.querySelector(".md-search");
    var output = document.querySelector(".md-search__output");
    if (!toggle || !search) return;
    search.inert = SEARCH_HIDDEN_MEDIA.matches && !toggle.checked;
    if (output) output.inert = !toggle.checked;
  }

  // --- Every page -----------------------------------------------------------------------------------
  function onPage() {
    addToolSkipLink();
    syncDrawer();
    syncLevels();
    syncSearch();
  }

  function start() {
    upgradeHeader();
    var toggle = drawerToggle();
    if (toggle) toggle.addEventListener("change", onDrawerChange);
    DRAWER_MEDIA.addEventListener("change", syncDrawer);
    DRAWER_MEDIA.addEventListener("change", syncLevels);
    var search = document.getElementById("__search");
    if (search) search.addEventListener("change", syncSearch);
    SEARCH_HIDDEN_MEDIA.addEventListener("change", syncSearch);
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(onPage);
    else onPage();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
