// Progressive enhancement for the questionnaire: everything works without it.
// It keeps the person's place in this browser only (localStorage), offers to
// continue where they stopped, and adds a Print button to the plan.
(function () {
    "use strict";
    var store = null;
    try { store = window.localStorage; } catch (error) { store = null; }
    var key = function (id) { return "steps-assessment-" + id; };

    var form = document.querySelector("[data-assessment-page]");
    if (form && store) {
        var code = form.querySelector("input[name=a]").value;
        var number = form.querySelector("input[name=n]").value;
        store.setItem(key(form.getAttribute("data-assessment-page")), JSON.stringify({ a: code, n: number }));
    }
    var resume = document.querySelector("[data-assessment-resume]");
    if (resume && store) {
        var saved = store.getItem(key(resume.getAttribute("data-assessment-resume")));
        if (saved) {
            try {
                var state = JSON.parse(saved);
                var link = resume.querySelector("a");
                link.href = link.getAttribute("href") + "?a=" + encodeURIComponent(state.a) + "&n=" + encodeURIComponent(state.n);
                resume.hidden = false;
            } catch (error) { /* a damaged entry is ignored */ }
        }
    }
    var result = document.querySelector("[data-assessment-result]");
    if (result && store) {
        store.removeItem(key(result.getAttribute("data-assessment-result")));
    }
    var print = document.querySelector("[data-print]");
    if (print) {
        print.hidden = false;
        print.addEventListener("click", function () { window.print(); });
    }
})();
