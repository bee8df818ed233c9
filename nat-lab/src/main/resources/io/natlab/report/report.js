// Shows a cell's pre-rendered details: hover previews, click (or Enter) pins, Esc unpins.
(function () {
  var hint = document.getElementById('hint');
  var shown = null, pinned = null;
  function show(cell) {
    var d = cell ? document.getElementById(cell.getAttribute('data-detail')) : null;
    if (shown) shown.hidden = true;
    shown = d;
    if (d) d.hidden = false;
    hint.hidden = !!d;
  }
  function pin(cell) {
    if (pinned) pinned.classList.remove('pinned');
    pinned = (pinned === cell) ? null : cell;
    if (pinned) pinned.classList.add('pinned');
    show(pinned || cell);
  }
  var cells = document.querySelectorAll('td.cell');
  for (var i = 0; i < cells.length; i++) {
    var c = cells[i];
    c.addEventListener('mouseenter', function () { if (!pinned) show(this); });
    c.addEventListener('focus', function () { if (!pinned) show(this); });
    c.addEventListener('click', function () { pin(this); });
    c.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); pin(this); }
    });
  }
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && pinned) { pinned.classList.remove('pinned'); pinned = null; show(null); }
  });
  // Open with the first flagged cell (or the first cell) pinned, so the panel is never empty; #d0-1-2 picks one.
  var wanted = /^#d[0-9-]+$/.test(location.hash) ? location.hash.slice(1) : null;
  var start = (wanted && document.querySelector('td.cell[data-detail="' + wanted + '"]'))
    || document.querySelector('td.cell.flagged') || cells[0];
  if (start) pin(start);
})();
