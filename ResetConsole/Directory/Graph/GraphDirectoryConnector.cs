using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Graph;

/// <summary>
/// Microsoft Entra ID through Microsoft Graph, app-only. Reads users with their manager, transitive groups and
/// roles (active and PIM-eligible), authentication methods and when contacts changed; writes through the
/// authentication-methods API. Unlock and secret rotation are not offered: see the README.
/// </summary>
public sealed partial class GraphDirectoryConnector(
    GraphServiceClient graph, IOptions<GraphOptions> options, TimeProvider time, ILogger<GraphDirectoryConnector> logger)
    : IDirectoryConnector, IDirectoryWriter
{
    private const string Eventual = "eventual";
    private readonly GraphOptions _options = options.Value;

    public string Name => "Microsoft Entra ID";

    public async Task<DirectoryPage> SearchAsync(DirectorySearch search, CancellationToken ct = default)
    {
        try
        {
            var page = await graph.Users.GetAsync(rc =>
            {
                rc.QueryParameters.Select = GraphSubjectMapper.UserFields;
                rc.QueryParameters.Count = true;
                rc.QueryParameters.Top = search.Take;
                rc.QueryParameters.Orderby = ["displayName"];
                if (!string.IsNullOrWhiteSpace(search.Text))
                {
                    var text = Quote(search.Text.Trim());
                    rc.QueryParameters.Filter =
                        $"startswith(displayName,'{text}') or startswith(userPrincipalName,'{text}') or startswith(mail,'{text}') or employeeId eq '{text}'";
                }

                rc.Headers.Add("ConsistencyLevel", Eventual);
                Read(rc);
            }, ct);

            // Graph has no $skip for users: a later page is reached by following nextLink.
            for (var i = 0; i < Math.Max(0, search.Page) && page?.OdataNextLink is { } next; i++)
            {
                page = await graph.Users.WithUrl(next).GetAsync(rc => { rc.Headers.Add("ConsistencyLevel", Eventual); Read(rc); }, ct);
            }

            var items = (page?.Value ?? []).Select(u => GraphSubjectMapper.ToSummary(u, _options)).ToList();
            return new DirectoryPage(items, (int)(page?.OdataCount ?? items.Count));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw GraphErrors.Translate(ex, "search accounts", null, time);
        }
    }

    public async Task<Subject?> FindByUsernameAsync(string username, CancellationToken ct = default)
    {
        try
        {
            var found = await graph.Users.GetAsync(rc =>
            {
                rc.QueryParameters.Filter = $"userPrincipalName eq '{Quote(username.Trim())}'";
                rc.QueryParameters.Select = ["id"];
                Read(rc);
            }, ct);
            var id = found?.Value?.FirstOrDefault()?.Id;
            return id is null ? null : await FindAsync(id, ct);
        }
        catch (Exception ex) when (ex is not DirectoryOperationException && (ex is not OperationCanceledException || !ct.IsCancellationRequested))
        {
            throw GraphErrors.Translate(ex, "find an account by username", null, time);
        }
    }

    public async Task<Subject?> FindAsync(string subjectId, CancellationToken ct = default)
    {
        User? user;
        try
        {
            user = await graph.Users[subjectId].GetAsync(rc =>
            {
                rc.QueryParameters.Select = GraphSubjectMapper.UserFields;
                rc.QueryParameters.Expand = ["manager($select=id,displayName)"];
                Read(rc);
            }, ct);
        }
        catch (Exception ex) when (GraphErrors.IsNotFound(ex))
        {
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw GraphErrors.Translate(ex, "read the account", subjectId, time);
        }

        if (user?.Id is null)
        {
            return null;
        }

        try
        {
            var memberships = MembershipsAsync(subjectId, ct);
            var eligible = EligibleRolesAsync(subjectId, ct);
            var methods = MethodsAsync(subjectId, ct);
            var changes = ContactChangesAsync(subjectId, ct);
            await Task.WhenAll(memberships, eligible, methods, changes);
            var account = new GraphAccount(user, memberships.Result, eligible.Result, methods.Result, changes.Result);
            return GraphSubjectMapper.ToSubject(account, _options, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw GraphErrors.Translate(ex, "read the account's groups, roles and methods", subjectId, time);
        }
    }

    private async Task<IReadOnlyList<DirectoryObject>> MembershipsAsync(string subjectId, CancellationToken ct)
    {
        // Transitive: a privileged group nested in another still makes the account privileged.
        var all = new List<DirectoryObject>();
        var page = await graph.Users[subjectId].TransitiveMemberOf.GetAsync(rc =>
        {
            rc.QueryParameters.Select = ["id", "displayName"];
            rc.QueryParameters.Top = 999;
            Read(rc);
        }, ct);
        while (page is not null)
        {
            all.AddRange(page.Value ?? []);
            page = page.OdataNextLink is { } next ? await graph.Users[subjectId].TransitiveMemberOf.WithUrl(next).GetAsync(Read, ct) : null;
        }

        return all;
    }

    private async Task<IReadOnlyList<string>> EligibleRolesAsync(string subjectId, CancellationToken ct)
    {
        if (!_options.ReadEligibleRoles)
        {
            return [];
        }

        var page = await graph.RoleManagement.Directory.RoleEligibilityScheduleInstances.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = $"principalId eq '{Quote(subjectId)}'";
            rc.QueryParameters.Expand = ["roleDefinition($select=displayName)"];
            Read(rc);
        }, ct);
        return (page?.Value ?? []).Select(e => e.RoleDefinition?.DisplayName).OfType<string>().ToList();
    }

    private async Task<IReadOnlyList<AuthenticationMethod>> MethodsAsync(string subjectId, CancellationToken ct)
    {
        var page = await graph.Users[subjectId].Authentication.Methods.GetAsync(Read, ct);
        return page?.Value ?? [];
    }

    private async Task<IReadOnlyDictionary<ContactKind, DateTimeOffset>> ContactChangesAsync(string subjectId, CancellationToken ct)
    {
        var changes = new Dictionary<ContactKind, DateTimeOffset>();
        if (!_options.ReadContactHistory)
        {
            return changes;
        }

        var since = time.GetUtcNow() - _options.ContactHistoryWindow;
        var page = await graph.AuditLogs.DirectoryAudits.GetAsync(rc =>
        {
            rc.QueryParameters.Filter = $"activityDisplayName eq 'Update user' and targetResources/any(t:t/id eq '{Quote(subjectId)}') " +
                $"and activityDateTime ge {since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
            Read(rc);
        }, ct);
        foreach (var audit in page?.Value ?? [])
        {
            var at = audit.ActivityDateTime ?? since;
            foreach (var kind in GraphContactAudit.ChangedContacts(audit, subjectId))
            {
                changes[kind] = changes.TryGetValue(kind, out var seen) && seen > at ? seen : at;
            }
        }

        return changes;
    }

    // Reads may retry throttling inside the call (Retry-After honoured); writes never do, see GraphClients.
    private void Read<T>(RequestConfiguration<T> rc) where T : class, new() =>
        rc.Options.Add(new RetryHandlerOption { MaxRetry = _options.ReadRetries });

    // OData string literals escape a quote by doubling it.
    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
