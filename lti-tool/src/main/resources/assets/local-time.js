// Shows each <time class="local-time" datetime="…"> in the browser's own time zone, e.g.
// "31 December 2026 at 18:59 GMT-5". Without JavaScript the page's own text (in UTC, with the zone
// named) stays.
(function () {
  if (!window.Intl || !Intl.DateTimeFormat) {
    return;
  }
  var format = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZoneName: 'short'
  });
  var times = document.querySelectorAll('time.local-time[datetime]');
  for (var i = 0; i < times.length; i++) {
    var when = new Date(times[i].getAttribute('datetime'));
    if (isNaN(when.getTime())) {
      continue;
    }
    var parts = format.formatToParts(when);
    var part = {};
    for (var j = 0; j < parts.length; j++) {
      part[parts[j].type] = parts[j].value;
    }
    times[i].textContent = part.day + ' ' + part.month + ' ' + part.year + ' at ' + part.hour + ':' +
      part.minute + ' ' + part.timeZoneName;
    times[i].setAttribute('data-local', 'true');
  }
})();
