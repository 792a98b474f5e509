using BenchmarkDotNet.Attributes;
using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Bench;

/// <summary>
/// Cost of one policy evaluation against the default policy (goal: 200,000 per second on one core, i.e. at most
/// 5 µs each). Run: dotnet run -c Release --project bench/ResetConsole.Bench -- --filter *PolicyEvaluation*
/// </summary>
[MemoryDiagnoser]
public class PolicyEvaluationBenchmarks
{
    private static readonly DateTimeOffset _now = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private CompiledPolicy _policy = null!;
    private Subject _standard = null!;
    private Subject _elevated = null!;
    private Subject _privileged = null!;
    private RequestContext _calm = null!;
    private RequestContext _risky = null!;

    [GlobalSetup]
    public void Setup()
    {
        var result = PolicyLoader.Load(File.ReadAllText(FindPolicy()));
        _policy = result.Policy ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
        _standard = Subject("u-1", SubjectKind.Employee, ["Sales", "Engineering"], changedDaysAgo: 400);
        _elevated = Subject("u-2", SubjectKind.Executive, ["Executives", "Finance Approvers"], changedDaysAgo: 3);
        _privileged = Subject("u-3", SubjectKind.Employee, ["IT Helpdesk", "Domain Admins"], changedDaysAgo: 400) with
        {
            AdminRoles = ["Global Administrator"],
        };
        _calm = new RequestContext(RequestChannel.Phone, "dana", false, _now, RecentHistory.None);
        _risky = new RequestContext(RequestChannel.Chat, "dana", false, _now.AddHours(10), new RecentHistory(_now.AddHours(-3), 3, 12));
    }

    [Benchmark(Baseline = true)]
    public PolicyDecision Standard() => _policy.Evaluate(_standard, RequestedAction.PasswordReset, _calm);

    [Benchmark]
    public PolicyDecision ElevatedWithSignals() => _policy.Evaluate(_elevated, RequestedAction.MfaReset, _risky);

    [Benchmark]
    public PolicyDecision Privileged() => _policy.Evaluate(_privileged, RequestedAction.PasswordReset, _calm);

    private static Subject Subject(string id, SubjectKind kind, string[] groups, int changedDaysAgo) => new()
    {
        Id = id,
        Username = id,
        DisplayName = id,
        Kind = kind,
        Groups = groups,
        Contacts =
        [
            new ContactOfRecord(Guid.Empty, ContactKind.Email, "someone@example.com", _now.AddDays(-400)),
            new ContactOfRecord(Guid.Empty, ContactKind.Phone, "+44 7700 900123", _now.AddDays(-changedDaysAgo)),
        ],
    };

    private static string FindPolicy()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "ResetConsole", "Policies", "recovery-policy.yaml");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("recovery-policy.yaml not found above " + AppContext.BaseDirectory);
    }
}
