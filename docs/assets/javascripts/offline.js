/*
 * Offline use, the tools' runtime, and "A new version is available".
 *
 * Registers the service worker that hooks/offline.py writes at the site's root (sw.js, made with
 * Workbox from scripts/service-worker.js). Every URL is worked out from this file's own address,
 * so the site works at a domain's root and under a sub-path alike (this file is
 * <site>/assets/javascripts/offline.js).
 *
 * What a reader downloads for offline use, all of it after the page they opened has loaded:
 * - on the first visit to any page, the service worker precaches the site: every page, the
 *   assets, the search index and the widget code (about 0.5 MB over the network). A page's own
 *   load never includes a Pyodide byte, and neither does this precache;
 * - once the site is stored, this script posts CACHE_RUNTIME, and the service worker stores the
 *   tools' runtime (Pyodide and the core's wheel, about 5 MB over the network) in the background, so that every
 *   tool works offline after a first visit to any page. On a tool page it waits until the tool has
 *   started (its worker fetched the runtime before the service worker controlled the page; the
 *   browser's HTTP cache answers, so nothing is downloaded twice);
 * - except when the browser asks to save data (navigator.connection.saveData): then the runtime
 *   is stored only when a tool is used (the service worker also keeps each runtime file as a tool
 *   page's worker fetches it) or the reader asks for it;
 * - on the tools page, the element [data-sccif-offline-tools] gets a button, "Make the tools work
 *   offline (about N MB)", N from the service worker's runtime list, which posts CACHE_RUNTIME and
 *   reports "Downloading…", "Done: the tools now work offline" or the failure in a role="status"
 *   live region. When the browser asks to save data (navigator.connection.saveData), the element
 *   also says that nothing large is downloaded until a tool is used.
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
 * No inline script, no innerHTML: the banner and the button are built with DOM methods and textContent.
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

  // --- the tools' runtime, stored by the service worker ---------------------------------------

  // The active service worker, once there is one (first visit: after it has precached the site).
  function activeWorker() {
    return navigator.serviceWorker.ready.then(function (registration) {
      return registration.active;
    });
  }

  // Post a message to the service worker; onReply gets every answer on the message's own port.
  function ask(message, onReply) {
    activeWorker().then(function (worker) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        onReply(event.data || {});
      };
      worker.postMessage(message, [channel.port2]);
    });
  }

  function megabytes(bytes) {
    var mb = bytes / 1000000;
    return (mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10) + " MB";
  }

  // Have the service worker store the tools' runtime: once a page session, after the page (and its
  // tool) has loaded. With Save-Data, only on a tool page, which has just downloaded it anyway.
  var runtimeRequested = false;
  function storeRuntime() {
    var onToolPage = Boolean(document.querySelector("[data-sccif-tool]"));
    var saveData = Boolean(navigator.connection && navigator.connection.saveData);
    if (runtimeRequested || (saveData && !onToolPage)) return;
    runtimeRequested = true;
    afterTools(function () {
      ask({ type: "CACHE_RUNTIME" }, function (reply) {
        if (reply.type === "failed") console.warn("The tools will need the network next time:", reply.message);
      });
    });
  }

  function paragraph(className, text) {
    var element = document.createElement("p");
    element.className = className;
    if (text) element.textContent = text;
    return element;
  }

  // The tools page's "Make the tools work offline" button, in each [data-sccif-offline-tools].
  function setUpOfflineTools(container) {
    if (container.hasAttribute("data-sccif-offline-ready")) return;
    container.setAttribute("data-sccif-offline-ready", "");
    var connection = navigator.connection;
    if (connection && connection.saveData) {
      container.appendChild(
        paragraph(
          "sccif-offline-tools__save-data",
          "Your browser has asked to save data, so this site downloads nothing large until you use " +
            "a tool: reading and searching the pages needs only the pages themselves."
        )
      );
    }
    ask({ type: "RUNTIME_STATUS" }, function (status) {
      if (status.type !== "status") return;
      var line = paragraph("sccif-offline-tools__action");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button md-button--primary sccif-offline-tools__button";
      button.textContent = "Make the tools work offline (about " + megabytes(status.bytes) + ")";
      line.appendChild(button);
      // Empty until there is news, so that screen readers announce each change.
      var live = paragraph("sccif-offline-tools__status");
      live.setAttribute("role", "status");
      container.appendChild(line);
      container.appendChild(live);
      if (status.files > 0 && status.cached === status.files) {
        live.textContent = "Done: the tools already work offline on this device.";
      }
      button.addEventListener("click", function () {
        button.disabled = true;
        live.textContent = "Downloading…";
        ask({ type: "CACHE_RUNTIME" }, function (reply) {
          if (reply.type === "done") {
            button.disabled = false;
            live.textContent = "Done: the tools now work offline.";
          } else if (reply.type === "failed") {
            button.disabled = false;
            live.textContent =
              "The download failed (" + reply.message + "). Check your connection and press the button again.";
          }
        });
      });
    });
  }

  // Run for every page: the first one and each one instant navigation opens.
  function setUpPage() {
    storeRuntime();
    Array.prototype.forEach.call(document.querySelectorAll("[data-sccif-offline-tools]"), setUpOfflineTools);
  }

  // On a tool page, wait until its runtime has started (or failed), at most TOOL_WAIT ms: the
  // first visit's precaching would otherwise compete with the calculator for the network and the
  // processor just when the reader is waiting for it.
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

  // Every page: the first one, and each one Material's instant navigation opens. What needs the
  // service worker waits for it (navigator.serviceWorker.ready), so it runs after registration.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpPage);
  } else {
    setUpPage();
  }
})();
