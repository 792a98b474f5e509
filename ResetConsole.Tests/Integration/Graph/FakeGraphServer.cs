using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResetConsole.Tests.Integration.Graph;

/// <summary>
/// Microsoft Graph v1.0 as far as the connector uses it, on Kestrel at 127.0.0.1 with a port the OS picks. Records
/// every request, answers from a small in-memory tenant with Graph's shapes (@odata.type, @odata.count, nextLink,
/// 202 + Location for a password reset, OData error bodies) and can be told to fail the next calls to a path.
/// </summary>
public sealed class FakeGraphServer : IAsyncDisposable
{
    public const string PasswordMethodId = "28c10230-6103-485e-b985-444c60001490";
    private const string Version = "/v1.0";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeGraphRequest> _requests = new();
    private readonly List<Fault> _faults = [];
    private readonly ConcurrentDictionary<string, Queue<string>> _operations = new();
    private readonly object _gate = new();

    private FakeGraphServer(WebApplication app) => _app = app;

    /// <summary>The version root to give the connector as its BaseUrl, e.g. http://127.0.0.1:41234/v1.0.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public Dictionary<string, FakeGraphUser> Users { get; } = [];

    public IReadOnlyList<FakeGraphRequest> Requests => [.. _requests];

    /// <summary>Whether revokeSignInSessions moves signInSessionsValidFromDateTime to now, as Graph does.</summary>
    public bool RevocationMovesValidFrom { get; set; } = true;

    /// <summary>Answer resetPassword with 202 and a Location to poll (Graph's documented behaviour) or with 200.</summary>
    public bool PasswordResetIsAsynchronous { get; set; } = true;

    /// <summary>The states successive polls of a password-reset operation report; the last one repeats.</summary>
    public List<string> PasswordResetStates { get; set; } = ["succeeded"];

    /// <summary>When set, the Location answered for a password reset (to test where the connector follows it).</summary>
    public string? PasswordResetLocation { get; set; }

    /// <summary>Temporary access passes issued, by user id.</summary>
    public ConcurrentDictionary<string, List<(string Id, int LifetimeInMinutes, bool IsUsableOnce, string Pass)>> TemporaryAccessPasses { get; } = new();

    public static async Task<FakeGraphServer> StartAsync()
    {
        // No configuration sources: the app's appsettings.json sits in the test output and must not configure this host.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "FakeGraph" });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeGraphServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + Version;
        return server;
    }

    public FakeGraphUser Add(FakeGraphUser user)
    {
        Users[user.Id] = user;
        return user;
    }

    /// <summary>The next <paramref name="times"/> calls with this method to this path (relative to /v1.0) fail.</summary>
    public void FailNext(string method, string path, int times, int status, string? retryAfter = null, string? code = null, string? message = null)
    {
        lock (_gate)
        {
            _faults.Add(new Fault(method, path, times, status, retryAfter, code, message));
        }
    }

    public IReadOnlyList<FakeGraphRequest> RequestsTo(string method, string path) =>
        Requests.Where(r => r.Method == method && string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordAsync(context.Request);
        if (TakeFault(request) is { } fault)
        {
            if (fault.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = fault.RetryAfter;
            }

            await ErrorAsync(context.Response, fault.Status, fault.Code, fault.Message);
            return;
        }

        var segments = request.Path.Trim('/').Split('/');
        await (segments switch
        {
            ["users"] when request.Method == "GET" => ListUsersAsync(context, request),
            ["users", var id] when request.Method == "GET" => WithUserAsync(context, id, u => JsonAsync(context.Response, 200, UserJson(u, request))),
            ["users", var id] when request.Method == "PATCH" => WithUserAsync(context, id, u => PatchUserAsync(context, u, request)),
            ["users", var id, "transitiveMemberOf"] => WithUserAsync(context, id, u => JsonAsync(context.Response, 200, Collection(Memberships(u)))),
            ["users", var id, "revokeSignInSessions"] when request.Method == "POST" => WithUserAsync(context, id, u => RevokeAsync(context, u)),
            ["users", var id, "authentication", "methods"] => WithUserAsync(context, id, u => JsonAsync(context.Response, 200, Collection(MethodsJson(u)))),
            ["users", var id, "authentication", "methods", PasswordMethodId, "resetPassword"] when request.Method == "POST" =>
                WithUserAsync(context, id, u => ResetPasswordAsync(context, u, request)),
            ["users", var id, "authentication", "operations", var operationId] => WithUserAsync(context, id, _ => OperationAsync(context, operationId)),
            ["users", var id, "authentication", "temporaryAccessPassMethods"] when request.Method == "GET" =>
                WithUserAsync(context, id, u => JsonAsync(context.Response, 200, Collection(PassesJson(u)))),
            ["users", var id, "authentication", "temporaryAccessPassMethods"] when request.Method == "POST" =>
                WithUserAsync(context, id, u => CreatePassAsync(context, u, request)),
            ["users", var id, "authentication", "temporaryAccessPassMethods", var passId] when request.Method == "DELETE" =>
                WithUserAsync(context, id, u => DeletePassAsync(context, u, passId)),
            ["users", var id, "authentication", var collection, var methodId] when request.Method == "DELETE" =>
                WithUserAsync(context, id, u => DeleteMethodAsync(context, u, collection, methodId)),
            ["roleManagement", "directory", "roleEligibilityScheduleInstances"] => JsonAsync(context.Response, 200, Collection(EligibilityJson(request))),
            ["auditLogs", "directoryAudits"] => JsonAsync(context.Response, 200, Collection(AuditJson(request))),
            _ => ErrorAsync(context.Response, 400, "BadRequest", $"The fake does not serve {request.Method} {request.Path}."),
        });
    }

    private async Task<FakeGraphRequest> RecordAsync(HttpRequest http)
    {
        Stream body = http.Body;
        if (http.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            body = new GZipStream(body, CompressionMode.Decompress);
        }

        using var reader = new StreamReader(body);
        var text = await reader.ReadToEndAsync();
        var path = http.Path.Value ?? "/";
        path = path.StartsWith(Version, StringComparison.OrdinalIgnoreCase) ? path[Version.Length..] : path;
        var request = new FakeGraphRequest(
            http.Method,
            Uri.UnescapeDataString(path),
            http.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            http.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            text);
        _requests.Enqueue(request);
        return request;
    }

    private Fault? TakeFault(FakeGraphRequest request)
    {
        lock (_gate)
        {
            var fault = _faults.FirstOrDefault(f => f.Remaining > 0 && f.Method == request.Method
                && string.Equals(f.Path, request.Path, StringComparison.OrdinalIgnoreCase));
            if (fault is not null)
            {
                fault.Remaining--;
            }

            return fault;
        }
    }

    private Task WithUserAsync(HttpContext context, string id, Func<FakeGraphUser, Task> answer) =>
        Users.TryGetValue(id, out var user)
            ? answer(user)
            : ErrorAsync(context.Response, 404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    private Task ListUsersAsync(HttpContext context, FakeGraphRequest request)
    {
        var filter = request.QueryValue("$filter") ?? string.Empty;
        IEnumerable<FakeGraphUser> users = Users.Values.OrderBy(u => u.DisplayName, StringComparer.OrdinalIgnoreCase);
        if (Literal(filter, "userPrincipalName eq '") is { } upn)
        {
            users = users.Where(u => string.Equals(u.UserPrincipalName, upn, StringComparison.OrdinalIgnoreCase));
        }
        else if (Literal(filter, "startswith(displayName,'") is { } text)
        {
            users = users.Where(u => u.DisplayName.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                || u.UserPrincipalName.StartsWith(text, StringComparison.OrdinalIgnoreCase)
                || (u.Mail?.StartsWith(text, StringComparison.OrdinalIgnoreCase) ?? false)
                || u.EmployeeId == text);
        }

        var all = users.ToList();
        var top = int.TryParse(request.QueryValue("$top"), out var t) ? t : 100;
        var skip = int.TryParse(request.QueryValue("$skiptoken"), out var s) ? s : 0;
        var page = new JsonObject { ["value"] = new JsonArray([.. all.Skip(skip).Take(top).Select(u => UserJson(u, request))]) };
        if (request.QueryValue("$count") == "true" || skip > 0)
        {
            page["@odata.count"] = all.Count;
        }

        if (skip + top < all.Count)
        {
            var query = request.Query.Where(q => q.Key != "$skiptoken").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}").Append($"$skiptoken={skip + top}");
            page["@odata.nextLink"] = $"{BaseUrl}/users?{string.Join('&', query)}";
        }

        return JsonAsync(context.Response, 200, page);
    }

    private JsonObject UserJson(FakeGraphUser u, FakeGraphRequest request)
    {
        var json = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.user",
            ["id"] = u.Id,
            ["userPrincipalName"] = u.UserPrincipalName,
            ["displayName"] = u.DisplayName,
            ["mail"] = u.Mail,
            ["mobilePhone"] = u.MobilePhone,
            ["employeeId"] = u.EmployeeId,
            ["employeeType"] = u.EmployeeType,
            ["userType"] = u.UserType,
            ["department"] = u.Department,
            ["jobTitle"] = u.JobTitle,
            ["accountEnabled"] = u.AccountEnabled,
            ["signInSessionsValidFromDateTime"] = u.SignInSessionsValidFrom.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["lastPasswordChangeDateTime"] = u.LastPasswordChange?.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["onPremisesSyncEnabled"] = null,
        };
        if ((request.QueryValue("$expand") ?? string.Empty).StartsWith("manager", StringComparison.Ordinal)
            && u.ManagerId is { } managerId && Users.TryGetValue(managerId, out var manager))
        {
            json["manager"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = manager.Id, ["displayName"] = manager.DisplayName };
        }

        return json;
    }

    private static IEnumerable<JsonNode> Memberships(FakeGraphUser u) =>
        u.Groups.Select(g => (JsonNode)new JsonObject { ["@odata.type"] = "#microsoft.graph.group", ["id"] = Id("group", g), ["displayName"] = g })
            .Concat(u.Roles.Select(r => new JsonObject { ["@odata.type"] = "#microsoft.graph.directoryRole", ["id"] = Id("role", r), ["displayName"] = r }));

    private static IEnumerable<JsonNode> MethodsJson(FakeGraphUser u) =>
        u.Methods.Prepend(new FakeGraphMethod(PasswordMethodId, "password"))
            .Select(m => (JsonNode)new JsonObject
            {
                ["@odata.type"] = $"#microsoft.graph.{m.Type}AuthenticationMethod",
                ["id"] = m.Id,
                ["displayName"] = m.DisplayName,
                ["createdDateTime"] = m.CreatedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ"),
            });

    private IEnumerable<JsonNode> PassesJson(FakeGraphUser u) =>
        TemporaryAccessPasses.GetOrAdd(u.Id, _ => []).Select(p => (JsonNode)new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
            ["id"] = p.Id,
            ["lifetimeInMinutes"] = p.LifetimeInMinutes,
            ["isUsableOnce"] = p.IsUsableOnce,
            ["temporaryAccessPass"] = null,
        });

    private IEnumerable<JsonNode> EligibilityJson(FakeGraphRequest request)
    {
        var principal = Literal(request.QueryValue("$filter") ?? string.Empty, "principalId eq '");
        return principal is not null && Users.TryGetValue(principal, out var user)
            ? user.EligibleRoles.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = Id("eligibility", user.Id + r),
                ["principalId"] = user.Id,
                ["roleDefinitionId"] = Id("roleDefinition", r),
                ["roleDefinition"] = new JsonObject { ["id"] = Id("roleDefinition", r), ["displayName"] = r },
            })
            : [];
    }

    private IEnumerable<JsonNode> AuditJson(FakeGraphRequest request)
    {
        var target = Literal(request.QueryValue("$filter") ?? string.Empty, "t/id eq '");
        return target is not null && Users.TryGetValue(target, out var user)
            ? user.ContactChanges.Select(c => (JsonNode)new JsonObject
            {
                ["id"] = Id("audit", user.Id + c.Property + c.At.ToUnixTimeSeconds()),
                ["activityDisplayName"] = "Update user",
                ["activityDateTime"] = c.At.ToString("yyyy-MM-ddTHH:mm:ssZ"),
                ["targetResources"] = new JsonArray(new JsonObject
                {
                    ["id"] = user.Id,
                    ["type"] = "User",
                    ["modifiedProperties"] = new JsonArray(new JsonObject { ["displayName"] = c.Property, ["oldValue"] = "[]", ["newValue"] = "[]" }),
                }),
            })
            : [];
    }

    private static Task PatchUserAsync(HttpContext context, FakeGraphUser user, FakeGraphRequest request)
    {
        if (request.Json?["passwordProfile"]?["password"] is { } password)
        {
            user.Password = password.GetValue<string>();
        }

        if (request.Json?["passwordProfile"]?["forceChangePasswordNextSignIn"] is { } force)
        {
            user.ForceChangePasswordNextSignIn = force.GetValue<bool>();
        }

        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private Task RevokeAsync(HttpContext context, FakeGraphUser user)
    {
        if (RevocationMovesValidFrom)
        {
            user.SignInSessionsValidFrom = DateTimeOffset.UtcNow;
        }

        return JsonAsync(context.Response, 200, new JsonObject { ["@odata.context"] = $"{BaseUrl}/$metadata#Edm.Boolean", ["value"] = true });
    }

    private Task ResetPasswordAsync(HttpContext context, FakeGraphUser user, FakeGraphRequest request)
    {
        user.Password = request.Json?["newPassword"]?.GetValue<string>();
        if (!PasswordResetIsAsynchronous)
        {
            return JsonAsync(context.Response, 200, new JsonObject { ["newPassword"] = null });
        }

        var operationId = Guid.NewGuid().ToString();
        _operations[operationId] = new Queue<string>(PasswordResetStates);
        context.Response.StatusCode = 202;
        context.Response.Headers.Location = PasswordResetLocation ?? $"{BaseUrl}/users/{user.Id}/authentication/operations/{operationId}";
        context.Response.Headers.RetryAfter = "1";
        return Task.CompletedTask;
    }

    private Task OperationAsync(HttpContext context, string operationId)
    {
        if (!_operations.TryGetValue(operationId, out var states))
        {
            return ErrorAsync(context.Response, 404, "itemNotFound", "No such operation.");
        }

        var state = states.Count > 1 ? states.Dequeue() : states.Peek();
        return JsonAsync(context.Response, 200, new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.longRunningOperation",
            ["id"] = operationId,
            ["status"] = state,
            ["createdDateTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"),
        });
    }

    private Task CreatePassAsync(HttpContext context, FakeGraphUser user, FakeGraphRequest request)
    {
        var lifetime = request.Json?["lifetimeInMinutes"]?.GetValue<int>() ?? 60;
        var once = request.Json?["isUsableOnce"]?.GetValue<bool>() ?? false;
        var pass = (Id: Guid.NewGuid().ToString(), lifetime, once, Pass: "TAP-" + Guid.NewGuid().ToString("N")[..12]);
        TemporaryAccessPasses.GetOrAdd(user.Id, _ => []).Add(pass);
        return JsonAsync(context.Response, 201, new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.temporaryAccessPassAuthenticationMethod",
            ["id"] = pass.Id,
            ["lifetimeInMinutes"] = lifetime,
            ["isUsableOnce"] = once,
            ["isUsable"] = true,
            ["temporaryAccessPass"] = pass.Pass,
        });
    }

    private Task DeletePassAsync(HttpContext context, FakeGraphUser user, string passId)
    {
        var passes = TemporaryAccessPasses.GetOrAdd(user.Id, _ => []);
        if (passes.RemoveAll(p => p.Id == passId) == 0)
        {
            return ErrorAsync(context.Response, 404, "itemNotFound", "No such method.");
        }

        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static Task DeleteMethodAsync(HttpContext context, FakeGraphUser user, string collection, string methodId)
    {
        if (user.Methods.RemoveAll(m => m.Id == methodId && m.Collection == collection) == 0)
        {
            return ErrorAsync(context.Response, 404, "itemNotFound", "No such method.");
        }

        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    private static JsonObject Collection(IEnumerable<JsonNode> items) => new() { ["value"] = new JsonArray([.. items]) };

    private static async Task JsonAsync(HttpResponse response, int status, JsonNode body)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
    }

    private static async Task ErrorAsync(HttpResponse response, int status, string? code, string? message)
    {
        response.StatusCode = status;
        if (code is null && message is null)
        {
            return; // a bare gateway answer, as a 503 or 504 from the front door often is
        }

        await JsonAsync(response, status, new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = code ?? "generalException", ["message"] = message ?? "Error." },
        });
    }

    // The literal after a prefix in an OData filter: "userPrincipalName eq 'a@b'" -> "a@b". Doubled quotes unescape.
    private static string? Literal(string filter, string prefix)
    {
        var start = filter.IndexOf(prefix, StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        var text = new System.Text.StringBuilder();
        for (var i = start + prefix.Length; i < filter.Length; i++)
        {
            if (filter[i] == '\'')
            {
                if (i + 1 < filter.Length && filter[i + 1] == '\'')
                {
                    text.Append('\'');
                    i++;
                    continue;
                }

                break;
            }

            text.Append(filter[i]);
        }

        return text.ToString();
    }

    private static string Id(string kind, string name) =>
        new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(kind + ":" + name))).ToString();

    private sealed class Fault(string method, string path, int times, int status, string? retryAfter, string? code, string? message)
    {
        public string Method { get; } = method;
        public string Path { get; } = path;
        public int Remaining { get; set; } = times;
        public int Status { get; } = status;
        public string? RetryAfter { get; } = retryAfter;
        public string? Code { get; } = code;
        public string? Message { get; } = message;
    }
}
