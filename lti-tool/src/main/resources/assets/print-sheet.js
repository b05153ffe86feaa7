// The link sheet's print button (no inline script: the page's Content-Security-Policy forbids it).
(function () {
  var button = document.getElementById("print-sheet");
  if (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  }
})();
