/* Search in the static copy of the site (staticcopy/build.py), with no server.
 *
 * The page's form names the language's index (`data-index`: a JSON list of
 * {t: title, u: address, d: description, x: text}). The words typed (`?q=`) are
 * compared without case or accents; a word matches the start of a word of the
 * page, with a final s or x left out, so "méthodes" finds "méthode". A page is
 * found when every word matches; a match in the title counts five times.
 */
(function () {
    "use strict";
    var form = document.querySelector("form[data-index]");
    if (!form) {
        return;
    }
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("static-search-status");
    var list = document.getElementById("static-search-results");

    function fold(text) {
        return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    }

    function words(text) {
        return fold(text).split(/[^a-z0-9]+/).filter(function (word) {
            return word.length > 1;
        }).map(function (word) {
            return word.length > 4 ? word.replace(/[sx]$/, "") : word;
        });
    }

    function count(haystack, word) {
        var found = 0;
        var at = haystack.indexOf(word);
        while (at !== -1) {
            if (at === 0 || /[^a-z0-9]/.test(haystack.charAt(at - 1))) {
                found += 1;
            }
            at = haystack.indexOf(word, at + word.length);
        }
        return found;
    }

    function show(entries, query) {
        var terms = words(query);
        var found = [];
        entries.forEach(function (entry) {
            var title = " " + fold(entry.t);
            var body = " " + fold(entry.d + " " + entry.x);
            var score = 0;
            for (var i = 0; i < terms.length; i += 1) {
                var hits = 5 * count(title, terms[i]) + count(body, terms[i]);
                if (!hits) {
                    return;
                }
                score += hits;
            }
            found.push({entry: entry, score: score});
        });
        found.sort(function (a, b) {
            return b.score - a.score;
        });
        list.textContent = "";
        found.slice(0, 50).forEach(function (item) {
            var li = document.createElement("li");
            var link = document.createElement("a");
            link.href = item.entry.u;
            link.textContent = item.entry.t;
            li.appendChild(link);
            if (item.entry.d) {
                var description = document.createElement("p");
                description.textContent = item.entry.d;
                li.appendChild(description);
            }
            list.appendChild(li);
        });
        status.textContent = found.length ? form.getAttribute("data-found") + " " + found.length : form.getAttribute("data-none");
    }

    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    if (!words(query).length) {
        return;
    }
    fetch(form.getAttribute("data-index"))
        .then(function (response) {
            return response.json();
        })
        .then(function (entries) {
            show(entries, query);
        });
})();
