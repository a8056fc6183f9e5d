// On the 404 page: if the address asked for is in a release removed from the
// site (removed-versions.json at the site root, written by
// healthsite/publishing/retention.py), say which version it was and link to
// the same page in `latest`, the release's download and the Versions page.
(function () {
  "use strict";
  var notice = document.querySelector(".removed-version");
  if (!notice) {
    return;
  }
  var root = new URL(notice.dataset.siteRoot, location.href);
  if (location.pathname.indexOf(root.pathname) !== 0) {
    return;
  }
  var rest = location.pathname.slice(root.pathname.length);
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
