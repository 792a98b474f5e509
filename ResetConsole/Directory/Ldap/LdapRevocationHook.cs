using System.ComponentModel;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace ResetConsole.Directory.Ldap;

/// <summary>Runs the configured command or calls the configured webhook to end a subject's sessions elsewhere.</summary>
internal sealed class LdapRevocationHook(LdapRevocationHookOptions options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger logger)
{
    public const string HttpClientName = "LdapRevocationHook";

    // The hook needs none of the console's own settings; the LDAP bind password and bearer token stay out of its environment.
    private const string OwnSettingsPrefix = "Directory__";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Command) || !string.IsNullOrWhiteSpace(options.Url);

    public Task RunAsync(string subjectId, string username, string idempotencyKey, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.Command))
        {
            return RunCommandAsync(options.Command, subjectId, username, idempotencyKey, ct);
        }

        if (!string.IsNullOrWhiteSpace(options.Url))
        {
            return CallWebhookAsync(options.Url, subjectId, username, idempotencyKey, ct);
        }

        throw new DirectoryOperationException(
            "Revoking sessions failed: LDAP has no sessions and no Directory:Ldap:RevocationHook is configured.", isTransient: false);
    }

    private async Task RunCommandAsync(string command, string subjectId, string username, string idempotencyKey, CancellationToken ct)
    {
        // Arguments go to the program as a list, never through a shell, but a leading '-' would still read as an option.
        if (username.StartsWith('-'))
        {
            throw new DirectoryOperationException("Revoking sessions failed: the username begins with '-', which the hook command could read as an option.", isTransient: false);
        }

        var start = new ProcessStartInfo(command)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in options.Arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(username);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith(OwnSettingsPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["RESET_SUBJECT_ID"] = subjectId;
        start.Environment["RESET_IDEMPOTENCY_KEY"] = idempotencyKey;

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            throw Failure(subjectId, "command", "a start failure", "the hook command could not be started (check Directory:Ldap:RevocationHook:Command)", e);
        }

        process.StandardInput.Close();

        // Output is drained so a chatty hook cannot block on a full pipe, and dropped because it may hold anything.
        var drain = Task.WhenAll(process.StandardOutput.ReadToEndAsync(ct), process.StandardError.ReadToEndAsync(ct));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            await drain.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw Failure(subjectId, "command", "a timeout", $"the hook command did not finish within {options.Timeout}", null);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw Failure(subjectId, "command", $"exit code {process.ExitCode}", $"the hook command exited with code {process.ExitCode}", null);
        }

        LdapLog.HookSucceeded(logger, "command", subjectId, idempotencyKey);
    }

    private async Task CallWebhookAsync(string url, string subjectId, string username, string idempotencyKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new { subjectId, username, idempotencyKey }),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (!string.IsNullOrWhiteSpace(options.BearerToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerToken);
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        client.Timeout = options.Timeout;
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw Failure(subjectId, "webhook", "no response", "the hook URL did not answer", e);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                LdapLog.HookSucceeded(logger, "webhook", subjectId, idempotencyKey);
                return;
            }

            var status = (int)response.StatusCode;

            // Resending the same request cannot fix a 400, 401, 403 or 404; a person has to.
            var transient = status is 408 or 429 || status >= 500;
            var retryAfter = response.Headers.RetryAfter?.Delta
                ?? (response.Headers.RetryAfter?.Date is { } date ? date - time.GetUtcNow() : null);
            LdapLog.HookFailed(logger, "webhook", subjectId, $"HTTP {status}");
            throw new DirectoryOperationException(
                $"Revoking sessions failed: the hook URL answered HTTP {status} ({response.StatusCode}).", transient, retryAfter);
        }
    }

    private DirectoryOperationException Failure(string subjectId, string kind, string outcome, string reason, Exception? inner)
    {
        LdapLog.HookFailed(logger, kind, subjectId, outcome);
        return new DirectoryOperationException($"Revoking sessions failed: {reason}.", isTransient: true, inner: inner);
    }
}
