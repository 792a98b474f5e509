using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Features.Approvals;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Execution;
using ResetConsole.Features.Incidents;
using ResetConsole.Features.Policy;
using ResetConsole.Features.Security;
using ResetConsole.Notifications;
using ResetConsole.Features.Audit;
using ResetConsole.Infrastructure.Events;
using MudBlazor.Services;
using ResetConsole.Auth;
using ResetConsole.Auth.Embedded;
using ResetConsole.Components;
using ResetConsole.Infrastructure.Health;
using ResetConsole.Infrastructure.Logging;
using Serilog;

namespace ResetConsole.Infrastructure;

public static class ConsoleApplicationExtensions
{
    /// <summary>
    /// Everything below the web layer: the store, the directory, the policy, cases, approvals, execution and
    /// notifications, exceptions and security oversight, incident reviews and policy changes. The app adds sign-in and the UI on top; tests and benchmarks use exactly this.
    /// </summary>
    public static IServiceCollection AddConsoleServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConsoleData();
        services.AddDirectory(configuration);
        services.AddRecoveryPolicy();
        services.AddConsoleInfrastructure();
        services.AddAudit();
        services.AddNotifications();
        services.AddCases();
        services.AddApprovals();
        services.AddExecution();
        services.AddSecurityOversight();
        services.AddIncidents();
        return services;
    }

    /// <summary>Shared pieces: the write gate, the event hub, the audit log and staff access checks.</summary>
    public static IServiceCollection AddConsoleInfrastructure(this IServiceCollection services)
    {
        services.TryAddSingleton<WriteGate>();
        services.TryAddSingleton<ConsoleEventHub>();
        services.TryAddSingleton<IAuditLog, AuditLog>();
        services.TryAddSingleton<StaffAccess>();
        services.TryAddSingleton<StaffDirectory>();
        services.TryAddSingleton(sp => new DemoMode(sp.GetService<EmbeddedProviderSettings>() is not null));
        return services;
    }

    /// <summary>Disconnected circuits kept for reconnection: the circuits the console is sized to hold.</summary>
    public const int DisconnectedCircuitsRetained = 5_000;

    /// <summary>Turns per-message deflate on for circuit connections (off by default: ADR-010).</summary>
    public const string WebSocketCompressionSetting = "Circuits:WebSocketCompression";

    public static IServiceCollection AddConsoleUi(this IServiceCollection services)
    {
        services.AddConsoleMudServices();
        services.TryAddSingleton<ResetConsole.Components.Layout.ThemeStylesheet>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddLeanJsInteropMetadata();
        // Blazor keeps 100 disconnected circuits by default; a network blip across a helpdesk floor drops more than that
        // at once, and every circuit past the 100th lost its page state (a half-written freeze reason, the step being
        // verified) instead of reconnecting to it. The console is sized for 5,000 circuits (docs/performance.md,
        // "Capacity"), so it keeps as many for the usual three minutes; "Circuits" in configuration overrides either.
        services.AddOptions<CircuitOptions>()
            .Configure(o => o.DisconnectedCircuitMaxRetained = DisconnectedCircuitsRetained)
            .BindConfiguration("Circuits");
        return services;
    }

    /// <summary>MudBlazor as the console configures it (also what the component tests render with).</summary>
    public static IServiceCollection AddConsoleMudServices(this IServiceCollection services) =>
        // The layout holds the only MudPopoverProvider, so MudBlazor's duplicate check (a JS call from every circuit
        // as it starts) has nothing to find.
        services.AddMudServices(config => config.PopoverOptions.ThrowOnDuplicateProvider = false);

    public static WebApplication UseConsolePipeline(this WebApplication app)
    {
        var auth = app.Services.GetRequiredService<IOptions<ConsoleAuthOptions>>().Value;
        var providerOrigin = auth.Mode == AuthMode.External ? new Uri(auth.Authority!).GetLeftPart(UriPartial.Authority) : null;

        // First: once stopping, nothing else runs for a new request (not even request logging, which logs a 503 as an error).
        app.UseMiddleware<StoppingMiddleware>();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseSerilogRequestLogging();
        app.UseMiddleware<SecurityHeadersMiddleware>(SecurityHeadersMiddleware.BuildPolicy(providerOrigin));
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapConsoleEndpoints(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapConsoleHealthChecks();
        app.MapBenchDiagnostics();
        app.MapAccountEndpoints();
        app.MapAuditEndpoints();
        if (app.Services.GetService<EmbeddedProviderSettings>() is not null)
        {
            app.MapEmbeddedIdentityProvider();
        }

        // Blazor compresses circuit traffic by default. The console turns it off (ADR-010): a compressed stream that
        // mixes what an outsider can put on a screen (a caller's claimed name, a ticket note) with what they must not
        // read leaks through its lengths, and each browser's connection holds a deflate state (250 to 300 KB outside
        // the managed heap) and pays for it on every live update.
        var compress = app.Configuration.GetValue(WebSocketCompressionSetting, defaultValue: false);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = !compress);
        return app;
    }

    public static void WarnWhenDemo(this WebApplication app)
    {
        if (app.Services.GetService<EmbeddedProviderSettings>() is { } idp)
        {
            app.Logger.LogWarning(
                "DEMO MODE: the embedded identity provider and its demo staff are active at {Origin}. This console must not face real users; see README for external mode.",
                idp.PublicOrigin);
        }
    }
}
