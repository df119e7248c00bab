// Lanes: before the app runs, the prerendered controls are only a picture.
// A click on Play (or the space key) is remembered here and the app
// honours it when it is ready (app/player_wasm.go reads lanesQueued).
// Meanwhile a progress bar at the end of the controls shows the download
// of app.wasm, then "starting" while it is instantiated; it goes when the
// app is ready (data-lanes-ready, app/player_wasm.go's markReady).
(function () {
  "use strict";
  var d = document.documentElement;
  function ready() { return d.dataset.lanesReady === "1"; }
  function queue(e) {
    d.dataset.lanesQueued = "play";
    d.classList.add("lanes-play-queued");
    e.preventDefault();
    e.stopPropagation();
  }
  document.addEventListener("click", function (e) {
    if (ready()) return;
    var t = e.target;
    if (t && t.closest && t.closest(".ctl.play")) queue(e);
  }, true);
  document.addEventListener("keydown", function (e) {
    if (ready() || e.key !== " " || e.ctrlKey || e.metaKey || e.altKey) return;
    queue(e);
  }, true);

  // The bar follows go-app's own loader, which streams app.wasm and counts
  // the decoded bytes against the wasm's uncompressed size, written into
  // app.js (pages.go's wasmLength: right on static hosts too, whose
  // Content-Length, if any, is the compressed size): its label says
  // "loading 42%" (pages.go's LoadingLabel). e2e's TestLoadProgress
  // watches it move on a throttled network.
  function progress() {
    var label = document.getElementById("app-wasm-loader-label");
    if (!label || ready()) return;
    var bars = [];
    var cs = document.querySelectorAll(".controls");
    for (var i = 0; i < cs.length; i++) {
      var p = document.createElement("span");
      p.className = "lanes-load";
      p.setAttribute("role", "progressbar");
      p.setAttribute("aria-label", "loading the app");
      p.setAttribute("aria-valuemin", "0");
      p.setAttribute("aria-valuemax", "100");
      p.appendChild(document.createElement("span")).className = "lanes-load-bar";
      cs[i].appendChild(p);
      bars.push(p);
    }
    if (!bars.length) return;
    function show() {
      var m = /(\d+)%/.exec(label.textContent || "");
      if (!m) return;
      var n = Math.min(100, +m[1]);
      bars.forEach(function (p) {
        p.setAttribute("aria-valuenow", String(n));
        p.setAttribute("aria-valuetext", n < 100 ? "downloading " + n + "%" : "downloaded, starting");
        p.firstChild.style.transform = "scaleX(" + n / 100 + ")";
      });
    }
    show();
    var watch = new MutationObserver(show);
    watch.observe(label, { childList: true, characterData: true, subtree: true });
    var end = new MutationObserver(function () {
      if (!ready()) return;
      watch.disconnect();
      end.disconnect();
      bars.forEach(function (p) { if (p.parentNode) p.parentNode.removeChild(p); });
    });
    end.observe(d, { attributes: true, attributeFilter: ["data-lanes-ready"] });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", progress);
  else progress();
})();
