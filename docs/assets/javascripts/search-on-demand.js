/*
 * Material for MkDocs builds its search index (every page's words, in its search worker) as soon as
 * any page loads: about half a second of processor time on every page, on the same cores that start a
 * tool's Python, for a search most visits never use. This holds that one message, Material's "set up"
 * to its search worker, until the reader opens the search or arrives with one in the address (?q=).
 * The index file itself is still downloaded with the page, so the search works after the network goes.
 * Loaded in <head> (overrides/main.html), before Material's bundle creates the worker.
 */
(function () {
  "use strict";

  var NativeWorker = window.Worker;
  if (typeof NativeWorker !== "function") return;
  var SETUP = 0; // Material's SearchMessageType.SETUP
  var SEARCH_WORKER = /\/assets\/javascripts\/workers\/search\.[0-9a-f]+\.min\.js$/;

  var wanted = new URLSearchParams(location.search).has("q");
  var held = null; // the "set up" not yet sent: a function that sends it

  function isSearchWorker(url) {
    try {
      return SEARCH_WORKER.test(new URL(String(url), location.href).pathname);
    } catch (error) {
      return false;
    }
  }

  function want() {
    if (wanted) return;
    wanted = true;
    if (held) held();
  }

  function holdSetUp(worker) {
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      var args = arguments;
      if (!message || message.type !== SETUP) return post.apply(worker, args);
      var send = function () {
        held = null;
        post.apply(worker, args);
      };
      if (wanted) send();
      else held = send;
    };
  }

  // Material's bundle calls `new Worker(url)` once for its search; every other worker is left as it is.
  function Worker(url, options) {
    var worker = new NativeWorker(url, options);
    if (isSearchWorker(url)) {
      window.Worker = NativeWorker;
      holdSetUp(worker);
    }
    return worker;
  }
  Worker.prototype = NativeWorker.prototype;
  window.Worker = Worker;

  // Every way of opening the search (its button, the / and s keys, a ?q= address) ticks Material's
  // #__search toggle; on a wide screen the reader can also click straight into the search box.
  document.addEventListener(
    "change",
    function (event) {
      if (event.target && event.target.id === "__search" && event.target.checked) want();
    },
    true,
  );
  document.addEventListener(
    "focusin",
    function (event) {
      if (event.target && event.target.closest && event.target.closest("form[name='search']")) want();
    },
    true,
  );
})();
