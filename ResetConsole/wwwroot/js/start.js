// Starts Blazor with the console's reconnect schedule (blazor.web.js is loaded with autostart="false").
//
// The framework's default retries 10 times at once, then every 5 s, then every 30 s. After a restart every agent
// loses its circuit at the same moment, so those fixed steps bring them all back together, seconds after the server
// is ready. Here each browser retries about once a second for the first two minutes, spread by ±50% so a restart
// does not turn into a synchronised stampede, then every 5 s, then every 30 s. A refused connection costs the
// server nothing; the reload that follows a rejected circuit is what the server pays for, and the jitter spreads it.
(function () {
  function retryInterval(previousAttempts, maxRetries) {
    if (maxRetries && previousAttempts >= maxRetries) return null;
    const base = previousAttempts === 0 ? 0 : previousAttempts < 120 ? 1000 : previousAttempts < 180 ? 5000 : 30000;
    return Math.round(base * (0.5 + Math.random()));
  }

  Blazor.start({
    circuit: {
      reconnectionOptions: { maxRetries: 1000, retryIntervalMilliseconds: retryInterval },
    },
  });
})();
