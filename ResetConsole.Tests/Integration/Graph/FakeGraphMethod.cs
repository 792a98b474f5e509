namespace ResetConsole.Tests.Integration.Graph;

/// <summary>A registered authentication method. Type is Graph's name without the suffix: <c>microsoftAuthenticator</c>, <c>phone</c>, ...</summary>
public sealed record FakeGraphMethod(string Id, string Type, string? DisplayName = null, DateTimeOffset? CreatedAt = null)
{
    /// <summary>The collection a method of this type is deleted from, e.g. <c>fido2Methods</c>.</summary>
    public string Collection => Type + "Methods";
}
