// Ticks every countdown on the page in the browser, once a second, so the server renders a deadline once and
// re-renders only when the deadline itself changes. One interval serves every [data-countdown] element, including
// those a circuit renders later. Loaded by the page (App.razor), so no circuit calls into it.
tick();
setInterval(tick, 1000);

function tick() {
  const now = Date.now();
  for (const el of document.querySelectorAll('[data-countdown]')) {
    const deadline = Date.parse(el.dataset.countdown);
    if (Number.isNaN(deadline)) continue;
    const left = deadline - now;
    const warn = Number(el.dataset.warn || 0) * 1000;
    const leftLabel = el.querySelector('.countdown-left');
    if (leftLabel) leftLabel.textContent = format(left);
    const at = el.querySelector('.countdown-at');
    if (at && at.dataset.localized !== el.dataset.countdown) {
      at.textContent = new Date(deadline).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
      at.dataset.localized = el.dataset.countdown;
    }
    el.classList.toggle('countdown-warn', left > 0 && left <= warn);
    el.classList.toggle('countdown-over', left <= 0);
  }
}

function format(ms) {
  let s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600); s %= 3600;
  const m = Math.floor(s / 60); s %= 60;
  const text = h > 0 ? `${h}h ${m}m ${String(s).padStart(2, '0')}s` : m > 0 ? `${m}m ${String(s).padStart(2, '0')}s` : `${s}s`;
  return ms < 0 ? `${text} overdue` : `${text} left`;
}
