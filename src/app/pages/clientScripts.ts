/**
 * The public pages' scripts, as the browser runs them (plain ES5, so an old projector's browser
 * runs them too). They read their data from the page's `<script type="application/json">` block
 * and change the page only through `textContent`, `classList`, `hidden` and elements they create:
 * nothing from the data is ever parsed as HTML. They are text here, not functions, so that no
 * build step (or test coverage counter) can change what the page's Content-Security-Policy hash
 * was taken of.
 */

/** The honour roll: focuses the branch the link names (`?branch=B012&year=2026-2027`). */
export const HONOURS_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('honours-data').textContent);
  var wanted = data.selected;
  if (!wanted && data.mode === 'static' && window.URLSearchParams) {
    var params = new URLSearchParams(window.location.search);
    if (params.get('branch')) wanted = { branch: params.get('branch'), year: params.get('year') };
  }
  if (!wanted || !wanted.branch) return;
  var cards = document.querySelectorAll('article.card');
  var card = null;
  for (var i = 0; i < cards.length && !card; i++) {
    var c = cards[i];
    if (c.getAttribute('data-branch') !== wanted.branch) continue;
    if (wanted.year && c.getAttribute('data-year') !== wanted.year) continue;
    card = c;
  }
  var bar = document.getElementById('focus-bar');
  var note = document.getElementById('focus-note');
  bar.hidden = false;
  if (!card) {
    note.textContent = data.text.notFound.replace('{branch}', wanted.branch);
    return;
  }
  document.body.classList.add('focus');
  card.classList.add('selected');
  var section = card.parentNode;
  while (section && !(section.classList && section.classList.contains('year'))) section = section.parentNode;
  if (section) section.classList.add('has-selected');
  // The other cards are hidden: the branch's card now follows the page's heading.
  note.textContent = card.querySelector('h4').textContent;
})();
`;

/**
 * The meeting board: shows the tally and the result from the data; in the web app it asks the
 * server for the tally every few seconds (\`google.script.run\` → \`boardTally\`) until the vote is
 * closed, and staff close the vote with a button that must be clicked twice (the server checks that
 * the caller may).
 */
export const BOARD_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('board-data').textContent);
  var text = data.text;
  var board = data.board;
  function fill(template, params) {
    return template.replace(/\\{(\\w+)\\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole;
    });
  }
  function byId(id) { return document.getElementById(id); }
  function element(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function scoreOf(branch) {
    if (!board.result) return undefined;
    for (var i = 0; i < board.result.scores.length; i++) {
      if (board.result.scores[i].branch === branch) return board.result.scores[i].score;
    }
    return null;
  }
  function isStar(branch) {
    if (!board.result) return false;
    for (var i = 0; i < board.result.starBranches.length; i++) {
      if (board.result.starBranches[i].branch === branch) return true;
    }
    return false;
  }
  function nameOf(branch) {
    for (var i = 0; i < board.presenters.length; i++) {
      if (board.presenters[i].branch === branch) return board.presenters[i].name;
    }
    return branch;
  }
  function presenterRow(p) {
    var row = element('li', 'presenter');
    row.setAttribute('data-branch', p.branch);
    var name = element('p', 'name');
    name.appendChild(element('span', 'why'));
    name.appendChild(element('span', 'label', p.name));
    row.appendChild(name);
    var unit = element('p', 'unit', p.unit);
    unit.hidden = !p.unit || p.name.indexOf(p.unit) >= 0;
    row.appendChild(unit);
    row.appendChild(element('span', 'count'));
    var track = element('div', 'track');
    track.appendChild(element('div', 'fill'));
    row.appendChild(track);
    return row;
  }
  function renderPresenters() {
    var list = byId('presenters');
    if (!list) return;
    var rows = list.querySelectorAll('li.presenter');
    var same = rows.length === board.presenters.length;
    for (var i = 0; same && i < rows.length; i++) {
      same = rows[i].getAttribute('data-branch') === board.presenters[i].branch;
    }
    if (!same) {
      var old = list.querySelectorAll('li.presenter');
      for (var j = 0; j < old.length; j++) list.removeChild(old[j]);
      for (var k = 0; k < board.presenters.length; k++) list.appendChild(presenterRow(board.presenters[k]));
      rows = list.querySelectorAll('li.presenter');
    }
    var most = 1;
    for (var m = 0; m < board.presenters.length; m++) most = Math.max(most, board.presenters[m].votes);
    for (var n = 0; n < rows.length; n++) {
      var p = board.presenters[n];
      var row = rows[n];
      row.className = 'presenter' + (p.reason === 'spot' ? ' spot' : '') + (isStar(p.branch) ? ' star' : '');
      row.querySelector('.why').textContent = p.reason === 'spot' ? text.reasonSpot : text.reasonTop;
      var right = row.querySelector('.count, .score');
      var score = scoreOf(p.branch);
      if (score === undefined) {
        right.className = 'count';
        right.textContent = fill(text.votes, { count: p.votes });
      } else {
        right.className = score === null ? 'score none' : 'score';
        right.textContent = score === null ? text.tooFewVotes : score;
      }
      row.querySelector('.fill').style.width = (p.votes / most) * 100 + '%';
    }
  }
  function renderResult() {
    var box = byId('result');
    if (!box) return;
    if (!board.result) { box.hidden = true; return; }
    clear(box);
    box.hidden = false;
    box.appendChild(element('span', 'label', text.starBranch));
    var stars = board.result.starBranches;
    if (stars.length === 0) {
      box.appendChild(element('span', 'winner', text.noStarShort));
      box.appendChild(element('p', 'note', fill(text.noStar, { min: board.minJudges })));
      return;
    }
    for (var i = 0; i < stars.length; i++) {
      box.appendChild(element('span', 'winner', nameOf(stars[i].branch)));
      box.appendChild(element('span', 'points', text.onsiteScore + ' ' + stars[i].score));
    }
    box.appendChild(element('p', 'note', fill(text.trimRule, { trimFrom: board.trimFrom })));
  }
  function render() {
    var status = byId('status');
    status.textContent = board.closedAt ? text.closed : text.open;
    status.className = board.closedAt ? 'status closed' : 'status';
    var voters = byId('voters');
    if (voters) voters.textContent = fill(text.voters, { count: board.voters });
    var late = byId('late');
    if (late) {
      late.hidden = !(board.lateVotes > 0);
      late.textContent = fill(text.lateVotes, { count: board.lateVotes });
    }
    var closedAt = byId('closed-at');
    if (closedAt) {
      closedAt.hidden = !board.closedAt;
      closedAt.textContent = board.closedAt ? fill(text.closedAt, { time: board.closedAt.slice(11, 16) }) : '';
    }
    renderPresenters();
    renderResult();
    var close = byId('close');
    if (close && board.closedAt) close.hidden = true;
  }
  function stamp(message) {
    var note = byId('updated');
    if (!note) return;
    var now = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    note.textContent = message || fill(text.updatedAt, { time: two(now.getHours()) + ':' + two(now.getMinutes()) + ':' + two(now.getSeconds()) });
  }
  render();
  var run = window.google && window.google.script && window.google.script.run;
  if (data.mode !== 'webapp' || !run) return;
  stamp();
  var timer = null;
  function poll() {
    if (board.closedAt) { window.clearInterval(timer); return; }
    run
      .withSuccessHandler(function (next) { board = next; render(); stamp(); })
      .withFailureHandler(function () { stamp(text.refreshFailed); })
      .boardTally(board.month);
  }
  timer = window.setInterval(poll, data.pollMs);
  var close = byId('close');
  if (!close) return;
  var armedUntil = 0;
  close.addEventListener('click', function () {
    var message = byId('close-message');
    if (Date.now() > armedUntil) {
      armedUntil = Date.now() + 6000;
      close.textContent = text.confirmClose;
      close.classList.add('armed');
      window.setTimeout(function () {
        if (!close.disabled && Date.now() > armedUntil) {
          close.textContent = text.closeButton;
          close.classList.remove('armed');
        }
      }, 6500);
      return;
    }
    close.disabled = true;
    close.textContent = text.closing;
    run
      .withSuccessHandler(function (next) { board = next; render(); stamp(); message.textContent = ''; })
      .withFailureHandler(function (error) {
        close.disabled = false;
        close.textContent = text.closeButton;
        close.classList.remove('armed');
        armedUntil = 0;
        message.textContent = fill(text.closeFailed, { reason: (error && error.message) || String(error) });
      })
      .closeVote(board.month);
  });
})();
`;
