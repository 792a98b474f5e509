namespace ResetConsole.Tests.E2E;

/// <summary>
/// Journey 7 activates a new policy version, which would change what every later journey sees; it gets a console of
/// its own, run after the other collections rather than beside them so two consoles never share the two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IncidentAppCollection : ICollectionFixture<ConsoleAppFixture>
{
    public const string Name = "Console app for the incident journey";
}
