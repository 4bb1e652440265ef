// Gazette preview: reloads the page after a rebuild and shows build errors over it.
// Served only by `gazette serve`; never part of a built site.
(function () {
  "use strict";
  var overlay = null;
  function show(problems) {
    if (!overlay) {
      overlay = document.createElement("div");
      overlay.id = "gazette-build-error";
      overlay.setAttribute("role", "alert");
      overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;" +
        "padding:2rem;background:rgba(20,20,20,.94);color:#fff;font:14px/1.5 ui-monospace,monospace;";
      document.body.appendChild(overlay);
    }
    overlay.textContent = "";
    var title = document.createElement("h2");
    title.textContent = "Gazette: the last edit did not build";
    title.style.cssText = "margin:0 0 1rem;color:#ff8a80;font:bold 18px/1.3 system-ui,sans-serif;";
    overlay.appendChild(title);
    var pre = document.createElement("pre");
    pre.style.cssText = "white-space:pre-wrap;margin:0;";
    pre.textContent = problems.join("\n");
    overlay.appendChild(pre);
    var note = document.createElement("p");
    note.textContent = "The page below is the last good build. Fix the file and save: this message goes away.";
    note.style.cssText = "margin-top:1rem;color:#bbb;font-family:system-ui,sans-serif;";
    overlay.appendChild(note);
  }
  function hide() {
    if (overlay) {
      overlay.remove();
      overlay = null;
    }
  }
  // The site version this page was served at: a build published before the stream connects
  // must still reload the page.
  var script = document.currentScript;
  var version = script && script.hasAttribute("data-version") ? Number(script.getAttribute("data-version")) : null;
  var source = new EventSource("/__gazette/events");
  source.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (version !== null && state.version !== version) {
      location.reload();
      return;
    }
    version = state.version;
    if (state.problems.length > 0) {
      show(state.problems);
    } else {
      hide();
    }
  });
})();
