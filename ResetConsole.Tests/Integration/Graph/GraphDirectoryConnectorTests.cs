using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions.Authentication;
using ResetConsole.Directory;
using ResetConsole.Directory.Graph;
using ResetConsole.Domain.Subjects;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Graph;

/// <summary>The Graph connector against a local fake of Graph: the exact requests it sends and how it reads the answers.</summary>
public sealed class GraphDirectoryConnectorTests : IAsyncLifetime
{
    private const string Secret = "Kx9!temporary-Secret-4471";
    private const string Key = "case-42:set-temporary-credential";
    private const string DanaId = "6e7b3b1e-1b7a-4a53-9c0e-1d2f3a4b5c6d";
    private const string ManagerId = "0f1e2d3c-4b5a-4969-8877-665544332211";

    private readonly CapturingLoggerProvider _logs = new();
    private FakeGraphServer _graph = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.Add(new FakeGraphUser { Id = ManagerId, UserPrincipalName = "morgan.lee@contoso.test", DisplayName = "Morgan Lee" });
        _graph.Add(new FakeGraphUser
        {
            Id = DanaId,
            UserPrincipalName = "dana.smith@contoso.test",
            DisplayName = "Dana Smith",
            Mail = "dana.smith@contoso.test",
            MobilePhone = "+44 7700 900123",
            EmployeeId = "E1042",
            Department = "Finance",
            JobTitle = "Payroll lead",
            ManagerId = ManagerId,
            Groups = ["Payroll", "All staff"],
            Roles = ["Helpdesk Administrator"],
            EligibleRoles = ["Global Administrator"],
            Methods =
            [
                new("auth-app-1", "microsoftAuthenticator", "Dana's iPhone", new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero)),
                new("phone-1", "phone"),
                new("oath-1", "softwareOath"),
                new("fido-AbC_1", "fido2", "YubiKey 5C", new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.Zero)),
                new("email-1", "email"),
            ],
        });
    }

    public async Task DisposeAsync() => await _graph.DisposeAsync();

    [Theory(Timeout = 30_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SetTemporaryCredentialAsync_PasswordProfile_PatchesPasswordAndChangeFlagInOneRequest(bool requireChange)
    {
        await Connector().SetTemporaryCredentialAsync(DanaId, Secret, requireChange, Key);

        var patch = Assert.Single(_graph.Requests);
        Assert.Equal(("PATCH", $"/users/{DanaId}"), (patch.Method, patch.Path));
        Assert.Equal(Secret, patch.Json!["passwordProfile"]!["password"]!.GetValue<string>());
        Assert.Equal(requireChange, patch.Json!["passwordProfile"]!["forceChangePasswordNextSignIn"]!.GetValue<bool>());
        Assert.Equal((Secret, requireChange), (_graph.Users[DanaId].Password, _graph.Users[DanaId].ForceChangePasswordNextSignIn));
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_MethodsApiAsynchronousReset_PostsNewPasswordPollsLocationAndRequiresChange()
    {
        await MethodsApiConnector().SetTemporaryCredentialAsync(DanaId, Secret, requireChangeAtNextSignIn: true, Key);

        var post = Assert.Single(_graph.RequestsTo("POST", ResetPasswordPath));
        Assert.Equal(Secret, post.Json!["newPassword"]!.GetValue<string>());
        Assert.Single(_graph.Requests, r => r.Method == "GET" && r.Path.StartsWith($"/users/{DanaId}/authentication/operations/", StringComparison.Ordinal));
        var patch = Assert.Single(_graph.RequestsTo("PATCH", $"/users/{DanaId}"));
        Assert.True(patch.Json!["passwordProfile"]!["forceChangePasswordNextSignIn"]!.GetValue<bool>());
        Assert.Null(patch.Json!["passwordProfile"]!["password"]);
        Assert.Equal(Secret, _graph.Users[DanaId].Password);
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_AnyWrite_SendsBearerTokenAndRequestIdDerivedFromIdempotencyKey()
    {
        await MethodsApiConnector().SetTemporaryCredentialAsync(DanaId, Secret, requireChangeAtNextSignIn: true, Key);
        var first = _graph.Requests.Select(r => r.Header("client-request-id")).Distinct().ToList();
        await MethodsApiConnector().SetTemporaryCredentialAsync(DanaId, Secret, requireChangeAtNextSignIn: true, Key);

        var all = _graph.Requests;
        Assert.All(all, r => Assert.Equal("Bearer fake-graph-token", r.Header("Authorization")));
        var id = Assert.Single(first);
        Assert.True(Guid.TryParse(id, out _));
        Assert.All(all, r => Assert.Equal(id, r.Header("client-request-id")));
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_MethodsApiOperationStillRunning_PollsUntilSucceeded()
    {
        _graph.PasswordResetStates = ["notStarted", "running", "succeeded"];

        await MethodsApiConnector().SetTemporaryCredentialAsync(DanaId, Secret, requireChangeAtNextSignIn: false, Key);

        Assert.Equal(3, _graph.Requests.Count(r => r.Path.Contains("/authentication/operations/", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_MethodsApiOperationNeverFinishes_ThrowsTransientAfterPollLimit()
    {
        _graph.PasswordResetStates = ["running"];

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() =>
            MethodsApiConnector(o => o.PasswordResetPollAttempts = 3).SetTemporaryCredentialAsync(DanaId, Secret, requireChangeAtNextSignIn: false, Key));

        Assert.True(error.IsTransient);
        Assert.Equal(3, _graph.Requests.Count(r => r.Path.Contains("/authentication/operations/", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_MethodsApiOperationFailed_ThrowsNonTransientAndSetsNoFlag()
    {
        _graph.PasswordResetStates = ["running", "failed"];

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() =>
            MethodsApiConnector().SetTemporaryCredentialAsync(DanaId, Secret, requireChangeAtNextSignIn: true, Key));

        Assert.False(error.IsTransient);
        Assert.Empty(_graph.RequestsTo("PATCH", $"/users/{DanaId}"));
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_MethodsApiSynchronousWithoutChangeRequired_SendsNoPollAndNoPatch()
    {
        _graph.PasswordResetIsAsynchronous = false;

        await MethodsApiConnector().SetTemporaryCredentialAsync(DanaId, Secret, requireChangeAtNextSignIn: false, Key);

        Assert.Single(_graph.Requests);
        Assert.Equal(Secret, _graph.Users[DanaId].Password);
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_MethodsApiLocationOutsideBaseUrl_IsNotFollowed()
    {
        _graph.PasswordResetLocation = "https://attacker.example/v1.0/operations/1";

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() =>
            MethodsApiConnector().SetTemporaryCredentialAsync(DanaId, Secret, requireChangeAtNextSignIn: true, Key));

        Assert.False(error.IsTransient);
        Assert.Single(_graph.Requests);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(GraphPasswordReset.PasswordProfile)]
    [InlineData(GraphPasswordReset.AuthenticationMethods)]
    public async Task SetTemporaryCredentialAsync_GraphErrorEchoesPassword_SecretInNoExceptionAndNoLog(GraphPasswordReset mode)
    {
        var (method, path) = mode == GraphPasswordReset.PasswordProfile ? ("PATCH", $"/users/{DanaId}") : ("POST", ResetPasswordPath);
        _graph.FailNext(method, path, 1, 400, code: "invalidPassword", message: $"The password '{Secret}' does not meet complexity.");

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() =>
            Connector(o => o.PasswordReset = mode).SetTemporaryCredentialAsync(DanaId, Secret, requireChangeAtNextSignIn: true, Key));

        Assert.False(error.IsTransient);
        Assert.Contains("reset the password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Null(error.InnerException);
        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_Forbidden_ThrowsNonTransientNamingOperation()
    {
        _graph.FailNext("PATCH", $"/users/{DanaId}", 1, 403, code: "Authorization_RequestDenied", message: "Insufficient privileges to complete the operation.");

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() =>
            Connector().SetTemporaryCredentialAsync(DanaId, Secret, requireChangeAtNextSignIn: true, Key));

        Assert.False(error.IsTransient);
        Assert.Null(error.RetryAfter);
        Assert.Contains("reset the password", error.Message, StringComparison.Ordinal);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task ResetMfaAsync_RegisteredMethods_DeletesEachMfaMethodPhoneLastAndNeverPasswordOrEmail()
    {
        await Connector().ResetMfaAsync(DanaId, Key);

        var deletes = _graph.Requests.Where(r => r.Method == "DELETE").Select(r => r.Path).ToList();
        Assert.Equal(4, deletes.Count);
        Assert.Contains($"/users/{DanaId}/authentication/microsoftAuthenticatorMethods/auth-app-1", deletes);
        Assert.Contains($"/users/{DanaId}/authentication/softwareOathMethods/oath-1", deletes);
        Assert.Contains($"/users/{DanaId}/authentication/fido2Methods/fido-AbC_1", deletes);
        Assert.Equal($"/users/{DanaId}/authentication/phoneMethods/phone-1", deletes[^1]);
        Assert.Equal(["email"], _graph.Users[DanaId].Methods.Select(m => m.Type));
    }

    [Fact(Timeout = 30_000)]
    public async Task ResetMfaAsync_MethodAlreadyGone_Succeeds()
    {
        _graph.FailNext("DELETE", $"/users/{DanaId}/authentication/fido2Methods/fido-AbC_1", 1, 404, code: "itemNotFound", message: "Gone.");

        await Connector().ResetMfaAsync(DanaId, Key);

        Assert.Equal(4, _graph.Requests.Count(r => r.Method == "DELETE"));
    }

    [Fact(Timeout = 30_000)]
    public async Task ResetMfaAsync_ServerError_ThrowsTransientWithoutRetryAfter()
    {
        _graph.FailNext("DELETE", $"/users/{DanaId}/authentication/microsoftAuthenticatorMethods/auth-app-1", 1, 500, code: "generalException", message: "Oops.");

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => Connector().ResetMfaAsync(DanaId, Key));

        Assert.True(error.IsTransient);
        Assert.Null(error.RetryAfter);
        Assert.Contains("reset MFA methods", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task ResetMfaAsync_GraphUnreachable_ThrowsTransient()
    {
        var closed = $"http://127.0.0.1:{FreePort.Next()}/v1.0";

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => Connector(o => o.BaseUrl = closed).ResetMfaAsync(DanaId, Key));

        Assert.True(error.IsTransient);
        Assert.Contains("could not be reached", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task IssueTemporaryAccessPassAsync_NewPass_PostsLifetimeAndUsableOnceAndReturnsPass()
    {
        var pass = await Connector().IssueTemporaryAccessPassAsync(DanaId, TimeSpan.FromHours(1), Key);

        var post = Assert.Single(_graph.RequestsTo("POST", $"/users/{DanaId}/authentication/temporaryAccessPassMethods"));
        Assert.Equal(60, post.Json!["lifetimeInMinutes"]!.GetValue<int>());
        Assert.True(post.Json!["isUsableOnce"]!.GetValue<bool>());
        Assert.Equal(Assert.Single(_graph.TemporaryAccessPasses[DanaId]).Pass, pass);
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(pass, StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task IssueTemporaryAccessPassAsync_RetryAfterEarlierPass_DeletesEarlierPassFirst()
    {
        var connector = Connector();
        var first = await connector.IssueTemporaryAccessPassAsync(DanaId, TimeSpan.FromHours(1), Key);

        var second = await connector.IssueTemporaryAccessPassAsync(DanaId, TimeSpan.FromHours(1), Key);

        Assert.NotEqual(first, second);
        Assert.Single(_graph.Requests, r => r.Method == "DELETE" && r.Path.StartsWith($"/users/{DanaId}/authentication/temporaryAccessPassMethods/", StringComparison.Ordinal));
        Assert.Equal(second, Assert.Single(_graph.TemporaryAccessPasses[DanaId]).Pass);
    }

    [Fact(Timeout = 30_000)]
    public async Task IssueTemporaryAccessPassAsync_LifetimeBelowGraphMinimum_ThrowsNonTransientWithoutCalling()
    {
        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() =>
            Connector().IssueTemporaryAccessPassAsync(DanaId, TimeSpan.FromMinutes(5), Key));

        Assert.False(error.IsTransient);
        Assert.Empty(_graph.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task RevokeSessionsAsync_ValidFromMoves_PostsRevokeReadsBackAndReturnsTrue()
    {
        var confirmed = await Connector().RevokeSessionsAsync(DanaId, Key);

        Assert.True(confirmed);
        Assert.Single(_graph.RequestsTo("POST", $"/users/{DanaId}/revokeSignInSessions"));
        var read = Assert.Single(_graph.RequestsTo("GET", $"/users/{DanaId}"));
        Assert.Contains("signInSessionsValidFromDateTime", read.QueryValue("$select"), StringComparison.Ordinal);
        Assert.True(_graph.Requests.ToList().FindIndex(r => r.Method == "POST") < _graph.Requests.ToList().FindIndex(r => r.Method == "GET"));
    }

    [Fact(Timeout = 30_000)]
    public async Task RevokeSessionsAsync_ValidFromDoesNotMove_ReturnsFalse()
    {
        _graph.RevocationMovesValidFrom = false;

        var confirmed = await Connector().RevokeSessionsAsync(DanaId, Key);

        Assert.False(confirmed);
    }

    [Fact(Timeout = 30_000)]
    public async Task RevokeSessionsAsync_Throttled_ThrowsTransientWithRetryAfterAndDoesNotRetryInside()
    {
        _graph.FailNext("POST", $"/users/{DanaId}/revokeSignInSessions", 1, 429, retryAfter: "7", code: "TooManyRequests", message: "Throttled.");

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => Connector().RevokeSessionsAsync(DanaId, Key));

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
        Assert.Single(_graph.Requests);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task RevokeSessionsAsync_GatewayUnavailable_ThrowsTransientWithRetryAfter(int status)
    {
        _graph.FailNext("POST", $"/users/{DanaId}/revokeSignInSessions", 1, status, retryAfter: "3");

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => Connector().RevokeSessionsAsync(DanaId, Key));

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.Contains("revoke sign-in sessions", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnlockAsync_AnyAccount_ThrowsNonTransientWithoutCalling()
    {
        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => Connector().UnlockAsync(DanaId, Key));

        Assert.False(error.IsTransient);
        Assert.Empty(_graph.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task RotateSecretAsync_AnyAccount_ThrowsNonTransientWithoutSecretOrCalling()
    {
        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => Connector().RotateSecretAsync(DanaId, Secret, Key));

        Assert.False(error.IsTransient);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public void Capabilities_Declared_OffersGraphOperationsButNotUnlockRotationOrPush()
    {
        var capabilities = Connector().Capabilities;

        Assert.True(capabilities.HasFlag(DirectoryCapabilities.SetTemporaryCredential | DirectoryCapabilities.ResetMfa
            | DirectoryCapabilities.IssueTemporaryAccessPass | DirectoryCapabilities.RevokeSessions | DirectoryCapabilities.ConfirmRevocation));
        Assert.False(capabilities.HasFlag(DirectoryCapabilities.Unlock));
        Assert.False(capabilities.HasFlag(DirectoryCapabilities.RotateSecret));
        Assert.False(capabilities.HasFlag(DirectoryCapabilities.SendPush));
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_KnownUser_MapsManagerGroupsRolesAuthenticatorsAndContacts()
    {
        var subject = await Connector(o => o.ReadContactHistory = false).FindAsync(DanaId);

        Assert.NotNull(subject);
        Assert.Equal(("dana.smith@contoso.test", "Dana Smith", "E1042", SubjectKind.Employee), (subject.Username, subject.DisplayName, subject.EmployeeId, subject.Kind));
        Assert.Equal(("Finance", "Payroll lead"), (subject.Department, subject.Title));
        Assert.Equal((ManagerId, "Morgan Lee"), (subject.ManagerId, subject.ManagerName));
        Assert.Equal(["All staff", "Payroll"], subject.Groups);
        Assert.Equal(["Global Administrator", "Helpdesk Administrator"], subject.AdminRoles);
        Assert.Equal([AuthenticatorKind.Push, AuthenticatorKind.Totp, AuthenticatorKind.SecurityKey], subject.Authenticators.Select(a => a.Kind));
        Assert.Equal("Dana's iPhone", subject.Authenticators[0].Label);
        Assert.Equal([(ContactKind.Email, "dana.smith@contoso.test"), (ContactKind.Phone, "+44 7700 900123")], subject.Contacts.Select(c => (c.Kind, c.Value)));
        Assert.False(subject.IsLocked);
        Assert.Equal("2026-01-05T08:00:00.0000000+00:00", subject.Attributes["signInSessionsValidFromDateTime"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_KnownUser_SendsExpandManagerSelectAndReadsTransitiveMemberships()
    {
        await Connector().FindAsync(DanaId);

        var user = Assert.Single(_graph.RequestsTo("GET", $"/users/{DanaId}"));
        Assert.StartsWith("manager", user.QueryValue("$expand"), StringComparison.Ordinal);
        Assert.Contains("signInSessionsValidFromDateTime", user.QueryValue("$select"), StringComparison.Ordinal);
        Assert.Single(_graph.RequestsTo("GET", $"/users/{DanaId}/transitiveMemberOf"));
        Assert.Single(_graph.RequestsTo("GET", $"/users/{DanaId}/authentication/methods"));
        Assert.Equal($"principalId eq '{DanaId}'", Assert.Single(_graph.RequestsTo("GET", "/roleManagement/directory/roleEligibilityScheduleInstances")).QueryValue("$filter"));
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_MobileChangedRecently_CarriesAuditTimeAndOlderChangesCountAsOutsideWindow()
    {
        var changedAt = DateTimeOffset.UtcNow.AddDays(-3);
        _graph.Users[DanaId].ContactChanges.Add(("Mobile", changedAt));

        var subject = await Connector().FindAsync(DanaId);

        var phone = subject!.Contacts.Single(c => c.Kind == ContactKind.Phone);
        var email = subject.Contacts.Single(c => c.Kind == ContactKind.Email);
        Assert.Equal(changedAt.ToUnixTimeSeconds(), phone.ChangedAt.ToUnixTimeSeconds());
        Assert.False(email.ChangedWithin(TimeSpan.FromDays(14), DateTimeOffset.UtcNow));
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_ContactHistoryOff_EveryContactCountsAsJustChanged()
    {
        var subject = await Connector(o => o.ReadContactHistory = false).FindAsync(DanaId);

        Assert.All(subject!.Contacts, c => Assert.True(c.ChangedWithin(TimeSpan.FromDays(14), DateTimeOffset.UtcNow)));
        Assert.Empty(_graph.RequestsTo("GET", "/auditLogs/directoryAudits"));
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_DisabledGuestWithEmployeeType_MapsKindAndLock()
    {
        _graph.Add(new FakeGraphUser { Id = "u-exec", UserPrincipalName = "ceo@contoso.test", DisplayName = "Casey Exec", EmployeeType = "Executive", AccountEnabled = false });
        _graph.Add(new FakeGraphUser { Id = "u-guest", UserPrincipalName = "pat_vendor.test#EXT#@contoso.test", DisplayName = "Pat Vendor", UserType = "Guest" });
        var connector = Connector();

        var executive = await connector.FindAsync("u-exec");
        var guest = await connector.FindAsync("u-guest");

        Assert.Equal((SubjectKind.Executive, true), (executive!.Kind, executive.IsLocked));
        Assert.Equal(SubjectKind.Contractor, guest!.Kind);
        Assert.Null(guest.ManagerId);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_UnknownUser_ReturnsNull()
    {
        var subject = await Connector().FindAsync("no-such-user");

        Assert.Null(subject);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_ThrottledOnceWithZeroRetryAfter_ReadIsRetriedInsideTheCall()
    {
        _graph.FailNext("GET", $"/users/{DanaId}", 1, 429, retryAfter: "0", code: "TooManyRequests", message: "Throttled.");

        var subject = await Connector(o => o.ReadRetries = 1).FindAsync(DanaId);

        Assert.NotNull(subject);
        Assert.Equal(2, _graph.RequestsTo("GET", $"/users/{DanaId}").Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_Forbidden_ThrowsNonTransient()
    {
        _graph.FailNext("GET", "/roleManagement/directory/roleEligibilityScheduleInstances", 1, 403, code: "Authorization_RequestDenied", message: "Insufficient privileges.");

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => Connector().FindAsync(DanaId));

        Assert.False(error.IsTransient);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindByUsernameAsync_Upn_FiltersByUserPrincipalNameThenReadsTheAccount()
    {
        var subject = await Connector().FindByUsernameAsync("Dana.Smith@contoso.test");

        Assert.Equal(DanaId, subject!.Id);
        Assert.Contains(_graph.RequestsTo("GET", "/users"), r => r.QueryValue("$filter") == "userPrincipalName eq 'Dana.Smith@contoso.test'");
    }

    [Fact(Timeout = 30_000)]
    public async Task SearchAsync_Text_SendsFilterWithEventualConsistencyAndMapsMaskedSummaries()
    {
        var page = await Connector().SearchAsync(new DirectorySearch("dan"));

        var request = Assert.Single(_graph.RequestsTo("GET", "/users"));
        Assert.Equal("eventual", request.Header("ConsistencyLevel"));
        Assert.Equal("true", request.QueryValue("$count"));
        Assert.Contains("startswith(displayName,'dan')", request.QueryValue("$filter"), StringComparison.Ordinal);
        Assert.Contains("employeeId eq 'dan'", request.QueryValue("$filter"), StringComparison.Ordinal);
        var row = Assert.Single(page.Items);
        Assert.Equal(1, page.TotalCount);
        Assert.Equal((DanaId, "Dana Smith", "E1042"), (row.Id, row.DisplayName, row.EmployeeId));
        Assert.Equal(["d•••••@contoso.test", "+44 •••• ••23"], row.MaskedContacts);
        Assert.DoesNotContain(row.MaskedContacts, c => c.Contains("900123", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task SearchAsync_TextWithQuote_EscapesTheODataLiteral()
    {
        await Connector().SearchAsync(new DirectorySearch("o'brien"));

        Assert.Contains("startswith(displayName,'o''brien')", Assert.Single(_graph.Requests).QueryValue("$filter"), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task SearchAsync_SecondPage_FollowsNextLink()
    {
        for (var i = 0; i < 5; i++)
        {
            _graph.Add(new FakeGraphUser { Id = $"u-{i}", UserPrincipalName = $"user{i}@contoso.test", DisplayName = $"User {i}" });
        }

        var page = await Connector().SearchAsync(new DirectorySearch("user", Page: 1, PageSize: 2));

        Assert.Equal(["User 2", "User 3"], page.Items.Select(i => i.DisplayName));
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(2, _graph.RequestsTo("GET", "/users").Count);
    }

    private static string ResetPasswordPath => $"/users/{DanaId}/authentication/methods/{FakeGraphServer.PasswordMethodId}/resetPassword";

    private GraphDirectoryConnector MethodsApiConnector(Action<GraphOptions>? configure = null) => Connector(o =>
    {
        o.PasswordReset = GraphPasswordReset.AuthenticationMethods;
        configure?.Invoke(o);
    });

    private GraphDirectoryConnector Connector(Action<GraphOptions>? configure = null)
    {
        var options = new GraphOptions
        {
            TenantId = "contoso.test",
            ClientId = Guid.NewGuid().ToString(),
            ClientSecret = "not-used-with-a-static-token",
            BaseUrl = _graph.BaseUrl,
            ReadRetries = 0,
            PasswordResetPollInterval = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        var client = GraphClients.Create(options, new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider()));
        return new GraphDirectoryConnector(client, Options.Create(options), TimeProvider.System, _logs.CreateLogger<GraphDirectoryConnector>());
    }

    private sealed class StaticTokenProvider : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult("fake-graph-token");
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> Lines => [.. _lines];

        public ILogger<T> CreateLogger<T>() => new Logger<T>(new LoggerFactory([this]));

        public ILogger CreateLogger(string categoryName) => new Capturing(_lines);

        public void Dispose()
        {
        }

        private sealed class Capturing(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + exception);
        }
    }
}
