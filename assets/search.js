// /search/: search over gongshi's own static index in /search-index/ (built by `gongshi build`; docs/search.md).
// The page works without this script (it says search is unavailable and points to the lists); the script shows the
// form only once the index's manifest has loaded. State lives in the URL (/search/?q=…&tier=…) so a search can be
// linked and the back button works. A query reads only the posting files of its tokens, the filter blocks of the
// records found, and the record blocks of the results it verifies and shows. Nothing from the index is ever
// inserted as HTML: titles, excerpts and tags are text nodes.
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
  var BASE = '/search-index/';
  var PAGE = 20;
  var VERIFY_MAX = 100;   // candidates checked against their record text; beyond that the count is approximate
  var TOKENS_MAX = 4;     // posting lists read at a time in a partition
  var FEW = 16;           // records left in a partition after which no more lists are read
  var FETCH_MAX = 32;     // index files requested at once: a query with thousands of candidates (a common community
                          // name at 1 000 000 projects) must not ask for them all at once — Chromium refuses the
                          // excess (net::ERR_INSUFFICIENT_RESOURCES) and the search failed
  var FILTER_LABELS = { year: '年度', tier: '等次', city: '城市', kind: '类型' };
  // Posting flags (src/search/index_files.h).
  var IN_NAME = 1, NAME_PREFIX = 2, NAME_EXACT = 4, IN_PLACE = 8, PLACE_EXACT = 16, IN_NUMBER = 32, IN_BODY = 64;
  var manifest = null;
  var generation = 0;  // a newer search makes older, slower ones drop their results
  var shown = [];      // results of the current search, ranked
  var rendered = 0;
  var files = {};      // url → promise of its bytes or JSON, fetched once
  var inFlight = 0, waiting = [];  // requests under way, and the starts of those waiting for one to end
  var stats = window.__gongshiSearch = { requests: 0, bytes: 0, files: [] };  // what this page fetched (tests, bench)

  // ---- Text: the same folding and tokens as src/search/normalize.cpp ----
  function fold(cp) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;
    if (cp >= 65 && cp <= 90) cp += 32;
    return cp;
  }
  function kindOf(cp) {
    if (cp >= 48 && cp <= 57) return 'd';
    if (cp >= 97 && cp <= 122) return 'a';
    if ((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0x20000 && cp <= 0x3134F) || cp === 0x3007) return 'c';
    return '';
  }
  // The folded text, and for each of its UTF-16 units the index of the unit it came from in `text`.
  function normalizeWithMap(text) {
    var out = '', map = [];
    for (var i = 0; i < text.length;) {
      var cp = text.codePointAt(i), width = cp > 0xFFFF ? 2 : 1, f = fold(cp);
      if (kindOf(f)) {
        var s = String.fromCodePoint(f);
        for (var k = 0; k < s.length; k++) map.push(i + Math.min(k, width - 1));
        out += s;
      }
      i += width;
    }
    map.push(text.length);
    return { text: out, map: map };
  }
  function normalize(text) { return normalizeWithMap(text || '').text; }
  function tokens(text) {
    var out = [], previous = '', run = '', runKind = '';
    for (var i = 0; i < text.length;) {
      var cp = fold(text.codePointAt(i));
      i += cp > 0xFFFF ? 2 : 1;
      var k = kindOf(cp);
      if (k !== runKind) { if (run) out.push(run); run = ''; runKind = ''; }
      if (k === 'c') {
        var c = String.fromCodePoint(cp);
        if (previous) out.push(previous + c);
        previous = c;
      } else if (k) {
        previous = '';
        run += String.fromCharCode(cp);
        runKind = k;
      }
    }
    if (run) out.push(run);
    return out;
  }
  var encoder = new TextEncoder();
  var decoder = new TextDecoder();
  function tokenHash(token) {
    var h = 2166136261;
    encoder.encode(token).forEach(function (b) { h = Math.imul(h ^ b, 16777619) >>> 0; });
    return h >>> 0;
  }
  function hex8(n) { return ('0000000' + n.toString(16)).slice(-8); }

  // ---- Index files ----
  // The bytes of `url`, fetched when fewer than FETCH_MAX requests are under way.
  function fetchLimited(url) {
    return new Promise(function (resolve, reject) {
      function start() {
        inFlight++;
        fetch(url).then(function (r) {
          if (!r.ok) throw new Error(url + ': ' + r.status);
          return r.arrayBuffer();
        }).then(resolve, reject).then(function () {
          inFlight--;
          if (waiting.length) waiting.shift()();
        });
      }
      if (inFlight < FETCH_MAX) start();
      else waiting.push(start);
    });
  }
  function fetchFile(url, json) {
    if (!files[url]) {
      files[url] = fetchLimited(url).then(function (buf) {
        stats.requests++;
        stats.bytes += buf.byteLength;
        stats.files.push([url, buf.byteLength]);
        return json ? JSON.parse(decoder.decode(buf)) : new Uint8Array(buf);
      });
      files[url].catch(function () { delete files[url]; });
    }
    return files[url];
  }
  // A posting file: tokens in order, each with its records (ordinal, flags).
  function readPostings(bytes, wanted) {
    var i = 0;
    function varint() {
      var v = 0, shift = 0, b;
      do { b = bytes[i++]; v += (b & 0x7F) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
      return v;
    }
    while (i < bytes.length) {
      var len = varint();
      var token = decoder.decode(bytes.subarray(i, i + len));
      i += len;
      var n = varint();
      if (token !== wanted) {
        for (var s = 0; s < n; s++) { varint(); i++; }
        continue;
      }
      var ords = new Array(n), flags = new Array(n), last = 0;
      for (var k = 0; k < n; k++) { last += varint(); ords[k] = last; flags[k] = bytes[i++]; }
      return { ords: ords, flags: flags };
    }
    return { ords: [], flags: [] };
  }
  function postings(part, token) {
    var common = part.common.indexOf(token) >= 0;
    var url = BASE + part.id + (common ? '/c/' + hex8(tokenHash(token)) + '.bin'
                                       : '/t/' + (tokenHash(token) & (part.shards - 1)) + '.bin');
    return fetchFile(url, false).then(function (bytes) { return readPostings(bytes, token); });
  }
  function facetsOf(part, ord) {
    var block = Math.floor(ord / manifest.facet_block);
    return fetchFile(BASE + part.id + '/f/' + block + '.bin', false).then(function (bytes) {
      var o = (ord - block * manifest.facet_block) * 8;
      var years = (bytes[o + 4] | (bytes[o + 5] << 8) | (bytes[o + 6] << 16) | (bytes[o + 7] << 24)) >>> 0;
      var f = { kind: [manifest.kinds[bytes[o]]], city: [], tier: [], year: [] };
      if (bytes[o + 1]) f.city.push(manifest.cities[bytes[o + 1] - 1]);
      manifest.tiers.forEach(function (t, k) { if (bytes[o + 2] & (1 << k)) f.tier.push(t); });
      manifest.years.forEach(function (y, k) { if (k < 32 && (years >>> k) & 1) f.year.push(y + '年'); });
      return f;
    });
  }
  function recordOf(part, ord) {
    var block = Math.floor(ord / part.block);
    return fetchFile(BASE + part.id + '/r/' + block + '.json', true).then(function (records) {
      return records[ord - block * part.block];
    });
  }

  // ---- Ranking: exact name, then the document number, prefix, a whole place field, contiguous match ----
  function scoreOfFlags(flags, exact) {
    if (exact) {
      if (flags & NAME_EXACT) return 100;
      if (flags & NAME_PREFIX) return 80;
      if (flags & IN_NUMBER) return 75;
      if (flags & PLACE_EXACT) return 70;
    }
    if (flags & IN_NAME) return 60;
    if (flags & IN_PLACE) return 50;
    if (flags & IN_NUMBER) return 40;
    if (flags & IN_BODY) return 20;
    return 10;
  }
  // -1 when a term of the query is not in the record's text.
  function scoreOfRecord(r, terms, whole) {
    var names = r.n.map(normalize), place = (r.p || []).map(normalize);
    var number = normalize(r.no), body = normalize(r.b);
    var all = names.join('|') + '|' + place.join('|') + '|' + number + '|' + body;
    if (!terms.every(function (t) { return all.indexOf(t) >= 0; })) return -1;
    if (names.indexOf(whole) >= 0) return 100;
    if (number && number === whole) return 95;
    if (names.some(function (n) { return n.indexOf(whole) === 0; })) return 80;
    if (number.indexOf(whole) >= 0) return 75;
    if (place.indexOf(whole) >= 0) return 70;
    if (names.some(function (n) { return n.indexOf(whole) >= 0; })) return 60;
    if (place.join('|').indexOf(whole) >= 0) return 50;
    if (body.indexOf(whole) >= 0) return 20;
    return 10;
  }
  function byRank(a, b) {
    return b.score - a.score || (a.kind === 0 ? 0 : 1) - (b.kind === 0 ? 0 : 1) ||
      (a.titleLength || 0) - (b.titleLength || 0) || a.partIndex - b.partIndex || a.ord - b.ord;
  }

  // Intersects sorted posting lists, rarest first; a candidate keeps the flags all its tokens share.
  function intersect(lists) {
    lists.sort(function (a, b) { return a.ords.length - b.ords.length; });
    var ords = lists[0].ords.slice(), flags = lists[0].flags.slice();
    for (var l = 1; l < lists.length && ords.length; l++) {
      var other = lists[l], keepOrds = [], keepFlags = [], j = 0;
      for (var i = 0; i < ords.length; i++) {
        while (j < other.ords.length && other.ords[j] < ords[i]) j++;
        if (j < other.ords.length && other.ords[j] === ords[i]) {
          keepOrds.push(ords[i]);
          keepFlags.push(flags[i] & other.flags[j]);
        }
      }
      ords = keepOrds;
      flags = keepFlags;
    }
    return { ords: ords, flags: flags };
  }
  // The order in which a partition's posting lists are read: its rare tokens first (a common token has a long
  // list), spread over the query (first, last, middle, …) so that a few lists already pin a long name down.
  function tokenOrder(part, toks) {
    var rare = toks.filter(function (t) { return part.common.indexOf(t) < 0; });
    var common = toks.filter(function (t) { return part.common.indexOf(t) >= 0; });
    var order = [], left = rare.slice();
    while (left.length) {
      var k = order.length % 3 === 0 ? 0 : order.length % 3 === 1 ? left.length - 1 : Math.floor(left.length / 2);
      order.push(left.splice(k, 1)[0]);
    }
    return order.concat(common);
  }
  // A partition's records holding the query's tokens: lists are read TOKENS_MAX at a time, rarest first, until
  // few records are left (the record text check does the rest) or every token was read.
  function partitionMatches(part, toks) {
    var order = tokenOrder(part, toks), lists = [], found = null;
    function step() {
      var batch = order.splice(0, TOKENS_MAX);
      return Promise.all(batch.map(function (t) { return postings(part, t); })).then(function (more) {
        lists = lists.concat(more);
        found = intersect(lists.slice());
        return order.length && found.ords.length > FEW ? step() : { found: found, complete: !order.length };
      });
    }
    return step();
  }

  function matches(facets, filters) {
    return Object.keys(filters).every(function (name) { return (facets[name] || []).indexOf(filters[name]) >= 0; });
  }

  // Reads the filters of the candidates that lack them.
  function withFacets(list) {
    return Promise.all(list.map(function (c) {
      return c.facets || facetsOf(c.part, c.ord).then(function (f) { c.facets = f; });
    })).then(function () { return list; });
  }
  function countsOf(list) {
    var counts = {};
    list.forEach(function (c) {
      Object.keys(c.facets).forEach(function (name) {
        c.facets[name].forEach(function (v) { counts[name + '\u0000' + v] = (counts[name + '\u0000' + v] || 0) + 1; });
      });
    });
    return counts;
  }

  // The ranked results of a query: [{part, ord, score, kind, facets?, record?}], a promise of the counts per
  // filter value, and whether the count is exact. A candidate's kind (project or document) is its partition's, so
  // ranking needs no filter block: without a filter chosen, the results are shown before the filters of every
  // candidate are read for the counts (a common community name at 1 000 000 projects has ~2 000 candidates in
  // ~300 filter blocks); with one, every candidate's filters are read first, to keep only those that match.
  function find(state) {
    var terms = state.q.split(/\s+/).map(normalize).filter(Boolean);
    var whole = terms.join('');
    var toks = tokens(state.q).filter(function (t, i, all) { return all.indexOf(t) === i; });
    var exact = terms.length === 1 && toks.length === 1 && toks[0] === whole;
    var filtered = Object.keys(state.filters).length > 0;
    return Promise.all(manifest.parts.map(function (part, partIndex) {
      return partitionMatches(part, toks).then(function (m) {
        return m.found.ords.map(function (ord, k) {
          return { part: part, partIndex: partIndex, ord: ord, flags: m.found.flags[k],
                   score: scoreOfFlags(m.found.flags[k], exact), kind: part.projects ? 0 : 1 };
        });
      });
    })).then(function (perPart) {
      var candidates = [].concat.apply([], perPart);
      return filtered ? withFacets(candidates) : candidates;
    }).then(function (candidates) {
      candidates.sort(byRank);
      // One token that is the whole query: its postings are the answer, and only the shown records are read.
      var checked = exact ? [] : candidates.slice(0, VERIFY_MAX);
      return Promise.all(checked.map(function (c) {
        return recordOf(c.part, c.ord).then(function (r) {
          c.record = r;
          c.titleLength = r.t.length;
          c.score = scoreOfRecord(r, terms, whole);
        });
      })).then(function () {
        var approximate = !exact && candidates.length > VERIFY_MAX;
        var kept = candidates.filter(function (c) { return c.score >= 0; });
        kept.sort(byRank);
        return { results: filtered ? kept.filter(function (c) { return matches(c.facets, state.filters); }) : kept,
                 counts: withFacets(kept).then(countsOf), approximate: approximate };
      });
    });
  }

  // ---- Page ----
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
  // Each option shows how many results of the query carry its value: "优秀（12）".
  function showCounts(counts) {
    selects.forEach(function (s) {
      Array.prototype.forEach.call(s.options, function (o) {
        if (!o.value) return;
        var n = counts ? counts[s.name + '\u0000' + o.value] || 0 : null;
        o.textContent = o.value + (n === null ? '' : '（' + n + '）');
      });
    });
  }

  // The text with each occurrence of a term (compared folded) in <mark>, as text nodes.
  function marked(text, terms) {
    var p = document.createElement('p');
    p.className = 'search-excerpt';
    var folded = normalizeWithMap(text), ranges = [];
    terms.forEach(function (t) {
      for (var at = folded.text.indexOf(t); at >= 0 && t; at = folded.text.indexOf(t, at + t.length))
        ranges.push([folded.map[at], folded.map[at + t.length - 1] + 1]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[0] < pos) return;
      if (r[0] > pos) p.appendChild(document.createTextNode(text.slice(pos, r[0])));
      var m = document.createElement('mark');
      m.textContent = text.slice(r[0], r[1]);
      p.appendChild(m);
      pos = r[1];
    });
    if (pos < text.length) p.appendChild(document.createTextNode(text.slice(pos)));
    return p;
  }
  function excerptText(r, terms) {
    var lead = [].concat(r.n.slice(1), r.p || [], r.no ? [r.no] : []).filter(Boolean).join(' · ');
    if (!r.b) return lead;
    var body = normalizeWithMap(r.b), at = -1;
    terms.forEach(function (t) { if (at < 0) at = body.text.indexOf(t); });
    var start = at < 0 ? 0 : Math.max(0, body.map[at] - 40);
    var snippet = (start > 0 ? '…' : '') + r.b.slice(start, start + 120) + (start + 120 < r.b.length ? '…' : '');
    return lead ? lead + ' — ' + snippet : snippet;
  }
  function resultNode(c, terms) {
    var r = c.record;
    var li = document.createElement('li');
    li.className = 'search-result';
    var h = document.createElement('h2');
    var a = document.createElement('a');
    a.href = r.u;
    a.textContent = r.t || r.u;
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(marked(excerptText(r, terms), terms));
    var tags = document.createElement('ul');
    tags.className = 'search-result-tags';
    tags.setAttribute('aria-label', '分类');
    ['kind', 'year', 'tier', 'city'].forEach(function (name) {
      (c.facets[name] || []).forEach(function (value) {
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
  function renderMore(mine, terms) {
    var batch = shown.slice(rendered, rendered + PAGE);
    return Promise.all([withFacets(batch)].concat(batch.map(function (c) {
      return c.record || recordOf(c.part, c.ord).then(function (r) { c.record = r; });
    }))).then(function () {
      if (mine !== generation) return;
      batch.forEach(function (c) { list.appendChild(resultNode(c, terms)); });
      rendered += batch.length;
      more.hidden = rendered >= shown.length;
    });
  }
  function describe(state, count, approximate) {
    var what = '“' + state.q + '”';
    if (count === 0) return '没有找到与' + what + '相关的页面。可以换一个词，或减少筛选条件。';
    return '找到' + (approximate ? '约 ' : ' ') + count + ' 个与' + what + '相关的页面' + (count > PAGE ? '，按相关程度排列。' : '。');
  }
  function run(state) {
    var mine = ++generation;
    list.textContent = '';
    more.hidden = true;
    shown = [];
    rendered = 0;
    showCounts(null);
    if (!state.q) {
      status.textContent = '请输入要搜索的词，例如项目名称、社区、街道、县区名称或文件文号。';
      return Promise.resolve();
    }
    if (!tokens(state.q).length) {
      status.textContent = '请至少输入两个相连的汉字，或一个完整的数字或字母词（如“169号”、“代县”）。';
      return Promise.resolve();
    }
    status.textContent = '正在搜索……';
    var terms = state.q.split(/\s+/).map(normalize).filter(Boolean);
    return find(state).then(function (found) {
      if (mine !== generation) return;
      shown = found.results;
      // The count is announced once the first results are on the page; the filters' counts follow when read.
      return renderMore(mine, terms).then(function () {
        if (mine !== generation) return;
        status.textContent = describe(state, shown.length, found.approximate);
        stats.shownAt = performance.now();
        return found.counts;
      }).then(function (counts) {
        if (mine !== generation) return;
        showCounts(counts);
        stats.countedAt = performance.now();
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

  fetchFile(BASE + 'index.json', true).then(function (m) {
    if (!m || m.version !== 1 || !Array.isArray(m.parts)) throw new Error('unknown index');
    manifest = m;
    // Values are set as attributes, so the counts added to the options' text do not change them.
    selects.forEach(function (s) { Array.prototype.forEach.call(s.options, function (o) { o.value = o.value; }); });
    unavailable.hidden = true;
    form.hidden = false;
    form.addEventListener('submit', function (e) { e.preventDefault(); go(true); });
    selects.forEach(function (s) { s.addEventListener('change', function () { go(true); }); });
    more.addEventListener('click', function () {
      renderMore(generation, input.value.trim().split(/\s+/).map(normalize).filter(Boolean));
    });
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
