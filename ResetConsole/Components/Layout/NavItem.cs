namespace ResetConsole.Components.Layout;

/// <summary>A drawer entry. <see cref="DemoOnly"/> entries exist only while the embedded demo provider runs.</summary>
public sealed record NavItem(string Title, string Href, string Icon, string Policy, bool DemoOnly = false, NavCounter Counter = NavCounter.None);

public enum NavCounter
{
    None,
    SupervisorQueue,
    SecurityQueue,
}
