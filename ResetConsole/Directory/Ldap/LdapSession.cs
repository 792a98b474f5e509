using System.DirectoryServices.Protocols;
using System.Net;
using ProtocolOperationException = System.DirectoryServices.Protocols.DirectoryOperationException;

namespace ResetConsole.Directory.Ldap;

/// <summary>
/// One bound connection for one console operation. A connection per operation costs a bind, but helpdesk traffic is
/// a few operations a minute and it means a restarted or failed-over server never leaves a dead connection behind.
/// </summary>
internal sealed class LdapSession : IDisposable
{
    private const int PageSize = 200;

    private readonly LdapConnection _connection;
    private readonly TimeSpan _timeout;

    private LdapSession(LdapConnection connection, TimeSpan timeout)
    {
        _connection = connection;
        _timeout = timeout;
    }

    public static LdapSession Open(LdapOptions options)
    {
        var identifier = new LdapDirectoryIdentifier(options.Host, options.EffectivePort, fullyQualifiedDnsHostName: true, connectionless: false);
        var connection = new LdapConnection(identifier, new NetworkCredential(options.BindDn, options.BindPassword), AuthType.Basic)
        {
            AutoBind = false,
            Timeout = options.ConnectTimeout,
        };
        try
        {
            connection.SessionOptions.ProtocolVersion = 3;
            connection.SessionOptions.SecureSocketLayer = options.UseLdaps;

            // Referrals would send the service account's bind to a server nobody configured.
            connection.SessionOptions.ReferralChasing = ReferralChasingOptions.None;
            connection.Bind();
            return new LdapSession(connection, options.OperationTimeout);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Entries matching the filter, read page by page (RFC 2696) and stopped after <paramref name="limit"/>.</summary>
    public List<SearchResultEntry> Search(string baseDn, string filter, string[] attributes, int limit, CancellationToken ct)
    {
        var request = new SearchRequest(baseDn, filter, SearchScope.Subtree, attributes) { TimeLimit = _timeout };
        var paging = new PageResultRequestControl(Math.Min(PageSize, limit + 1));
        request.Controls.Add(paging);
        var entries = new List<SearchResultEntry>();
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var response = (SearchResponse)_connection.SendRequest(request, _timeout);
            entries.AddRange(response.Entries.Cast<SearchResultEntry>());
            var cookie = response.Controls.OfType<PageResultResponseControl>().FirstOrDefault()?.Cookie;
            if (entries.Count > limit || cookie is not { Length: > 0 })
            {
                return entries;
            }

            paging.Cookie = cookie;
        }
    }

    /// <summary>The entry at exactly this DN when it matches the filter; null when there is none.</summary>
    public SearchResultEntry? Read(string dn, string filter, string[] attributes)
    {
        var request = new SearchRequest(dn, filter, SearchScope.Base, attributes) { TimeLimit = _timeout, SizeLimit = 1 };
        try
        {
            var response = (SearchResponse)_connection.SendRequest(request, _timeout);
            return response.Entries.Count == 0 ? null : response.Entries[0];
        }
        catch (ProtocolOperationException e) when (e.Response?.ResultCode is ResultCode.NoSuchObject or ResultCode.InvalidDNSyntax)
        {
            return null;
        }
    }

    public void Modify(string dn, params DirectoryAttributeModification[] modifications)
    {
        var request = new ModifyRequest(dn, modifications);
        _connection.SendRequest(request, _timeout);
    }

    public void Dispose() => _connection.Dispose();
}
