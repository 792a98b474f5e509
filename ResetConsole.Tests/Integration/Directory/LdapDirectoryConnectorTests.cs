using System.Net;
using System.Text.Json;
using ResetConsole.Directory;
using ResetConsole.Domain.Subjects;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.DirectoryConnectors;

public sealed class LdapDirectoryConnectorTests(SlapdFixture slapd) : IClassFixture<SlapdFixture>
{
    private const string HookCommand = "Directory:Ldap:RevocationHook:Command";

    [Fact(Timeout = 30_000)]
    public async Task SearchAsync_ByName_ReturnsTheMatchWithGroupsAndMaskedContacts()
    {
        var connector = slapd.CreateConnector();

        var page = await connector.SearchAsync(new DirectorySearch("smith"));

        var dana = Assert.Single(page.Items);
        Assert.Equal(SlapdFixture.Person("dana"), dana.Id);
        Assert.Equal("Dana Smith", dana.DisplayName);
        Assert.Equal(["Finance Approvers", "Staff"], dana.Groups);
        Assert.Equal(["d•••••@example.test", "+44 •••• ••23", "+44 •••• ••58"], dana.MaskedContacts);
    }

    [Fact(Timeout = 30_000)]
    public async Task SearchAsync_ByUsername_FindsTheAccount()
    {
        var connector = slapd.CreateConnector();

        var page = await connector.SearchAsync(new DirectorySearch("build-bot"));

        var bot = Assert.Single(page.Items);
        Assert.Equal("build-bot", bot.Username);
        Assert.Equal(SubjectKind.Service, bot.Kind);
    }

    [Fact(Timeout = 30_000)]
    public async Task SearchAsync_ByEmployeeId_FindsTheAccount()
    {
        var connector = slapd.CreateConnector();

        var page = await connector.SearchAsync(new DirectorySearch("C2001"));

        Assert.Equal("casey", Assert.Single(page.Items).Username);
    }

    [Fact(Timeout = 30_000)]
    public async Task SearchAsync_SecondAndLastPages_SplitTheSortedResult()
    {
        var connector = slapd.CreateConnector();

        var second = await connector.SearchAsync(new DirectorySearch("Pager Person", Page: 1, PageSize: 3));
        var last = await connector.SearchAsync(new DirectorySearch("Pager Person", Page: 2, PageSize: 3));

        Assert.Equal(7, second.TotalCount);
        Assert.Equal(["pager04", "pager05", "pager06"], second.Items.Select(i => i.Username));
        Assert.Equal(["pager07"], last.Items.Select(i => i.Username));
    }

    [Fact(Timeout = 30_000)]
    public async Task SearchAsync_MoreMatchesThanTheLimit_CutsTheResult()
    {
        var connector = slapd.CreateConnector(s => s["Directory:Ldap:MaxSearchResults"] = "4");

        var page = await connector.SearchAsync(new DirectorySearch("Pager Person", PageSize: 10));

        Assert.Equal(4, page.TotalCount);
        Assert.Equal(4, page.Items.Count);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("*", "qbert")]
    [InlineData("Q*", "qbert")]
    [InlineData("dana)(uid=*", null)]
    [InlineData("*)(|(objectClass=*", null)]
    [InlineData("\\2a", null)]
    public async Task SearchAsync_FilterCharactersInText_MatchLiterally(string text, string? onlyMatch)
    {
        var connector = slapd.CreateConnector();

        var page = await connector.SearchAsync(new DirectorySearch(text));

        Assert.Equal(onlyMatch is null ? [] : [onlyMatch], page.Items.Select(i => i.Username));
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_Employee_MapsTheEntry()
    {
        var connector = slapd.CreateConnector();

        var subject = await connector.FindAsync(SlapdFixture.Person("dana"));

        Assert.NotNull(subject);
        Assert.Equal(("dana", "Dana Smith", "E1001", SubjectKind.Employee), (subject.Username, subject.DisplayName, subject.EmployeeId, subject.Kind));
        Assert.Equal(("Finance", "Analyst"), (subject.Department, subject.Title));
        Assert.Equal((SlapdFixture.Person("alex"), "Alex Morgan"), (subject.ManagerId, subject.ManagerName));
        Assert.Equal(["Finance Approvers", "Staff"], subject.Groups);
        Assert.False(subject.IsLocked);
        Assert.Equal(
            [(ContactKind.Email, "dana.smith@example.test"), (ContactKind.Phone, "+44 7700 900123"), (ContactKind.Phone, "+44 20 7946 0958")],
            subject.Contacts.Select(c => (c.Kind, c.Value)));
        var modified = DateTimeOffset.ParseExact(slapd.Read(SlapdFixture.Person("dana"), "modifyTimestamp")[0], "yyyyMMddHHmmss'Z'",
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        Assert.All(subject.Contacts, c => Assert.Equal(modified, c.ChangedAt));
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_ReadTwice_KeepsContactIds()
    {
        var connector = slapd.CreateConnector();

        var first = await connector.FindAsync(SlapdFixture.Person("dana"));
        var second = await connector.FindAsync(SlapdFixture.Person("dana"));

        Assert.Equal(first!.Contacts.Select(c => c.Id), second!.Contacts.Select(c => c.Id));
        Assert.Equal(3, first.Contacts.Select(c => c.Id).Distinct().Count());
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_GroupsFromMemberOf_MatchTheGroupSearch()
    {
        var connector = slapd.CreateConnector(s => s.Remove("Directory:Ldap:GroupSearchBase"));

        var subject = await connector.FindAsync(SlapdFixture.Person("dana"));

        Assert.Equal(["Finance Approvers", "Staff"], subject!.Groups);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_PwdAccountLockedTime_IsLocked()
    {
        var connector = slapd.CreateConnector();

        var subject = await connector.FindAsync(SlapdFixture.Person("kim"));

        Assert.True(subject!.IsLocked);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_KindAttribute_SetsTheKind()
    {
        var connector = slapd.CreateConnector();

        var subject = await connector.FindAsync(SlapdFixture.Person("casey"));

        Assert.Equal(SubjectKind.Contractor, subject!.Kind);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindAsync_ConfiguredKindGroup_SetsTheKind()
    {
        var connector = slapd.CreateConnector();

        var subject = await connector.FindAsync(SlapdFixture.Person("build-bot"));

        Assert.Equal(SubjectKind.Service, subject!.Kind);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(SlapdFixture.ServiceDn)]
    [InlineData("uid=nobody,ou=people,dc=example,dc=test")]
    [InlineData("not a dn")]
    public async Task FindAsync_NotAnAccountUnderTheBase_ReturnsNull(string subjectId)
    {
        var connector = slapd.CreateConnector();

        var subject = await connector.FindAsync(subjectId);

        Assert.Null(subject);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindByUsernameAsync_OtherCase_FindsTheAccount()
    {
        var connector = slapd.CreateConnector();

        var subject = await connector.FindByUsernameAsync("DANA");

        Assert.Equal(SlapdFixture.Person("dana"), subject?.Id);
    }

    [Fact(Timeout = 30_000)]
    public async Task FindByUsernameAsync_Wildcard_FindsNothing()
    {
        var connector = slapd.CreateConnector();

        var subject = await connector.FindByUsernameAsync("*");

        Assert.Null(subject);
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_RequireChange_NewPasswordBindsOldFailsAndPwdResetIsTrue()
    {
        var connector = slapd.CreateConnector();
        var robin = SlapdFixture.Person("robin");

        await connector.SetTemporaryCredentialAsync(robin, "Temp-Robin-7731", requireChangeAtNextSignIn: true, "key-robin-1");

        Assert.True(slapd.CanBind(robin, "Temp-Robin-7731"));
        Assert.False(slapd.CanBind(robin, SlapdFixture.PasswordOf("robin")));
        Assert.Equal(["TRUE"], slapd.Read(robin, "pwdReset"));
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_NoChangeRequired_ClearsPwdReset()
    {
        var connector = slapd.CreateConnector();
        var sam = SlapdFixture.Person("sam");

        await connector.SetTemporaryCredentialAsync(sam, "Temp-Sam-5519", requireChangeAtNextSignIn: false, "key-sam-1");

        Assert.Empty(slapd.Read(sam, "pwdReset"));
        Assert.True(slapd.CanBind(sam, "Temp-Sam-5519"));
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_AnyOutcome_NeverLogsTheSecret()
    {
        var logs = new CapturedLogs();
        var connector = slapd.CreateConnector(logs: logs);
        var jo = SlapdFixture.Person("jo");

        await connector.SetTemporaryCredentialAsync(jo, "Temp-Jo-Quiet-3310", requireChangeAtNextSignIn: true, "key-jo-1");
        await Assert.ThrowsAsync<DirectoryOperationException>(() => connector.SetTemporaryCredentialAsync(jo, "sh0rt", true, "key-jo-2"));

        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("Temp-Jo-Quiet-3310", StringComparison.Ordinal) || l.Contains("sh0rt", StringComparison.Ordinal));
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_PasswordPolicyRefuses_ThrowsNotTransientWithoutThePassword()
    {
        var connector = slapd.CreateConnector();
        var pat = SlapdFixture.Person("pat");

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => connector.SetTemporaryCredentialAsync(pat, "abc", true, "key-pat-1"));

        Assert.False(error.IsTransient);
        Assert.Contains("Setting the temporary credential", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc", error.ToString(), StringComparison.Ordinal);
        Assert.True(slapd.CanBind(pat, SlapdFixture.PasswordOf("pat")));
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_ServiceAccount_IsRefused()
    {
        var connector = slapd.CreateConnector(s => s["Directory:Ldap:BaseDn"] = SlapdFixture.BaseDn);

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(
            () => connector.SetTemporaryCredentialAsync(SlapdFixture.ServiceDn, "Temp-Svc-0001", false, "key-svc-1"));

        Assert.False(error.IsTransient);
        Assert.True(slapd.CanBind(SlapdFixture.ServiceDn, SlapdFixture.ServicePassword));
    }

    [Fact(Timeout = 30_000)]
    public async Task UnlockAsync_LockedAccount_RemovesTheLockSoTheUserCanBind()
    {
        var connector = slapd.CreateConnector();
        var lee = SlapdFixture.Person("lee");
        Assert.False(slapd.CanBind(lee, SlapdFixture.PasswordOf("lee")));

        await connector.UnlockAsync(lee, "key-lee-1");

        Assert.Empty(slapd.Read(lee, "pwdAccountLockedTime"));
        Assert.True(slapd.CanBind(lee, SlapdFixture.PasswordOf("lee")));
        Assert.False((await connector.FindAsync(lee))!.IsLocked);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnlockAsync_AccountNotLocked_Succeeds()
    {
        var connector = slapd.CreateConnector();

        await connector.UnlockAsync(SlapdFixture.Person("alex"), "key-alex-1");

        Assert.Empty(slapd.Read(SlapdFixture.Person("alex"), "pwdAccountLockedTime"));
    }

    [Fact(Timeout = 30_000)]
    public async Task RevokeSessionsAsync_CommandHook_RunsWithTheUsernameAndCannotConfirm()
    {
        var connector = slapd.CreateConnector();

        var confirmed = await connector.RevokeSessionsAsync(SlapdFixture.Person("rev"), "key-rev-1");

        Assert.False(confirmed);
        Assert.Contains("revoke rev key-rev-1", await File.ReadAllLinesAsync(slapd.RevocationLog));
    }

    [Fact(Timeout = 30_000)]
    public async Task RevokeSessionsAsync_HookFails_ThrowsTransient()
    {
        var failing = slapd.WriteScript("fail.sh", "#!/bin/sh\nexit 3\n");
        var connector = slapd.CreateConnector(s => s[HookCommand] = failing);

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => connector.RevokeSessionsAsync(SlapdFixture.Person("rev"), "key-rev-2"));

        Assert.True(error.IsTransient);
        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task RevokeSessionsAsync_HookMissing_ThrowsTransient()
    {
        var connector = slapd.CreateConnector(s => s[HookCommand] = Path.Combine(slapd.TempPath, "no-such-hook"));

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => connector.RevokeSessionsAsync(SlapdFixture.Person("rev"), "key-rev-3"));

        Assert.True(error.IsTransient);
    }

    [Fact(Timeout = 30_000)]
    public async Task RevokeSessionsAsync_Webhook_PostsSubjectUsernameAndKey()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}/revoke/";
        using var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        var connector = slapd.CreateConnector(s =>
        {
            s.Remove(HookCommand);
            s["Directory:Ldap:RevocationHook:Url"] = url;
        });

        var call = connector.RevokeSessionsAsync(SlapdFixture.Person("rev"), "key-rev-4");
        var context = await listener.GetContextAsync();
        using var body = JsonDocument.Parse(context.Request.InputStream);
        context.Response.StatusCode = 204;
        context.Response.Close();
        var confirmed = await call;

        Assert.False(confirmed);
        Assert.Equal("POST", context.Request.HttpMethod);
        Assert.Equal("key-rev-4", context.Request.Headers["Idempotency-Key"]);
        Assert.Equal(
            (SlapdFixture.Person("rev"), "rev", "key-rev-4"),
            (body.RootElement.GetProperty("subjectId").GetString(), body.RootElement.GetProperty("username").GetString(), body.RootElement.GetProperty("idempotencyKey").GetString()));
    }

    [Fact(Timeout = 30_000)]
    public async Task RevokeSessionsAsync_WebhookAnswers503_ThrowsTransient()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}/revoke/";
        using var listener = new HttpListener();
        listener.Prefixes.Add(url);
        listener.Start();
        var connector = slapd.CreateConnector(s =>
        {
            s.Remove(HookCommand);
            s["Directory:Ldap:RevocationHook:Url"] = url;
        });

        var call = connector.RevokeSessionsAsync(SlapdFixture.Person("rev"), "key-rev-5");
        var context = await listener.GetContextAsync();
        context.Response.StatusCode = 503;
        context.Response.Headers["Retry-After"] = "7";
        context.Response.Close();
        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => call);

        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("mfa")]
    [InlineData("tap")]
    [InlineData("rotate")]
    public async Task UnsupportedOperation_OnLdap_ThrowsNotTransient(string operation)
    {
        var connector = slapd.CreateConnector();
        var dana = SlapdFixture.Person("dana");
        Func<Task> call = operation switch
        {
            "mfa" => () => connector.ResetMfaAsync(dana, "key-u-1"),
            "tap" => () => connector.IssueTemporaryAccessPassAsync(dana, TimeSpan.FromHours(1), "key-u-2"),
            _ => () => connector.RotateSecretAsync(dana, "Some-Secret-1", "key-u-3"),
        };

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(call);

        Assert.False(error.IsTransient);
        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Capabilities_OpenLdapWithHook_AreCredentialUnlockAndRevocationOnly()
    {
        var connector = slapd.CreateConnector();

        var capabilities = connector.Capabilities;

        Assert.Equal(
            DirectoryCapabilities.SetTemporaryCredential | DirectoryCapabilities.RequireChangeAtNextSignIn | DirectoryCapabilities.Unlock | DirectoryCapabilities.RevokeSessions,
            capabilities);
    }

    [Fact(Timeout = 30_000)]
    public async Task SearchAsync_WrongServicePassword_ThrowsNotTransientWithoutThePassword()
    {
        var connector = slapd.CreateConnector(s => s["Directory:Ldap:BindPassword"] = "Wrong-Service-Pass-9");

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => connector.SearchAsync(new DirectorySearch("dana")));

        Assert.False(error.IsTransient);
        Assert.Contains("credentials", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-Service-Pass-9", error.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task SearchAsync_ServerNotRunning_ThrowsTransient()
    {
        var stoppedPort = FreePort.Next();
        var connector = slapd.CreateConnector(s => s["Directory:Ldap:Port"] = stoppedPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(() => connector.SearchAsync(new DirectorySearch("dana")));

        Assert.True(error.IsTransient);
    }

    [Fact(Timeout = 30_000)]
    public async Task SetTemporaryCredentialAsync_ServerNotRunning_ThrowsTransient()
    {
        var stoppedPort = FreePort.Next();
        var connector = slapd.CreateConnector(s => s["Directory:Ldap:Port"] = stoppedPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var error = await Assert.ThrowsAsync<DirectoryOperationException>(
            () => connector.SetTemporaryCredentialAsync(SlapdFixture.Person("robin"), "Temp-Robin-0000", true, "key-down-1"));

        Assert.True(error.IsTransient);
    }
}
