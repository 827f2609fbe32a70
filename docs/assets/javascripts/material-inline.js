/*
 * The small scripts Material for MkDocs 9 writes inline into every page, moved into this
 * same-origin file so that the Content-Security-Policy can forbid inline script.
 * Each <script src="material-inline.js" data-md-part="..."> runs one part, at the place in the
 * page where Material had its inline script (see overrides/partials/javascripts/).
 * The code is Material's own (MIT licence), unminified; keep it in step when upgrading Material.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var part = script && script.getAttribute("data-md-part");

  // partials/javascripts/base.html: the globals Material's bundle reads and writes.
  function base() {
    window.__md_scope = new URL(script.getAttribute("data-md-scope") || ".", location);
    window.__md_hash = function (value) {
      return Array.from(value).reduce(function (hash, char) {
        return (hash << 5) - hash + char.charCodeAt(0);
      }, 0);
    };
    window.__md_get = function (key, storage, scope) {
      storage = storage || localStorage;
      scope = scope || window.__md_scope;
      return JSON.parse(storage.getItem(scope.pathname + "." + key));
    };
    window.__md_set = function (key, value, storage, scope) {
      storage = storage || localStorage;
      scope = scope || window.__md_scope;
      try {
        storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
      } catch (error) {
        /* storage full or disabled: the preference is simply not kept */
      }
    };
  }

  // partials/javascripts/palette.html: apply the reader's saved colour scheme.
  function palette() {
    var saved = window.__md_get("__palette");
    if (!saved || !saved.color) return;
    if (saved.color.media === "(prefers-color-scheme)") {
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var input = document.querySelector(
        light
          ? "[data-md-color-media='(prefers-color-scheme: light)']"
          : "[data-md-color-media='(prefers-color-scheme: dark)']"
      );
      saved.color.media = input.getAttribute("data-md-color-media");
      saved.color.scheme = input.getAttribute("data-md-color-scheme");
      saved.color.primary = input.getAttribute("data-md-color-primary");
      saved.color.accent = input.getAttribute("data-md-color-accent");
    }
    Object.keys(saved.color).forEach(function (key) {
      document.body.setAttribute("data-md-color-" + key, saved.color[key]);
    });
  }

  // partials/javascripts/content.html: open the content tab a link's #fragment names.
  function content() {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
  }

  var parts = { base: base, palette: palette, content: content };
  if (parts[part]) parts[part]();
})();
