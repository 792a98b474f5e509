using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResetConsole.Directory;
using ResetConsole.Directory.Graph;

namespace ResetConsole.Tests.Integration.Graph;

public sealed class GraphServiceCollectionExtensionsTests
{
    private const string Secret = "app-secret-value-9f3c";

    [Fact]
    public void AddGraphDirectory_ValidSettings_ResolvesOneConnectorAsReaderAndWriter()
    {
        using var services = Build(new()
        {
            ["Directory:Graph:TenantId"] = "9a8b7c6d-1111-2222-3333-444455556666",
            ["Directory:Graph:ClientId"] = "0a1b2c3d-1111-2222-3333-444455556666",
            ["Directory:Graph:ClientSecret"] = Secret,
            ["Directory:Graph:AdminRoleNames:0"] = "PIM Global Admins",
        });

        var reader = services.GetRequiredService<IDirectoryConnector>();
        var writer = services.GetRequiredService<IDirectoryWriter>();

        Assert.IsType<GraphDirectoryConnector>(reader);
        Assert.Same(reader, writer);
        Assert.Equal(["PIM Global Admins"], services.GetRequiredService<IOptions<GraphOptions>>().Value.AdminRoleNames);
    }

    [Fact]
    public void AddGraphDirectory_MissingSettings_FailsWithOneSentencePerSetting()
    {
        using var services = Build(new() { ["Directory:Graph:BaseUrl"] = "http://graph.example.com/v1.0" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GraphOptions>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith("Directory:Graph:TenantId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Directory:Graph:ClientId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Directory:Graph:ClientSecret", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Directory:Graph:BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_BadSettingsWithSecret_NeverEchoTheSecret()
    {
        var options = new GraphOptions { TenantId = "not a tenant", ClientId = "nope", ClientSecret = Secret, ReadRetries = 9, RequestTimeout = TimeSpan.Zero };

        var problems = options.Problems().ToList();

        Assert.Equal(4, problems.Count);
        Assert.DoesNotContain(problems, p => p.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_MethodsApiResetWithAppOnlySignIn_IsRefused()
    {
        var options = new GraphOptions
        {
            TenantId = "contoso.onmicrosoft.com", ClientId = Guid.NewGuid().ToString(), ClientSecret = Secret, PasswordReset = GraphPasswordReset.AuthenticationMethods,
        };

        Assert.StartsWith("Directory:Graph:PasswordReset", Assert.Single(options.Problems()), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_LoopbackHttpBaseUrl_IsAccepted()
    {
        var options = new GraphOptions
        {
            TenantId = "contoso.onmicrosoft.com", ClientId = Guid.NewGuid().ToString(), ClientSecret = Secret, BaseUrl = "http://127.0.0.1:5123/v1.0",
        };

        Assert.Empty(options.Problems());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddGraphDirectory();
        return services.BuildServiceProvider();
    }
}
