using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using ResetConsole.Infrastructure;

namespace ResetConsole.Tests.Unit.Infrastructure;

// Once the console begins to stop, a new request (a circuit's reconnect among them) is refused before anything runs.
public sealed class StoppingMiddlewareTests
{
    private readonly Lifetime _lifetime = new();
    private int _reachedTheApp;

    [Fact]
    public async Task WhileRunning_TheRequestGoesOn()
    {
        var context = new DefaultHttpContext();

        await Middleware().InvokeAsync(context);

        Assert.Equal(1, _reachedTheApp);
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task OnceStopping_TheRequestIsRefusedWith503AndARetryAfter()
    {
        _lifetime.StopApplication();
        var middleware = Middleware();
        var first = new DefaultHttpContext();
        var second = new DefaultHttpContext();

        await middleware.InvokeAsync(first);
        await middleware.InvokeAsync(second);

        Assert.Equal(0, _reachedTheApp);
        foreach (var context in new[] { first, second })
        {
            Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
            Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        }
    }

    private StoppingMiddleware Middleware() => new(_ => { _reachedTheApp++; return Task.CompletedTask; }, _lifetime, NullLogger<StoppingMiddleware>.Instance);

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }
}
