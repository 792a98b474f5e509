using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ResetConsole.Infrastructure;

namespace ResetConsole.Tests.Integration;

/// <summary>
/// A dropped connection finds its circuit again for as many agents as the console holds, not only the framework's
/// first 100: past that, Blazor evicts the circuit and the agent's page state is gone.
/// </summary>
public sealed class CircuitRetentionTests
{
    [Fact]
    public void DisconnectedCircuits_ByDefault_AreKeptForEveryCircuitTheConsoleIsSizedFor()
    {
        using var factory = new ConsoleFactory();

        var options = factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(ConsoleApplicationExtensions.DisconnectedCircuitsRetained, options.DisconnectedCircuitMaxRetained);
        Assert.True(options.DisconnectedCircuitMaxRetained >= 5_000, "the capacity goal is 5,000 circuits");
        Assert.Equal(TimeSpan.FromMinutes(3), options.DisconnectedCircuitRetentionPeriod);
    }

    [Fact]
    public void DisconnectedCircuits_FromConfiguration_OverrideTheDefault()
    {
        using var factory = new ConsoleFactory()
            .With("Circuits:DisconnectedCircuitMaxRetained", "250")
            .With("Circuits:DisconnectedCircuitRetentionPeriod", "00:01:00");

        var options = factory.Services.GetRequiredService<IOptions<CircuitOptions>>().Value;

        Assert.Equal(250, options.DisconnectedCircuitMaxRetained);
        Assert.Equal(TimeSpan.FromMinutes(1), options.DisconnectedCircuitRetentionPeriod);
    }
}
