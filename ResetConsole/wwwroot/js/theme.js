// Loaded in the page head, before the body paints: applies the theme the person chose last time (stored in this
// browser only) so a dark page never flashes light. The layout's toggle calls consoleTheme.set through JS interop.
(function () {
  const key = 'console-theme';
  const dark = 'console-dark';
  const root = document.documentElement;
  const stored = () => { try { return localStorage.getItem(key); } catch { return null; } };
  if (stored() === 'dark') root.classList.add(dark);
  window.consoleTheme = {
    isDark: () => root.classList.contains(dark),
    set: (on) => {
      root.classList.toggle(dark, on);
      try { localStorage.setItem(key, on ? 'dark' : 'light'); } catch { /* private mode: this page only */ }
      return on;
    },
  };
})();
