// The /projects/ filter: progressive enhancement over a page that already lists every project and links
// to the static filtered views. State lives in the URL query (?year=2023&tier=excellent&city=taiyuan) so a
// filtered view can be linked, reloaded and walked with the back button. Other pages: nothing to do.
(function () {
  'use strict';

  var form = document.getElementById('project-filter');
  var table = document.getElementById('project-table');
  if (!form || !table || !window.history || !window.history.pushState || !window.URLSearchParams) return;

  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var status = document.getElementById('project-count');
  var empty = document.getElementById('filter-empty');
  var staticViews = document.getElementById('static-views');
  var selected = document.getElementById('filter-selected');
  var chipList = selected.querySelector('.chips');
  var clearAll = document.getElementById('filter-clear');

  // The filters in the order of the form, each with its control and its test on a row.
  var filters = [
    { key: 'city', select: form.elements.city, matches: function (row, v) { return row.dataset.city === v; } },
    { key: 'year', select: form.elements.year, matches: function (row, v) { return row.dataset.year === v; } },
    { key: 'tier', select: form.elements.tier, matches: function (row, v) {
      return (' ' + row.dataset.tiers + ' ').indexOf(' ' + v + ' ') !== -1;
    } }
  ];
  // The order of the keys in a URL: ?year=2023&tier=excellent&city=taiyuan
  var queryOrder = ['year', 'tier', 'city'];
  filters.forEach(function (f) {
    f.label = form.querySelector('label[for="' + f.select.id + '"]').textContent;
  });

  function isOption(select, value) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return true;
    return false;
  }

  // Reads the state from a query string; unknown keys and values that are not options are ignored.
  function stateFromQuery(search) {
    var params = new URLSearchParams(search);
    var state = {};
    filters.forEach(function (f) {
      var v = params.get(f.key) || '';
      state[f.key] = v && isOption(f.select, v) ? v : '';
    });
    return state;
  }

  function stateFromControls() {
    var state = {};
    filters.forEach(function (f) { state[f.key] = f.select.value; });
    return state;
  }

  function queryOf(state) {
    var params = new URLSearchParams();
    queryOrder.forEach(function (key) { if (state[key]) params.set(key, state[key]); });
    var q = params.toString();
    return q ? '?' + q : '';
  }

  function rowMatches(row, state, except) {
    for (var i = 0; i < filters.length; i++) {
      var f = filters[i];
      if (f.key !== except && state[f.key] && !f.matches(row, state[f.key])) return false;
    }
    return true;
  }

  // Each option shows how many projects it would give combined with the other filters already chosen.
  function updateOptionCounts(state) {
    filters.forEach(function (f) {
      var pool = rows.filter(function (row) { return rowMatches(row, state, f.key); });
      Array.prototype.forEach.call(f.select.options, function (option) {
        if (!option.value) return;
        var n = pool.filter(function (row) { return f.matches(row, option.value); }).length;
        option.textContent = option.dataset.label + '（' + n + '）';
      });
    });
  }

  function optionLabel(select, value) {
    for (var i = 0; i < select.options.length; i++)
      if (select.options[i].value === value) return select.options[i].dataset.label;
    return value;
  }

  function renderChips(state) {
    chipList.textContent = '';
    var any = false;
    filters.forEach(function (f) {
      if (!state[f.key]) return;
      any = true;
      var li = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'chip';
      button.dataset.key = f.key;
      var hiddenVerb = document.createElement('span');
      hiddenVerb.className = 'visually-hidden';
      hiddenVerb.textContent = '移除 ';
      var text = document.createElement('span');
      text.textContent = f.label + '：' + optionLabel(f.select, state[f.key]);
      var x = document.createElement('span');
      x.className = 'chip-x';
      x.setAttribute('aria-hidden', 'true');
      x.textContent = '×';
      button.appendChild(hiddenVerb);
      button.appendChild(text);
      button.appendChild(x);
      li.appendChild(button);
      chipList.appendChild(li);
    });
    selected.hidden = !any;
  }

  function apply(state) {
    filters.forEach(function (f) { f.select.value = state[f.key]; });
    var shown = 0;
    rows.forEach(function (row) {
      var match = rowMatches(row, state, null);
      row.hidden = !match;
      if (match) shown++;
    });
    status.textContent = '显示 ' + shown + ' / ' + rows.length + ' 个项目';
    empty.hidden = shown !== 0;
    updateOptionCounts(state);
    renderChips(state);
  }

  function navigate(state) {
    var query = queryOf(state);
    if (query !== location.search) history.pushState(null, '', location.pathname + query + location.hash);
    apply(state);
  }

  form.addEventListener('change', function () { navigate(stateFromControls()); });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    navigate(stateFromControls());
  });

  chipList.addEventListener('click', function (event) {
    var button = event.target.closest('button.chip');
    if (!button) return;
    var chips = Array.prototype.slice.call(chipList.querySelectorAll('button.chip'));
    var index = chips.indexOf(button);
    var state = stateFromControls();
    state[button.dataset.key] = '';
    navigate(state);
    // Keep keyboard focus near where it was: the chip that took this one's place, else the first control.
    var left = chipList.querySelectorAll('button.chip');
    if (left.length) left[Math.min(index, left.length - 1)].focus();
    else filters[0].select.focus();
  });

  clearAll.addEventListener('click', function () {
    navigate(stateFromQuery(''));
    filters[0].select.focus();
  });

  window.addEventListener('popstate', function () { apply(stateFromQuery(location.search)); });

  // Show the enhanced controls in place of the static links, then restore the state from the URL.
  Array.prototype.forEach.call(form.querySelectorAll('select, button'), function (el) { el.disabled = false; });
  form.hidden = false;
  if (staticViews) staticViews.hidden = true;
  var initial = stateFromQuery(location.search);
  var canonical = queryOf(initial);
  if (canonical !== location.search) history.replaceState(null, '', location.pathname + canonical + location.hash);
  apply(initial);
})();
