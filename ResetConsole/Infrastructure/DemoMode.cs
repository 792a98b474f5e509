namespace ResetConsole.Infrastructure;

/// <summary>
/// True while the console runs on its embedded demo provider. Demo-only pages (the outbox, the simulated device)
/// and their services refuse to work otherwise.
/// </summary>
public sealed record DemoMode(bool IsOn);
