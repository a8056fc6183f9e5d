// On the 404 page, for an address GitHub Pages does not have:
// - in a release removed from the site (removed-versions.json at the site
//   root, written by healthsite/publishing/retention.py): say which version it
//   was and link to the same page in `latest`, the release's download and the
//   Versions page;
// - in a pull request's preview (pr-preview/pr-N/), which holds only the pages
//   the pull request changes: say so and link to the page in `latest`.
(function () {
  "use strict";
  var notice = document.querySelector(".removed-version");
  var unchanged = document.querySelector(".preview-unchanged");
  if (!notice || !unchanged) {
    return;
  }
  var root = new URL(notice.dataset.siteRoot, location.href);
  if (location.pathname.indexOf(root.pathname) !== 0) {
    return;
  }
  var rest = location.pathname.slice(root.pathname.length);
  var preview = /^pr-preview\/pr-([0-9]+)\/(.*)$/.exec(rest);
  if (preview) {
    unchanged.querySelector(".preview-unchanged__number").textContent = "#" + preview[1];
    unchanged.querySelector(".preview-unchanged__latest").href = new URL(
      "latest/" + preview[2],
      root
    ).href;
    unchanged.hidden = false;
    return;
  }
  var version = rest.split("/")[0];
  var page = rest.slice(version.length + 1);
  if (!/^[0-9]+\.[0-9]+$/.test(version)) {
    return;
  }
  fetch(new URL("removed-versions.json", root))
    .then(function (response) {
      return response.ok ? response.json() : [];
    })
    .then(function (removed) {
      var found = removed.filter(function (entry) {
        return entry.version === version;
      })[0];
      if (!found) {
        return;
      }
      notice.querySelectorAll(".removed-version__name").forEach(function (name) {
        name.textContent = found.title;
      });
      var date = notice.querySelector(".removed-version__date");
      date.dateTime = found.removed;
      date.textContent = new Date(found.removed + "T00:00:00Z").toLocaleDateString("en-US", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      });
      notice.querySelector(".removed-version__latest").href = new URL("latest/" + page, root).href;
      notice.querySelector(".removed-version__release").href =
        notice.dataset.releaseUrl + found.version;
      notice.querySelector(".removed-version__versions").href = new URL("latest/versions/", root).href;
      document.title = "Version " + found.title + " was removed - " + document.title;
      notice.hidden = false;
    })
    .catch(function () {});
})();
