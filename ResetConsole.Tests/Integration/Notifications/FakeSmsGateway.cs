using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ResetConsole.Tests.Integration.Notifications;

/// <summary>An SMS gateway's webhook on Kestrel, 127.0.0.1 and a port of its own: records every POST and answers <see cref="StatusCode"/>.</summary>
public sealed class FakeSmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeSmsGateway(WebApplication app) => _app = app;

    public int StatusCode { get; set; } = StatusCodes.Status202Accepted;

    public ConcurrentQueue<SmsRequest> Requests { get; } = new();

    public Uri Url => new(new Uri(_app.Urls.Single()), "/sms/send");

    public static async Task<FakeSmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var gateway = new FakeSmsGateway(app);
        app.MapPost("/sms/send", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            gateway.Requests.Enqueue(new SmsRequest(request.Path, request.ContentType, request.Headers.Authorization, await reader.ReadToEndAsync()));
            return Results.StatusCode(gateway.StatusCode);
        });
        await app.StartAsync();
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
