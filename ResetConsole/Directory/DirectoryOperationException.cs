namespace ResetConsole.Directory;

/// <summary>A directory refused or failed a change. The message names what failed, never a secret.</summary>
public sealed class DirectoryOperationException(string message, bool isTransient, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;

    /// <summary>What the directory asked for (e.g. Graph's Retry-After on 429), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
