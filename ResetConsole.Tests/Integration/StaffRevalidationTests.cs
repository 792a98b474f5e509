using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ResetConsole.Data;

namespace ResetConsole.Tests.Integration;

/// <summary>A person switched off or re-roled loses the console within the revalidation interval, not at cookie expiry.</summary>
public sealed class StaffRevalidationTests : IDisposable
{
    // Starts at the wall clock because the token library validates id_token lifetimes against it; from there on
    // only the fake clock moves.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private readonly ConsoleFactory _factory;

    public StaffRevalidationTests() =>
        _factory = new ConsoleFactory().WithServices(s => s.AddSingleton<TimeProvider>(_time));

    [Fact]
    public async Task SwitchedOffStaff_AfterTheRevalidationInterval_IsSignedOut()
    {
        var client = CreateClient(out var services);
        await OidcSignIn.SignInAsync(client, "dana");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/accounts")).StatusCode);

        await UpdateStaffAsync(services, "dana", s => s.IsActive = false);
        _time.Advance(TimeSpan.FromMinutes(4));
        var response = await client.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/idp/connect/authorize", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task StaffWhoseRolesChanged_AfterTheRevalidationInterval_IsSignedOut()
    {
        var client = CreateClient(out var services);
        await OidcSignIn.SignInAsync(client, "sam");

        await UpdateStaffAsync(services, "sam", s => s.Roles = "Agent");
        _time.Advance(TimeSpan.FromMinutes(4));
        var response = await client.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task SwitchedOffStaff_WithinTheInterval_IsStillServed()
    {
        // The check is rate-limited per cookie; this pins that the limit, not luck, decides when it runs.
        var client = CreateClient(out var services);
        await OidcSignIn.SignInAsync(client, "lee");
        await client.GetAsync("/accounts");

        await UpdateStaffAsync(services, "lee", s => s.IsActive = false);
        _time.Advance(TimeSpan.FromMinutes(1));
        var response = await client.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose() => _factory.Dispose();

    private HttpClient CreateClient(out IServiceProvider services)
    {
        var client = _factory.CreateBrowserLikeClient();
        services = _factory.Services;
        return client;
    }

    private static async Task UpdateStaffAsync(IServiceProvider services, string subjectId, Action<ResetConsole.Auth.StaffMember> change)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var staff = await db.Staff.SingleAsync(s => s.SubjectId == subjectId);
        change(staff);
        await db.SaveChangesAsync();
    }
}
