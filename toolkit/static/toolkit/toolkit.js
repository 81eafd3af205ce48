// Progressive enhancement for the toolkit; every feature works without it.
(function () {
    "use strict";
    // A print button where the page offers one (the print command works without it).
    document.querySelectorAll("[data-print-button]").forEach(function (slot) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "button button--secondary";
        button.textContent = slot.getAttribute("data-label") || "Print";
        button.addEventListener("click", function () { window.print(); });
        slot.appendChild(button);
    });
    // Select the plan's address in one click, ready to copy.
    var share = document.getElementById("plan-share-url");
    if (share) {
        share.addEventListener("focus", function () { share.select(); });
    }
})();
