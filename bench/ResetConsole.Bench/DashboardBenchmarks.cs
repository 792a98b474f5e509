using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using MudBlazor;
using MudBlazor.Services;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Features.Exceptions;
using ResetConsole.Features.Security;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Bench;

/// <summary>
/// The security dashboard with 10,000 active exceptions among 100,000 cases spread over a year: its first render
/// (every section's query and the markup, on a headless renderer like one circuit's), and each trend chart's
/// aggregate query over the whole year. Goal: each query under 50 ms.
/// Run: dotnet run -c Release --project bench/ResetConsole.Bench -- --filter *Dashboard*
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class DashboardBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset YearAgo = Now.AddDays(-365);
    private static readonly DateOnly From = DateOnly.FromDateTime(YearAgo.UtcDateTime);
    private static readonly DateOnly To = DateOnly.FromDateTime(Now.UtcDateTime);

    private BenchHost _host = null!;
    private ServiceProvider _ui = null!;
    private IDbContextFactory<AppDbContext> _db = null!;
    private StaffActor _lee = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // Each benchmark runs in its own process; the seeded year is built once and copied after that.
        var template = Path.Combine(Path.GetTempPath(), "resetconsole-bench", $"dashboard-{DashboardSeeder.Version}.db");
        _host = await BenchHost.StartAsync(new FixedTimeProvider(Now), File.Exists(template) ? template : null);
        if (!File.Exists(template))
        {
            await DashboardSeeder.SeedAsync(_host, cases: 100_000, activeExceptions: 10_000, Now);
            await _host.SaveCopyAsync(template);
        }

        _lee = await _host.StaffAsync("lee", Roles.SecurityLead);
        _db = _host.Get<IDbContextFactory<AppDbContext>>();
        _ui = BuildUiServices();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _ui.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Benchmark]
    public async Task DashboardFirstRender()
    {
        await using var scope = _ui.CreateAsyncScope();
        using var renderer = new HeadlessRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        await renderer.AddAsync<DashboardRoot>(ParameterView.Empty);
    }

    [Benchmark]
    public Task<Trends> TrendsForAYear_AllCharts() => _host.Get<TrendService>().ReadAsync(_lee, From, To);

    [Benchmark]
    public Task ResetsPerDayByTier() => Query(db => TrendService.PerDayAsync(db, DailyTally.ResetByTier, From, To, default));

    [Benchmark]
    public Task ResetsPerDayByChannel() => Query(db => TrendService.PerDayAsync(db, DailyTally.ResetByChannel, From, To, default));

    [Benchmark]
    public Task FailureRateByMethod() => Query(db => TrendService.FailureRatesAsync(db, From, To, default));

    [Benchmark]
    public Task ApprovalTimeToDecision() => Query(db => TrendService.ApprovalTimingsAsync(db, From, To, default));

    [Benchmark]
    public Task ExceptionsByType() => Query(db => TrendService.CountByAsync(db, DailyTally.ExceptionGrantedType, From, To, default));

    [Benchmark]
    public Task ExceptionsByGranter() => Query(db => TrendService.CountByAsync(db, DailyTally.ExceptionGrantedBy, From, To, default));

    [Benchmark]
    public Task TopAgents() => Query(db => TrendService.TopAgentsAsync(db, From, To, default));

    [Benchmark]
    public Task VendorShareOfPrivileged() => Query(db => TrendService.VendorSharesAsync(db, From, To, default));

    private async Task Query<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var db = await _db.CreateDbContextAsync();
        await query(db);
    }

    private ServiceProvider BuildUiServices() =>
        BenchUi.Build(_host, _lee, Roles.SecurityLead, services =>
        {
            services.AddSingleton(_host.Get<SecurityDashboardService>());
            services.AddSingleton(_host.Get<ExceptionService>());
        });

    /// <summary>The seeded data is relative to <see cref="Now"/>; the clock stays there.</summary>
    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>One security lead's screen: MudBlazor's providers around the dashboard page.</summary>
    private sealed class DashboardRoot : ComponentBase
    {
        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<CascadingAuthenticationState>(2);
            builder.AddComponentParameter(3, nameof(CascadingAuthenticationState.ChildContent), (RenderFragment)(b =>
            {
                b.OpenComponent<SecurityDashboardPage>(0);
                b.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }
}
