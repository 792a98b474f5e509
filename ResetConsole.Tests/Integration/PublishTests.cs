using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration;

/// <summary>
/// The artifact README's "Deploying" describes: <c>dotnet publish</c> for a runtime gives a ReadyToRun console that
/// starts from its own folder in Production, with the recovery policy it ships and the scripts it serves.
/// </summary>
[Collection(PublishCollection.Name)]
public sealed class PublishTests
{
    [Fact]
    public async Task Publish_ForThisRuntime_IsReadyToRunAndStartsFromItsOwnFolder()
    {
        using var output = new TempFolder();
        using var data = new TempFolder();

        // No build server may outlive the publish: it would hold the output pipe open after dotnet exits.
        var (exitCode, log) = await ExternalProgram.RunAsync(
            "dotnet", TimeSpan.FromMinutes(10), "publish", RepositoryPaths.App, "-c", "Release", "--use-current-runtime", "--self-contained", "false",
            "--disable-build-servers", "-o", output.Path, "-nologo", "-v", "quiet");

        Assert.True(exitCode == 0, log);
        Assert.True(File.Exists(Path.Combine(output.Path, "Policies", "recovery-policy.yaml")), "the publish lacks the recovery policy");
        Assert.NotEmpty(System.IO.Directory.GetFiles(Path.Combine(output.Path, "Policies", "tests"), "*.yaml"));
        Assert.True(IsReadyToRun(Path.Combine(output.Path, "ResetConsole.dll")), "ResetConsole.dll is not precompiled");
        Assert.True(IsReadyToRun(Path.Combine(output.Path, "MudBlazor.dll")), "MudBlazor.dll is not precompiled");
        Assert.False(IsReadyToRun(Path.Combine(output.Path, "Microsoft.Graph.dll")), "Microsoft.Graph.dll was precompiled, though only the Graph connector loads it");

        var port = FreePort.Next();
        var baseAddress = new Uri($"http://localhost:{port}");
        await using var console = ConsoleProcess.StartPublished(output.Path, data.Path, port);
        await console.WaitUntilReadyAsync(baseAddress, TimeSpan.FromSeconds(90));

        using var http = new HttpClient { BaseAddress = baseAddress };
        var script = await http.GetAsync("/_framework/blazor.web.js");
        Assert.True(script.IsSuccessStatusCode, $"blazor.web.js answered {(int)script.StatusCode} in Production");
        var shipped = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.App, "Policies", "recovery-policy.yaml"))));
        Assert.Contains($"Recovery policy version 1 is active (sha256 {shipped})", console.Output);
    }

    private static bool IsReadyToRun(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}

/// <summary>A publish compiles the console again on every core: it runs alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PublishCollection
{
    public const string Name = "Publish";
}
