namespace ResetConsole.Infrastructure;

/// <summary>Start-up cannot continue; the message is one sentence an operator can act on.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
