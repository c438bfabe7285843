// /search/: full-text search over the Pagefind index in /pagefind/ (built by `gongshi build`).
// The page works without this script (it says search is unavailable and points to the lists); the script shows the
// form only once the index has loaded. State lives in the URL (/search/?q=…&tier=…) so a search can be linked and
// the back button works.
(function () {
  'use strict';
  var root = document.getElementById('search');
  if (!root) return;
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-q');
  var selects = Array.prototype.slice.call(form.querySelectorAll('select[data-filter]'));
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var unavailable = document.getElementById('search-unavailable');
  var PAGE = 20;
  var FILTER_LABELS = { year: '年度', tier: '等次', city: '城市', kind: '类型' };
  var pagefind = null;
  var generation = 0;  // a newer search makes older, slower ones drop their results
  var shown = [];      // results of the current search
  var rendered = 0;

  function stateFromUrl() {
    var params = new URLSearchParams(location.search);
    var state = { q: (params.get('q') || '').trim(), filters: {} };
    selects.forEach(function (s) {
      var v = params.get(s.name);
      if (v) state.filters[s.name] = v;
    });
    return state;
  }

  function stateFromForm() {
    var state = { q: input.value.trim(), filters: {} };
    selects.forEach(function (s) { if (s.value) state.filters[s.name] = s.value; });
    return state;
  }

  function showState(state) {
    input.value = state.q;
    selects.forEach(function (s) {
      var v = state.filters[s.name] || '';
      // A value the page does not offer (an edited URL) still filters; it is added as an option so it shows.
      if (v && !Array.prototype.some.call(s.options, function (o) { return o.value === v; })) s.add(new Option(v, v));
      s.value = v;
    });
  }

  function urlOf(state) {
    var params = new URLSearchParams();
    if (state.q) params.set('q', state.q);
    selects.forEach(function (s) { if (state.filters[s.name]) params.set(s.name, state.filters[s.name]); });
    var query = params.toString();
    return location.pathname + (query ? '?' + query : '');
  }

  function hasFilters(state) { return Object.keys(state.filters).length > 0; }

  // Pagefind's excerpt is text with <mark> around the matches; it is rebuilt here as text nodes and <mark>
  // elements, so nothing in it is ever parsed as HTML.
  function decodeEntities(text) {
    return text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, function (_, e) {
      return { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" }[e];
    });
  }
  function excerptNode(excerpt) {
    var p = document.createElement('p');
    p.className = 'search-excerpt';
    (excerpt || '').split(/(<mark>|<\/mark>)/).reduce(function (inMark, part) {
      if (part === '<mark>') return true;
      if (part === '</mark>') return false;
      if (part) {
        var text = document.createTextNode(decodeEntities(part));
        if (inMark) {
          var m = document.createElement('mark');
          m.appendChild(text);
          p.appendChild(m);
        } else {
          p.appendChild(text);
        }
      }
      return inMark;
    }, false);
    return p;
  }

  function resultNode(data) {
    var li = document.createElement('li');
    li.className = 'search-result';
    var h = document.createElement('h2');
    var a = document.createElement('a');
    a.href = data.url;
    a.textContent = (data.meta && data.meta.title) || data.url;
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(excerptNode(data.excerpt));
    var tags = document.createElement('ul');
    tags.className = 'search-result-tags';
    tags.setAttribute('aria-label', '分类');
    ['kind', 'year', 'tier', 'city'].forEach(function (name) {
      ((data.filters && data.filters[name]) || []).forEach(function (value) {
        var tag = document.createElement('li');
        tag.dataset.filter = name;
        tag.dataset.value = value;
        tag.title = FILTER_LABELS[name];
        tag.textContent = value;
        tags.appendChild(tag);
      });
    });
    if (tags.childNodes.length) li.appendChild(tags);
    return li;
  }

  function renderMore(mine) {
    var batch = shown.slice(rendered, rendered + PAGE);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (datas) {
      if (mine !== generation) return;
      datas.forEach(function (d) { list.appendChild(resultNode(d)); });
      rendered += batch.length;
      more.hidden = rendered >= shown.length;
    });
  }

  function describe(state, count) {
    var what = state.q ? '“' + state.q + '”' : '所选条件';
    if (count === 0) return '没有找到与' + what + '相关的页面。可以换一个词，或减少筛选条件。';
    return '找到 ' + count + ' 个与' + what + '相关的页面' + (count > PAGE ? '，按相关程度排列。' : '。');
  }

  function run(state) {
    var mine = ++generation;
    list.textContent = '';
    more.hidden = true;
    shown = [];
    rendered = 0;
    if (!state.q && !hasFilters(state)) {
      status.textContent = '请输入要搜索的词，例如社区、街道、县区名称或文件中的词语。';
      return Promise.resolve();
    }
    status.textContent = '正在搜索……';
    return pagefind.search(state.q || null, { filters: state.filters }).then(function (search) {
      if (mine !== generation) return;
      shown = search.results;
      // The count is announced once the first results are on the page.
      return renderMore(mine).then(function () {
        if (mine === generation) status.textContent = describe(state, shown.length);
      });
    }).catch(function () {
      if (mine === generation) status.textContent = '搜索出错，请稍后重试。';
    });
  }

  function go(push) {
    var state = stateFromForm();
    var url = urlOf(state);
    if (url !== location.pathname + location.search) history[push ? 'pushState' : 'replaceState'](null, '', url);
    run(state);
  }

  function showUnavailable(reason) {
    form.hidden = true;
    unavailable.hidden = false;
    var p = document.createElement('p');
    p.className = 'search-unavailable-reason';
    p.textContent = reason;
    unavailable.appendChild(p);
  }

  import('/pagefind/pagefind.js').then(function (module) {
    pagefind = module;
    return pagefind.init ? pagefind.init() : undefined;
  }).then(function () {
    unavailable.hidden = true;
    form.hidden = false;
    form.addEventListener('submit', function (e) { e.preventDefault(); go(true); });
    selects.forEach(function (s) { s.addEventListener('change', function () { go(true); }); });
    more.addEventListener('click', function () { renderMore(generation); });
    window.addEventListener('popstate', function () {
      var state = stateFromUrl();
      showState(state);
      run(state);
    });
    var state = stateFromUrl();
    showState(state);
    if (!state.q) input.focus();
    return run(state);
  }).catch(function () {
    showUnavailable('本站的搜索索引未能载入（可能尚未生成）。');
  });
})();
