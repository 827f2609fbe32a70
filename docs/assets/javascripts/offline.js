/*
 * Offline use after the first visit, and "A new version is available".
 *
 * Registers the service worker that hooks/offline.py writes at the site's root (sw.js, made with
 * Workbox). Every URL is worked out from this file's own address, so the site works at a
 * domain's root and under a sub-path alike (this file is <site>/assets/javascripts/offline.js).
 *
 * How updates reach readers:
 * - the service worker precaches every file of one deployment, each with a revision, and serves
 *   them together, so a page never mixes old and new files;
 * - the browser checks sw.js for changes on every page load (updateViaCache "none": never from
 *   the HTTP cache), and this script asks again after instant navigation, which loads no page;
 * - a new deployment installs in the background and waits; this script then shows
 *   "A new version is available" with a Reload button (a role="status" live region).
 *   Reload tells the waiting worker to take over, and the page reloads on the new version.
 *   If the reader ignores it, the new version takes over once every tab of the site is closed.
 *
 * Registration waits for the page's load event and, on a tool page, for its runtime to start, so
 * that the first visit's precaching never competes with what the reader is waiting for.
 *
 * No inline script, no innerHTML: the banner is built with DOM methods and textContent.
 */
(function () {
  "use strict";

  if (!("serviceWorker" in navigator) || !document.currentScript) return;

  var root = new URL("../../", document.currentScript.src);
  var workerUrl = new URL("sw.js", root);
  // At most one extra update check per this many milliseconds of instant navigation.
  var UPDATE_INTERVAL = 60 * 1000;
  var lastCheck = Date.now();
  var acceptedUpdate = false;
  var hadController = Boolean(navigator.serviceWorker.controller);

  // The live region exists, empty, from the start, so that screen readers announce what is
  // later put into it. It sits outside Material's swapped containers, so it survives instant
  // navigation.
  var region = document.createElement("div");
  region.className = "sccif-update";
  region.setAttribute("role", "status");
  region.setAttribute("data-sccif-update", "");
  document.body.appendChild(region);

  function showBanner(message, onReload) {
    if (region.querySelector("button")) return;
    var inner = document.createElement("div");
    inner.className = "sccif-update__inner md-typeset";
    var text = document.createElement("p");
    text.className = "sccif-update__text";
    text.textContent = message + " ";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary sccif-update__button";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      button.disabled = true;
      button.textContent = "Reloading…";
      onReload();
    });
    text.appendChild(button);
    inner.appendChild(text);
    region.appendChild(inner);
    document.documentElement.classList.add("sccif-has-update");
  }

  function offerUpdate(registration) {
    showBanner("A new version is available.", function () {
      acceptedUpdate = true;
      if (registration.waiting) {
        registration.waiting.postMessage({ type: "SKIP_WAITING" });
      } else {
        location.reload();
      }
    });
  }

  function watchInstalling(registration, worker) {
    if (!worker) return;
    worker.addEventListener("statechange", function () {
      if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(registration);
    });
  }

  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (!hadController) {
      // The first visit: the new worker has just claimed this page. Nothing to reload.
      hadController = true;
      return;
    }
    if (acceptedUpdate) {
      acceptedUpdate = false;
      location.reload();
    } else {
      // Another tab accepted the update: this page's files are now the old version.
      showBanner("A new version is available.", function () {
        location.reload();
      });
    }
  });

  function checkForUpdate(registration) {
    if (Date.now() - lastCheck < UPDATE_INTERVAL) return;
    lastCheck = Date.now();
    registration.update().catch(function () {
      /* offline, or the server is away: the next page load checks again */
    });
  }

  function register() {
    navigator.serviceWorker
      .register(workerUrl.href, { scope: root.href, updateViaCache: "none" })
      .then(function (registration) {
        if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration);
        watchInstalling(registration, registration.installing);
        registration.addEventListener("updatefound", function () {
          watchInstalling(registration, registration.installing);
        });
        if (window.document$ && typeof window.document$.subscribe === "function") {
          window.document$.subscribe(function () {
            checkForUpdate(registration);
          });
        }
      })
      .catch(function (error) {
        // The site still works online; only offline use is lost. Say so quietly, for whoever debugs.
        console.warn("Offline use is not available:", error && error.message ? error.message : error);
      });
  }

  // On a tool page, wait until its runtime has started (or failed), at most TOOL_WAIT ms: the
  // first visit's precaching (about 16 MB) would otherwise compete with the calculator for the
  // network and the processor just when the reader is waiting for it.
  var TOOL_WAIT = 30 * 1000;
  function afterTools(callback) {
    if (!document.querySelector("[data-sccif-tool]")) {
      callback();
      return;
    }
    var done = false;
    var observer = new MutationObserver(check);
    var timer = setTimeout(finish, TOOL_WAIT);
    function settled() {
      var statuses = document.querySelectorAll("[data-sccif-status]");
      if (!statuses.length) return false;
      return Array.prototype.every.call(statuses, function (status) {
        return status.getAttribute("data-sccif-status") !== "loading";
      });
    }
    function finish() {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      callback();
    }
    function check() {
      if (settled()) finish();
    }
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["data-sccif-status"],
    });
    check();
  }

  // Register once the page has loaded (and its tools have started), so that precaching never
  // competes with the first paint or with a calculator starting.
  function start() {
    afterTools(register);
  }
  if (document.readyState === "complete") {
    start();
  } else {
    window.addEventListener("load", start, { once: true });
  }
})();
