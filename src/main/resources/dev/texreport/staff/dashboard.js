// The staff page's sorting and filtering. The state lives in the address's #fragment
// (#sort=proposal.pages&dir=desc&show=over,late&q=team-1), so a view can be bookmarked, shared and printed.
(function () {
  'use strict';
  var body = document.getElementById('teams').tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var sort = document.getElementById('sort');
  var direction = document.getElementById('direction');
  var search = document.getElementById('search');
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[name=show]'));
  var shown = document.getElementById('shown');
  var descending = false;

  function attribute(value) {
    var option = sort.querySelector('option[value="' + value + '"]');
    return option ? option.getAttribute('data-attr') : null;
  }

  function key(row, attr) {
    if (!attr) {
      return row.getAttribute('data-team');
    }
    return parseFloat(row.getAttribute(attr));
  }

  function compare(a, b) {
    var attr = attribute(sort.value);
    var x = key(a, attr);
    var y = key(b, attr);
    var order = 0;
    if (attr) {
      order = x - y;
    } else {
      order = x < y ? -1 : x > y ? 1 : 0;
    }
    if (descending) {
      order = -order;
    }
    if (order === 0) {
      var p = a.getAttribute('data-team');
      var q = b.getAttribute('data-team');
      order = p < q ? -1 : p > q ? 1 : 0;
    }
    return order;
  }

  function checked() {
    return boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
  }

  function visible(row, wanted, text) {
    if (text && row.getAttribute('data-team').indexOf(text) < 0) {
      return false;
    }
    if (wanted.length === 0) {
      return true;
    }
    var flags = ' ' + row.getAttribute('data-flags') + ' ';
    return wanted.some(function (flag) { return flags.indexOf(' ' + flag + ' ') >= 0; });
  }

  function fragment() {
    var parts = [];
    if (sort.value !== 'team') {
      parts.push('sort=' + encodeURIComponent(sort.value));
    }
    if (descending) {
      parts.push('dir=desc');
    }
    var wanted = checked();
    if (wanted.length) {
      parts.push('show=' + wanted.join(','));
    }
    if (search.value.trim()) {
      parts.push('q=' + encodeURIComponent(search.value.trim()));
    }
    return parts.length ? '#' + parts.join('&') : '';
  }

  function apply() {
    var wanted = checked();
    var text = search.value.trim().toLowerCase();
    var count = 0;
    rows.slice().sort(compare).forEach(function (row) {
      body.appendChild(row);
      row.hidden = !visible(row, wanted, text);
      if (!row.hidden) {
        count++;
      }
    });
    direction.textContent = descending ? '\u25BC descending' : '\u25B2 ascending';
    shown.textContent = count + ' of ' + rows.length + ' teams';
    var next = fragment();
    if (next !== location.hash && !(next === '' && location.hash === '#')) {
      try {
        history.replaceState(null, '', next || location.pathname + location.search);
      } catch (e) {
        // Some viewers of saved pages refuse history changes; the view still works, only the address stays.
      }
    }
  }

  function read() {
    var state = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var at = part.indexOf('=');
      if (at > 0) {
        state[part.substring(0, at)] = decodeURIComponent(part.substring(at + 1));
      }
    });
    sort.value = attribute(state.sort) !== null || state.sort === 'team' ? state.sort : 'team';
    if (!sort.value) {
      sort.value = 'team';
    }
    descending = state.dir === 'desc';
    var wanted = (state.show || '').split(',');
    boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) >= 0; });
    search.value = state.q || '';
  }

  sort.addEventListener('change', apply);
  search.addEventListener('input', apply);
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  direction.addEventListener('click', function () {
    descending = !descending;
    apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll('thead button[data-sort]'), function (button) {
    button.addEventListener('click', function () {
      var value = button.getAttribute('data-sort');
      if (sort.value === value) {
        descending = !descending;
      } else {
        sort.value = value;
        descending = value !== 'team';
      }
      apply();
    });
  });
  window.addEventListener('hashchange', function () {
    read();
    apply();
  });
  document.getElementById('controls').addEventListener('submit', function (event) {
    event.preventDefault();
  });
  read();
  apply();
}());
