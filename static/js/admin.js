/* Every admin page (templates/admin/base_site.html): names Django's own controls for
   assistive technology where Django's markup leaves them unnamed. */
(function () {
    "use strict";
    /* The many-to-many choosers (SelectFilter2.js, built on load) put an aria-label on a bare
       <span> search icon, which assistive technology ignores (axe: aria-prohibited-attr). As
       an image, its label ("Type into this box to filter...") is read. This listener comes
       after SelectFilter2's, which Django's form media add to the page's head. */
    window.addEventListener("load", function () {
        document.querySelectorAll(".selector .search-label-icon[aria-label]").forEach(function (icon) {
            icon.setAttribute("role", "img");
        });
    });
})();
