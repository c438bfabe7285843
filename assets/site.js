// The /projects/ filter: progressive enhancement over a page that works without it. State lives in the URL query
// (?year=2023&tier=excellent&city=taiyuan) so a filtered view can be linked, reloaded and walked with the back
// button. Two sources of rows:
//  - a page that lists every project (a site whose projects fit one page): the filter hides and shows its rows;
//  - a page that is an index of the projects' parts by city and program year (a larger site, form[data-parts]):
//    the filter reads the small index of the parts (their counts, exact for every choice) and fetches the rows of
//    only the parts the choice covers, a page at a time, never a file of the whole dataset.
// Other pages: nothing to do.
(function () {
  'use strict';

  var form = document.getElementById('project-filter');
  var table = document.getElementById('project-table');
  if (!form || !table || !window.history || !window.history.pushState || !window.URLSearchParams) return;

  var tbody = table.tBodies[0];
  var status = document.getElementById('project-count');
  var empty = document.getElementById('filter-empty');
  var staticViews = document.getElementById('static-views');
  var selected = document.getElementById('filter-selected');
  var chipList = selected.querySelector('.chips');
  var clearAll = document.getElementById('filter-clear');

  // The filters in the order of the form, each with its control and its test on a project's city, year and tiers.
  var filters = [
    { key: 'city', select: form.elements.city, matches: function (p, v) { return p.city === v; } },
    { key: 'year', select: form.elements.year, matches: function (p, v) { return p.year === v; } },
    { key: 'tier', select: form.elements.tier, matches: function (p, v) { return p.tiers.indexOf(v) !== -1; } }
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

  function optionLabel(select, value) {
    for (var i = 0; i < select.options.length; i++)
      if (select.options[i].value === value) return select.options[i].dataset.label;
    return value;
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

  function isEmpty(state) { return !state.city && !state.year && !state.tier; }

  function matches(project, state, except) {
    for (var i = 0; i < filters.length; i++) {
      var f = filters[i];
      if (f.key !== except && state[f.key] && !f.matches(project, state[f.key])) return false;
    }
    return true;
  }

  // Each option shows how many projects it would give combined with the other filters already chosen.
  function updateOptionCounts(state, count) {
    filters.forEach(function (f) {
      Array.prototype.forEach.call(f.select.options, function (option) {
        if (!option.value) return;
        var with_ = {};
        filters.forEach(function (g) { with_[g.key] = g.key === f.key ? option.value : state[g.key]; });
        option.textContent = option.dataset.label + '（' + count(with_) + '）';
      });
    });
  }

  // The rows of the page itself: every project is in the table.
  function pageRows() {
    var rows = Array.prototype.slice.call(tbody.rows).map(function (row) {
      return { row: row, city: row.dataset.city, year: row.dataset.year, tiers: row.dataset.tiers.split(' ') };
    });
    function count(state) { return rows.filter(function (p) { return matches(p, state, null); }).length; }
    return {
      count: count,
      show: function (state) {
        var shown = 0;
        rows.forEach(function (p) {
          var match = matches(p, state, null);
          p.row.hidden = !match;
          if (match) shown++;
        });
        status.textContent = '显示 ' + shown + ' / ' + rows.length + ' 个项目';
        empty.hidden = shown !== 0;
      }
    };
  }

  // The parts of a larger site, from their index; rows fetched a page of a part at a time.
  function partRows(index) {
    var more = document.getElementById('filter-more');
    var results = document.getElementById('project-results');
    var partIndex = document.getElementById('part-index');
    var parts = index.parts.map(function (p) {
      return { city: p.city, year: String(p.year), count: p.count, tiers: p.tiers, url: p.url, pages: p.pages, cityUrl: p.city_url };
    });
    var run = 0;  // the current choice's number: rows fetched for an older choice are dropped

    function countIn(part, state) { return state.tier ? (part.tiers[state.tier] || 0) : part.count; }
    function covers(part, state) {
      return (!state.city || part.city === state.city) && (!state.year || part.year === state.year);
    }
    function count(state) {
      return parts.reduce(function (n, p) { return n + (covers(p, state) ? countIn(p, state) : 0); }, 0);
    }
    function rowsUrl(part, page) { return (page === 1 ? part.url : part.url + 'page/' + page + '/') + 'projects.json'; }

    function cell(text, href) {
      var td = document.createElement('td');
      if (href) {
        var a = document.createElement('a');
        a.href = href;
        a.textContent = text;
        td.appendChild(a);
      } else {
        td.textContent = text;
      }
      return td;
    }
    function addRow(p, part) {
      var tr = document.createElement('tr');
      tr.dataset.city = part.city;
      tr.dataset.year = String(p.year);
      tr.dataset.tiers = p.tiers.join(' ');
      var name = cell(p.name, p.url);
      if (p.corrected_url) {
        var c = document.createElement('a');
        c.className = 'correction';
        c.href = p.corrected_url;
        c.title = '通报原文印作：' + p.printed_as;
        c.textContent = '（名称已更正）';
        name.appendChild(c);
      }
      tr.appendChild(name);
      tr.appendChild(cell(optionLabel(form.elements.city, part.city), part.cityUrl));
      tr.appendChild(cell(p.county));
      tr.appendChild(cell(p.year + '年'));
      tr.appendChild(cell(p.tiers.length ? p.tiers.map(function (t) { return optionLabel(form.elements.tier, t); }).join('、') : '—'));
      tbody.appendChild(tr);
    }

    // Fetches pages of the covered parts, in order, until `batch` more rows match or none are left.
    function showMore(state, cursor, total, myRun) {
      var target = tbody.rows.length + 200;
      function step() {
        if (myRun !== run) return;
        while (cursor.part < parts.length && (!covers(parts[cursor.part], state) || countIn(parts[cursor.part], state) === 0)) {
          cursor.part++;
          cursor.page = 1;
        }
        var done = cursor.part >= parts.length;
        if (done || tbody.rows.length >= target) {
          status.textContent = '共 ' + total + ' 个项目' + (tbody.rows.length < total ? '，已显示前 ' + tbody.rows.length + ' 个' : '');
          more.hidden = done;
          more.onclick = function () { more.hidden = true; showMore(state, cursor, total, myRun); };
          return;
        }
        var part = parts[cursor.part];
        fetch(rowsUrl(part, cursor.page)).then(function (r) {
          if (!r.ok) throw new Error(r.status + ' ' + r.url);
          return r.json();
        }).then(function (list) {
          if (myRun !== run) return;
          list.forEach(function (p) {
            if (matches({ city: part.city, year: String(p.year), tiers: p.tiers }, state, null)) addRow(p, part);
          });
          if (++cursor.page > part.pages) { cursor.part++; cursor.page = 1; }
          step();
        }).catch(function () {
          status.textContent = '项目列表载入失败，请刷新页面或按城市和年度浏览。';
        });
      }
      step();
    }

    return {
      count: count,
      show: function (state) {
        var myRun = ++run;
        tbody.textContent = '';
        more.hidden = true;
        var filtered = !isEmpty(state);
        partIndex.hidden = filtered;
        results.hidden = !filtered;
        status.hidden = !filtered;
        var total = count(state);
        empty.hidden = !filtered || total !== 0;
        if (!filtered) return;
        status.textContent = '共 ' + total + ' 个项目';
        showMore(state, { part: 0, page: 1 }, total, myRun);
      }
    };
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

  function start(source) {
    function apply(state) {
      filters.forEach(function (f) { f.select.value = state[f.key]; });
      source.show(state);
      updateOptionCounts(state, source.count);
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
  }

  if (!form.dataset.parts) {
    start(pageRows());
  } else if (window.fetch) {
    // Without the index the page stays as it is: the links to the parts still lead everywhere.
    fetch(form.dataset.parts).then(function (r) {
      if (!r.ok) throw new Error(r.status + ' ' + r.url);
      return r.json();
    }).then(function (index) { start(partRows(index)); }).catch(function () {});
  }
})();
