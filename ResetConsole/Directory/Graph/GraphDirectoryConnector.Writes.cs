using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Authentication.Methods.Item.ResetPassword;
using Microsoft.Graph.Users.Item.Authentication.Operations.Item;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace ResetConsole.Directory.Graph;

public sealed partial class GraphDirectoryConnector
{
    /// <summary>The well-known id of every user's password authentication method.</summary>
    public const string PasswordMethodId = "28c10230-6103-485e-b985-444c60001490";

    public DirectoryCapabilities Capabilities =>
        DirectoryCapabilities.SetTemporaryCredential | DirectoryCapabilities.RequireChangeAtNextSignIn | DirectoryCapabilities.ResetMfa
        | DirectoryCapabilities.IssueTemporaryAccessPass | DirectoryCapabilities.RevokeSessions | DirectoryCapabilities.ConfirmRevocation
        | DirectoryCapabilities.ListAuthenticators;

    /// <summary>
    /// Sets the password as <see cref="GraphOptions.PasswordReset"/> says. PasswordProfile: one PATCH carrying the
    /// password and forceChangePasswordNextSignIn as asked. AuthenticationMethods: resetPassword (polled when Graph
    /// answers 202), which always prompts a change; when a change is asked for, a PATCH also sets the flag explicitly.
    /// Repeating with the same secret sets the same password again.
    /// </summary>
    public async Task SetTemporaryCredentialAsync(
        string subjectId, string secret, bool requireChangeAtNextSignIn, string idempotencyKey, CancellationToken ct = default)
    {
        var requestId = GraphRequestIds.FromIdempotencyKey(idempotencyKey);
        if (_options.PasswordReset == GraphPasswordReset.PasswordProfile)
        {
            await RunAsync("reset the password", subjectId, async () =>
            {
                var change = new User { PasswordProfile = new PasswordProfile { Password = secret, ForceChangePasswordNextSignIn = requireChangeAtNextSignIn } };
                await graph.Users[subjectId].PatchAsync(change, rc => Write(rc, requestId), ct);
                return true;
            }, ct);
            GraphLog.PasswordReset(logger, subjectId, false, requireChangeAtNextSignIn);
            return;
        }

        var wasAsync = await RunAsync("reset the password", subjectId, async () =>
        {
            var headers = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
            await graph.Users[subjectId].Authentication.Methods[PasswordMethodId].ResetPassword.PostAsync(
                new ResetPasswordPostRequestBody { NewPassword = secret },
                rc => { Write(rc, requestId); rc.Options.Add(headers); },
                ct);
            var location = headers.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Location", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
            if (location is null)
            {
                return false;
            }

            await WaitForPasswordResetAsync(subjectId, location, requestId, ct);
            return true;
        }, ct);

        if (requireChangeAtNextSignIn)
        {
            await RunAsync("require a password change at next sign-in", subjectId, async () =>
            {
                var change = new User { PasswordProfile = new PasswordProfile { ForceChangePasswordNextSignIn = true } };
                await graph.Users[subjectId].PatchAsync(change, rc => Write(rc, requestId), ct);
                return true;
            }, ct);
        }

        GraphLog.PasswordReset(logger, subjectId, wasAsync, requireChangeAtNextSignIn);
    }

    /// <summary>
    /// Deletes every registered FIDO2 key, OATH app, Authenticator app and phone (phone last: Graph is readier to delete
    /// a default method once it is the only one). Never the password. A method already gone counts as deleted.
    /// </summary>
    public async Task ResetMfaAsync(string subjectId, string idempotencyKey, CancellationToken ct = default)
    {
        var requestId = GraphRequestIds.FromIdempotencyKey(idempotencyKey);
        var removed = await RunAsync("reset MFA methods", subjectId, async () =>
        {
            var methods = await MethodsAsync(subjectId, ct);
            var removed = false;
            foreach (var method in methods.OrderBy(DeleteOrder))
            {
                try
                {
                    var delete = DeleteMethod(subjectId, method, requestId, ct);
                    if (delete is not null)
                    {
                        await delete;
                        removed = true;
                    }
                }
                catch (Exception ex) when (GraphErrors.IsNotFound(ex))
                {
                    // Deleted by an earlier attempt of this side effect, or by someone else: the goal holds.
                }
            }

            return removed;
        }, ct);
        GraphLog.MfaReset(logger, subjectId, removed);
    }

    public Task UnlockAsync(string subjectId, string idempotencyKey, CancellationToken ct = default) =>
        throw new DirectoryOperationException(
            "Microsoft Graph cannot unlock an Entra ID account: smart lockout clears itself and has no flag to reset, so this connector does not offer unlock.",
            isTransient: false);

    /// <summary>
    /// Deletes any existing pass, then creates one. Graph returns a pass only when it creates it, so a retry must
    /// create a new one; deleting first means only the pass the subject receives works.
    /// </summary>
    public async Task<string> IssueTemporaryAccessPassAsync(string subjectId, TimeSpan lifetime, string idempotencyKey, CancellationToken ct = default)
    {
        var minutes = (int)Math.Ceiling(lifetime.TotalMinutes);
        if (minutes is < 10 or > 43200)
        {
            throw new DirectoryOperationException(
                $"A temporary access pass must last between 10 minutes and 30 days; {minutes} minutes was asked for account {subjectId}.", isTransient: false);
        }

        var requestId = GraphRequestIds.FromIdempotencyKey(idempotencyKey);
        var pass = await RunAsync("issue a temporary access pass", subjectId, async () =>
        {
            var existing = await graph.Users[subjectId].Authentication.TemporaryAccessPassMethods.GetAsync(rc => Write(rc, requestId), ct);
            foreach (var old in existing?.Value ?? [])
            {
                try
                {
                    await graph.Users[subjectId].Authentication.TemporaryAccessPassMethods[old.Id].DeleteAsync(rc => Write(rc, requestId), ct);
                }
                catch (Exception ex) when (GraphErrors.IsNotFound(ex))
                {
                    // Already gone.
                }
            }

            var created = await graph.Users[subjectId].Authentication.TemporaryAccessPassMethods.PostAsync(
                new TemporaryAccessPassAuthenticationMethod { LifetimeInMinutes = minutes, IsUsableOnce = _options.TemporaryAccessPassUsableOnce },
                rc => Write(rc, requestId),
                ct);
            return created?.TemporaryAccessPass
                ?? throw new DirectoryOperationException($"Microsoft Graph created a temporary access pass for account {subjectId} but returned no pass.", isTransient: false);
        }, ct);
        GraphLog.TemporaryAccessPassIssued(logger, subjectId, _options.TemporaryAccessPassUsableOnce);
        return pass;
    }

    /// <summary>
    /// revokeSignInSessions, then reads signInSessionsValidFromDateTime back: confirmed only when it moved to the time
    /// of the call (within the clock tolerance). A repeat revokes again, which is harmless.
    /// </summary>
    public async Task<bool> RevokeSessionsAsync(string subjectId, string idempotencyKey, CancellationToken ct = default)
    {
        var requestId = GraphRequestIds.FromIdempotencyKey(idempotencyKey);
        var calledAt = time.GetUtcNow();
        await RunAsync("revoke sign-in sessions", subjectId, async () =>
        {
            await graph.Users[subjectId].RevokeSignInSessions.PostAsRevokeSignInSessionsPostResponseAsync(rc => Write(rc, requestId), ct);
            return true;
        }, ct);

        var validFrom = await RunAsync("confirm the session revocation", subjectId, async () =>
        {
            var user = await graph.Users[subjectId].GetAsync(rc =>
            {
                rc.QueryParameters.Select = ["id", "signInSessionsValidFromDateTime"];
                Write(rc, requestId);
            }, ct);
            return user?.SignInSessionsValidFromDateTime;
        }, ct);

        var confirmed = validFrom is { } at && at >= calledAt - _options.RevocationClockTolerance;
        GraphLog.SessionsRevoked(logger, subjectId, confirmed);
        return confirmed;
    }

    /// <summary>
    /// Not offered. Graph generates application secrets itself (addPassword ignores a caller's value), while this
    /// interface hands the connector a secret the console generated; see the README for the design note.
    /// </summary>
    public Task RotateSecretAsync(string subjectId, string newSecret, string idempotencyKey, CancellationToken ct = default) =>
        throw new DirectoryOperationException(
            "Microsoft Graph cannot set a chosen secret on an application: it generates secrets itself, so this connector does not offer secret rotation.",
            isTransient: false);

    private async Task WaitForPasswordResetAsync(string subjectId, string location, string requestId, CancellationToken ct)
    {
        // The status URL carries our token: follow it only within the configured Graph root.
        var root = new Uri(_options.BaseUrl.TrimEnd('/') + "/");
        if (!Uri.TryCreate(root, location, out var status) || !root.IsBaseOf(status))
        {
            throw new DirectoryOperationException(
                $"Microsoft Graph answered the password reset for account {subjectId} with a status address outside the configured BaseUrl; it was not followed.",
                isTransient: false);
        }

        for (var attempt = 1; ; attempt++)
        {
            // A fresh builder per poll: Kiota consumes a raw-URL builder's address on first use.
            var operation = new LongRunningOperationItemRequestBuilder(status.AbsoluteUri, graph.RequestAdapter);
            var state = await operation.GetAsync(rc => { Read(rc); rc.Headers.Add(GraphRequestIds.Header, requestId); }, ct);
            if (state?.Status == LongRunningOperationStatus.Succeeded)
            {
                return;
            }

            if (state?.Status == LongRunningOperationStatus.Failed)
            {
                throw new DirectoryOperationException($"Microsoft Graph reported that the password reset for account {subjectId} failed.", isTransient: false);
            }

            if (attempt >= _options.PasswordResetPollAttempts)
            {
                throw new DirectoryOperationException(
                    $"Microsoft Graph had not finished the password reset for account {subjectId} after {attempt} checks.", isTransient: true);
            }

            await Task.Delay(_options.PasswordResetPollInterval, time, ct);
        }
    }

    private Task? DeleteMethod(string subjectId, AuthenticationMethod method, string requestId, CancellationToken ct)
    {
        var methods = graph.Users[subjectId].Authentication;
        return method switch
        {
            Fido2AuthenticationMethod => methods.Fido2Methods[method.Id].DeleteAsync(rc => Write(rc, requestId), ct),
            SoftwareOathAuthenticationMethod => methods.SoftwareOathMethods[method.Id].DeleteAsync(rc => Write(rc, requestId), ct),
            MicrosoftAuthenticatorAuthenticationMethod => methods.MicrosoftAuthenticatorMethods[method.Id].DeleteAsync(rc => Write(rc, requestId), ct),
            PhoneAuthenticationMethod => methods.PhoneMethods[method.Id].DeleteAsync(rc => Write(rc, requestId), ct),
            _ => null,
        };
    }

    private static int DeleteOrder(AuthenticationMethod method) => method is PhoneAuthenticationMethod ? 1 : 0;

    private async Task<T> RunAsync<T>(string operation, string subjectId, Func<Task<T>> call, CancellationToken ct)
    {
        try
        {
            return await call();
        }
        catch (DirectoryOperationException ex)
        {
            GraphLog.Failed(logger, operation, subjectId, 0, ex.IsTransient);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var error = GraphErrors.Translate(ex, operation, subjectId, time);
            GraphLog.Failed(logger, operation, subjectId, (ex as ApiException)?.ResponseStatusCode ?? 0, error.IsTransient);
            throw error;
        }
    }

    // Writes carry the idempotency-derived request id and are never retried inside the call.
    private static void Write<T>(RequestConfiguration<T> rc, string requestId) where T : class, new()
    {
        rc.Headers.Add(GraphRequestIds.Header, requestId);
        rc.Options.Add(new RetryHandlerOption { MaxRetry = 0 });
    }
}
