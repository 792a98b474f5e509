namespace ResetConsole.Load;

/// <summary>
/// A screen the harness opens as a circuit: who looks at it and where. Screens with a footprint goal are measured
/// beside the Counter-style floor page opened by the same person (same layout, same nav). A screen the app does not
/// have yet (404) is skipped with a message; adding one is one line here.
/// </summary>
public sealed record Screen(string Key, string Title, string Person, string Path, double? GoalKb = null)
{
    public const string CasePlaceholder = "{case}";

    public static readonly Screen AgentCase = new("case", "agent case page", "dana", $"/cases/{CasePlaceholder}", GoalKb: 250);
    public static readonly Screen SupervisorQueue = new("queue", "supervisor approval queue (50 rows)", "sam", "/approvals/supervisor", GoalKb: 400);
    public static readonly Screen SecurityDashboard = new("dashboard", "security dashboard", "lee", "/security", GoalKb: 300);

    /// <summary>Bench-only floors (Features/Bench, on only with Bench:Diagnostics).</summary>
    public static readonly Screen BareTable = new("table", "bare table floor (same subscription and read)", "sam", "/bench/table");
    public static readonly Screen TickingQueue = new("ticking", "server-ticked queue floor (1 Hz)", "sam", "/bench/ticking");

    public static readonly IReadOnlyList<Screen> WithFootprintGoal = [AgentCase, SupervisorQueue, SecurityDashboard];

    public static Screen Counter(string person) => new($"counter-{person}", $"Counter floor (as {person})", person, "/bench/counter");

    /// <summary>The Counter with no layout at all: what a circuit costs before the console's shell.</summary>
    public static Screen ShellFreeCounter(string person) => new($"counter-bare-{person}", $"Counter without the console's layout (as {person})", person, "/bench/counter-bare");
}
