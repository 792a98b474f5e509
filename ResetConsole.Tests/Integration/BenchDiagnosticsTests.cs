using System.Net;
using System.Text.Json;

namespace ResetConsole.Tests.Integration;

/// <summary>The load harness's diagnostics and floor pages exist only when a bench run turns them on.</summary>
public sealed class BenchDiagnosticsTests : IClassFixture<ConsoleFactory>
{
    private readonly ConsoleFactory _factory;

    public BenchDiagnosticsTests(ConsoleFactory factory) => _factory = factory;

    [Fact]
    public async Task Diagnostics_ByDefault_AreNotFound()
    {
        var response = await _factory.CreateBrowserLikeClient().GetAsync("/bench/diagnostics/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FullGcHeapReading_ByDefault_IsRefused()
    {
        var response = await _factory.CreateBrowserLikeClient().PostAsync("/bench/diagnostics/heap", null);

        // Unmapped, so the POST falls through to the not-found page, whose antiforgery check answers 400.
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task CounterFloorPage_ByDefault_IsNotFoundForSignedInStaff()
    {
        var client = _factory.CreateBrowserLikeClient();
        await OidcSignIn.SignInAsync(client, "dana");

        var response = await client.GetAsync("/bench/counter");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Diagnostics_WithTheBenchSetting_ReportHeapCpuAndCircuits()
    {
        using var factory = new ConsoleFactory().With("Bench:Diagnostics", "true");
        GC.Collect();

        var response = await factory.CreateBrowserLikeClient().GetAsync("/bench/diagnostics/");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json.RootElement.GetProperty("heapBytes").GetInt64() > 0);
        Assert.True(json.RootElement.GetProperty("cpuMicroseconds").GetDouble() > 0);
        // The load harness reads the console's GC pauses beside its tail latencies; the collection above paused it.
        Assert.True(json.RootElement.GetProperty("gcPauseMicroseconds").GetDouble() > 0);
        Assert.True(json.RootElement.GetProperty("gen0Collections").GetInt32() > 0);
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("meters").ValueKind);
    }
}
