// Loaded in the page head, before the body paints: applies the theme the person chose last time (stored in this
// browser only) so a dark page never flashes light. The layout renders both theme buttons ([data-theme-choice]);
// app.css shows the one that applies, and the click is handled here, so choosing a theme involves no server call.
(function () {
  const key = 'console-theme';
  const dark = 'console-dark';
  const root = document.documentElement;
  const stored = () => { try { return localStorage.getItem(key); } catch { return null; } };
  if (stored() === 'dark') root.classList.add(dark);

  function set(on) {
    root.classList.toggle(dark, on);
    try { localStorage.setItem(key, on ? 'dark' : 'light'); } catch { /* private mode: this page only */ }
    return on;
  }

  document.addEventListener('click', (e) => {
    const choice = e.target instanceof Element ? e.target.closest('[data-theme-choice]') : null;
    if (!choice) return;
    const on = set(choice.dataset.themeChoice === 'dark');
    // The pressed button is now hidden: keep keyboard focus on its counterpart, which switches back.
    const other = document.querySelector(`[data-theme-choice="${on ? 'light' : 'dark'}"]`);
    if (other) other.focus();
  });
})();
