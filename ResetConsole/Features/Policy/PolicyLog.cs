namespace ResetConsole.Features.Policy;

internal static partial class PolicyLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Recovery policy version {Version} is active (sha256 {Sha256})")]
    public static partial void PolicyActive(ILogger logger, int version, string sha256);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "The policy file {Path} differs from active version {Version}; it is not applied. Propose the change in the console so a security lead can approve it")]
    public static partial void FileDiffersFromActive(ILogger logger, string path, int version);
}
