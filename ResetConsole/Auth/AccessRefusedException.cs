namespace ResetConsole.Auth;

/// <summary>The person may not do this, now. The message is safe to show them.</summary>
public sealed class AccessRefusedException(string message) : Exception(message);
