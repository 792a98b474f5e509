using System.DirectoryServices.Protocols;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResetConsole.Directory.Ldap;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.DirectoryConnectors;

/// <summary>
/// A throwaway OpenLDAP server: its own slapd.conf, mdb database and free port under a temp folder, so it neither
/// needs nor disturbs a system slapd that Debian's package may have started on port 389. Runs as the current user
/// (root here, which slapd accepts without -u/-g). Loaded with test accounts, stopped by its pid file.
/// </summary>
public sealed class SlapdFixture : IAsyncLifetime
{
    public const string BaseDn = "dc=example,dc=test";
    public const string PeopleDn = "ou=people," + BaseDn;
    public const string GroupsDn = "ou=groups," + BaseDn;
    public const string ServiceDn = "uid=svc-reset,ou=services," + BaseDn;
    public const string ServicePassword = "Svc-Reset-Pass-4411";

    private const string Slapd = "/usr/sbin/slapd";
    private const string Slaptest = "/usr/sbin/slaptest";
    private const string LdapAdd = "/usr/bin/ldapadd";
    private const string RootDn = "cn=admin," + BaseDn;
    private const string RootPassword = "Root-Pass-8723";

    private readonly TempFolder _folder = new();
    private readonly List<ServiceProvider> _providers = [];

    public int Port { get; } = FreePort.Next();

    /// <summary>Where the default revocation hook appends "revoke USERNAME KEY" per call.</summary>
    public string RevocationLog => _folder.File("revocations.log");

    public string TempPath => _folder.Path;

    public static string Person(string uid) => $"uid={uid},{PeopleDn}";

    public static string PasswordOf(string uid) => $"Old-{uid}-Pass-1";

    public async Task InitializeAsync()
    {
        if (!File.Exists(Slapd) || !File.Exists(LdapAdd))
        {
            throw new InvalidOperationException(
                $"{Slapd} or {LdapAdd} is missing: the LDAP tests need a real OpenLDAP. Run ./test.sh, which installs slapd and ldap-utils.");
        }

        System.IO.Directory.CreateDirectory(_folder.File("db"));
        await File.WriteAllTextAsync(_folder.File("slapd.conf"), SlapdConf());
        await File.WriteAllTextAsync(_folder.File("accounts.ldif"), SlapdAccounts.Ldif());
        WriteScript("revoke.sh", $"#!/bin/sh\necho \"$* $RESET_IDEMPOTENCY_KEY\" >> '{RevocationLog}'\n");

        await RunAsync(Slaptest, "-f", _folder.File("slapd.conf"), "-u");
        await RunAsync(Slapd, "-f", _folder.File("slapd.conf"), "-h", $"ldap://127.0.0.1:{Port}/");
        await WaitForBindAsync();
        await RunAsync(LdapAdd, "-x", "-H", $"ldap://127.0.0.1:{Port}/", "-D", RootDn, "-w", RootPassword, "-f", _folder.File("accounts.ldif"));
    }

    /// <summary>A connector as the app registers it, from settings pointing here; <paramref name="change"/> adjusts them.</summary>
    public LdapDirectoryConnector CreateConnector(Action<Dictionary<string, string?>>? change = null, ILoggerProvider? logs = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Directory:Ldap:Host"] = "127.0.0.1",
            ["Directory:Ldap:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Directory:Ldap:AllowUnencrypted"] = "true",
            ["Directory:Ldap:BindDn"] = ServiceDn,
            ["Directory:Ldap:BindPassword"] = ServicePassword,
            ["Directory:Ldap:BaseDn"] = PeopleDn,
            ["Directory:Ldap:GroupSearchBase"] = GroupsDn,
            ["Directory:Ldap:KindByGroup:Service Accounts"] = "Service",
            ["Directory:Ldap:ConnectTimeout"] = "00:00:05",
            ["Directory:Ldap:OperationTimeout"] = "00:00:10",
            ["Directory:Ldap:RevocationHook:Command"] = _folder.File("revoke.sh"),
            ["Directory:Ldap:RevocationHook:Arguments:0"] = "revoke",
            ["Directory:Ldap:RevocationHook:Timeout"] = "00:00:10",
        };
        change?.Invoke(settings);
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging(b =>
            {
                if (logs is not null)
                {
                    b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
                }
            });
        services.AddLdapDirectory();
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider.GetRequiredService<LdapDirectoryConnector>();
    }

    /// <summary>Writes an executable shell script into the fixture's folder and returns its path.</summary>
    public string WriteScript(string name, string body)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The LDAP tests run slapd and shell scripts, which need Linux.");
        }

        var path = _folder.File(name);
        File.WriteAllText(path, body);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>A simple bind as <paramref name="dn"/>: the proof that a password is (or is not) the one in force.</summary>
    public bool CanBind(string dn, string password)
    {
        try
        {
            using var connection = Connect(dn, password);
            return true;
        }
        catch (LdapException e) when (e.ErrorCode == 49)
        {
            return false;
        }
    }

    /// <summary>Reads attribute values as the root DN, operational ones included.</summary>
    public IReadOnlyList<string> Read(string dn, string attribute)
    {
        using var connection = Connect(RootDn, RootPassword);
        var response = (SearchResponse)connection.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, attribute));
        var entry = response.Entries[0];
        return entry.Attributes.Contains(attribute) ? [.. entry.Attributes[attribute].GetValues(typeof(string)).Cast<string>()] : [];
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await StopAsync();
        _folder.Dispose();
    }

    private LdapConnection Connect(string dn, string password)
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier("127.0.0.1", Port), new NetworkCredential(dn, password), AuthType.Basic)
        {
            AutoBind = false,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        try
        {
            connection.Bind();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // The one wait in these tests: slapd detaches before it accepts connections, so poll a bind for a bounded time.
    private async Task WaitForBindAsync()
    {
        LdapException? last = null;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var connection = Connect(RootDn, RootPassword);
                return;
            }
            catch (LdapException e)
            {
                last = e;
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"slapd on port {Port} did not accept a bind within 10 seconds.", last);
    }

    private async Task StopAsync()
    {
        if (!File.Exists(_folder.File("slapd.pid")) || !int.TryParse(await File.ReadAllTextAsync(_folder.File("slapd.pid")), out var pid))
        {
            return;
        }

        await RunAsync("/bin/kill", "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var attempt = 0; attempt < 50 && IsRunning(pid); attempt++)
        {
            await Task.Delay(100);
        }

        if (IsRunning(pid))
        {
            await RunAsync("/bin/kill", "-KILL", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // A detached slapd is reparented; where nothing reaps it, it lingers as a zombie, which counts as stopped.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var (exitCode, output) = await ExternalProgram.RunAsync(program, TimeSpan.FromSeconds(20), arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {exitCode}: {output}");
        }
    }

    private string SlapdConf() => $"""
        include /etc/ldap/schema/core.schema
        include /etc/ldap/schema/cosine.schema
        include /etc/ldap/schema/inetorgperson.schema
        modulepath /usr/lib/ldap
        moduleload back_mdb
        moduleload ppolicy
        moduleload memberof
        pidfile {_folder.File("slapd.pid")}
        argsfile {_folder.File("slapd.args")}

        database mdb
        maxsize 33554432
        suffix "{BaseDn}"
        rootdn "{RootDn}"
        rootpw {RootPassword}
        directory {_folder.File("db")}

        overlay memberof
        overlay ppolicy
        ppolicy_default "cn=default,ou=policies,{BaseDn}"
        ppolicy_hash_cleartext
        ppolicy_use_lockout

        access to attrs=userPassword
          by dn.exact="{ServiceDn}" write
          by self write
          by anonymous auth
          by * none
        access to *
          by dn.exact="{ServiceDn}" write
          by * read
        """;
}
