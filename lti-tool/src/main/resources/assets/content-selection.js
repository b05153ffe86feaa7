// Filters the activity list as the instructor types; without JavaScript the search form sends q.
(function () {
  var form = document.getElementById("activity-search-form");
  var input = document.getElementById("activity-search");
  var shown = document.getElementById("activity-shown");
  var noMatch = document.getElementById("no-match");
  if (!form || !input) {
    return;
  }
  function filter() {
    var words = input.value.toLowerCase().trim().split(/\s+/).filter(Boolean);
    var count = 0;
    document.querySelectorAll(".activity-group").forEach(function (group) {
      var visible = 0;
      group.querySelectorAll("li[data-search]").forEach(function (item) {
        var text = item.getAttribute("data-search");
        var match = words.every(function (word) { return text.indexOf(word) >= 0; });
        item.hidden = !match;
        if (match) { visible++; }
      });
      group.hidden = visible === 0;
      count += visible;
    });
    if (shown) { shown.textContent = String(count); }
    if (noMatch) { noMatch.hidden = count !== 0; }
  }
  input.addEventListener("input", filter);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    filter();
  });
})();
