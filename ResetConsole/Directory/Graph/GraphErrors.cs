using System.Globalization;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace ResetConsole.Directory.Graph;

/// <summary>
/// Turns what the SDK throws into <see cref="DirectoryOperationException"/>. The message names the operation, the
/// status and Graph's error code only: never Graph's own message or the inner exception, so nothing a request
/// carried (a password) can travel on in an exception.
/// </summary>
internal static class GraphErrors
{
    public static DirectoryOperationException Translate(Exception ex, string operation, string? subjectId, TimeProvider time) => ex switch
    {
        ApiException api => FromStatus(api, operation, subjectId, time),
        HttpRequestException => new($"Microsoft Graph could not be reached to {operation}{For(subjectId)}.", isTransient: true),
        TaskCanceledException or TimeoutException => new($"Microsoft Graph did not answer in time to {operation}{For(subjectId)}.", isTransient: true),
        _ => new($"Microsoft Graph failed to {operation}{For(subjectId)} ({ex.GetType().Name}).", isTransient: false),
    };

    // Account ids only: a search text or username is what a caller typed and stays out of messages.
    private static string For(string? subjectId) => subjectId is null ? string.Empty : $" for account {subjectId}";

    public static bool IsNotFound(Exception ex) => ex is ApiException { ResponseStatusCode: 404 };

    private static DirectoryOperationException FromStatus(ApiException api, string operation, string? subjectId, TimeProvider time)
    {
        var status = api.ResponseStatusCode;
        var code = (api as ODataError)?.Error?.Code;
        var described = code is null ? $"HTTP {status}" : $"HTTP {status}, {code}";
        var transient = status is 408 or 429 or >= 500;
        var message = status switch
        {
            429 => $"Microsoft Graph throttled the request to {operation}{For(subjectId)} ({described}).",
            403 => $"Microsoft Graph refused to {operation}{For(subjectId)}: the console's app lacks the permission or role ({described}).",
            404 => $"Microsoft Graph has no such account or method to {operation}{For(subjectId)} ({described}).",
            _ => $"Microsoft Graph failed to {operation}{For(subjectId)} ({described}).",
        };
        return new DirectoryOperationException(message, transient, transient ? RetryAfter(api, time) : null);
    }

    // Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3).
    private static TimeSpan? RetryAfter(ApiException api, TimeProvider time)
    {
        var value = api.ResponseHeaders
            .FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
