// Lanes: before the app runs, the prerendered controls are only a picture.
// A click on Play (or the space key) is remembered here and the app
// honours it when it is ready (app/player_wasm.go reads lanesQueued).
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
})();
