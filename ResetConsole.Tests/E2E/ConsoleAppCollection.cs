namespace ResetConsole.Tests.E2E;

[CollectionDefinition(Name)]
public sealed class ConsoleAppCollection : ICollectionFixture<ConsoleAppFixture>
{
    public const string Name = "Console app in Chromium";
}
