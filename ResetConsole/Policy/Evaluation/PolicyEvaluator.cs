using ResetConsole.Domain.Subjects;

namespace ResetConsole.Policy;

/// <summary>
/// The policy compiled for evaluation: rules sorted strictest first, scripts in a [tier, action] table, verdicts and
/// reasons built once. Evaluating allocates only the decision and its short lists.
/// </summary>
internal sealed class PolicyEvaluator
{
    private static readonly IReadOnlyList<FiredSignal> _noSignals = [];
    private static readonly int _actionCount = Enum.GetValues<RequestedAction>().Length;

    private readonly PolicyDefinition _policy;
    private readonly TierDefinition[] _tiers;
    private readonly TierDefinition[] _humanLadder;
    private readonly int[] _ladderIndex;
    private readonly TierDefinition _defaultTier;
    private readonly TierDefinition _nonHumanTier;
    private readonly CompiledRule[] _humanRules;
    private readonly CompiledRule[] _nonHumanRules;
    private readonly CompiledSignal[] _signals;
    private readonly CompiledScript?[] _scripts;
    private readonly Verdict[] _vendorVerdicts;
    private readonly IReadOnlyList<TierReason> _defaultReasons;
    private readonly IReadOnlyList<TierReason> _nonHumanReasons;

    public PolicyEvaluator(PolicyDefinition policy)
    {
        _policy = policy;
        _tiers = [.. policy.Tiers];
        _humanLadder = [.. _tiers.Where(t => !t.IsNonHuman)];
        _ladderIndex = [.. _tiers.Select(t => Array.IndexOf(_humanLadder, t))];
        _defaultTier = _tiers.First(t => t.Id == policy.DefaultTierId);
        _nonHumanTier = _tiers.First(t => t.IsNonHuman);
        var rules = policy.TierRules
            .Select(r => (Rule: new CompiledRule(r, Rank(r.TierId)), NonHuman: _tiers[Rank(r.TierId)].IsNonHuman))
            .OrderByDescending(r => r.Rule.Rank)
            .ToArray();
        _humanRules = [.. rules.Where(r => !r.NonHuman).Select(r => r.Rule)];
        _nonHumanRules = [.. rules.Where(r => r.NonHuman).Select(r => r.Rule)];
        _signals = [.. policy.Signals.Select(s => new CompiledSignal(s))];
        _scripts = new CompiledScript?[_tiers.Length * _actionCount];
        foreach (var script in policy.Scripts)
        {
            foreach (var action in script.Actions)
            {
                _scripts[(Rank(script.TierId) * _actionCount) + (int)action] = new CompiledScript(script, _tiers[Rank(script.TierId)], policy.ExceptionTypes);
            }
        }

        _vendorVerdicts = [.. _tiers.Select(VendorVerdict)];
        // Shared across decisions, so handed out read-only.
        _defaultReasons = Array.AsReadOnly([new TierReason($"no tier rule matched; default tier '{_defaultTier.Name}'", "default-tier", [])]);
        _nonHumanReasons = Array.AsReadOnly([new TierReason("service identity (non-human)", "non-human-kind", [])]);
    }

    private static Verdict InternalAgent { get; } = new(true, "internal agent");

    public PolicyDecision Evaluate(Subject subject, RequestedAction action, RequestContext context)
    {
        var nonHuman = subject.IsNonHuman;
        var reasons = nonHuman
            ? Match(_nonHumanRules, subject, _nonHumanReasons, out var baseTier)
            : Match(_humanRules, subject, _defaultReasons, out baseTier);
        var signals = _noSignals;
        List<FiredSignal>? fired = null;
        List<ScriptStep>? added = null;
        var levels = 0;
        foreach (var signal in _signals)
        {
            if (signal.Fires(subject, context))
            {
                (fired ??= new List<FiredSignal>(_signals.Length)).Add(signal.Fired);
                levels += signal.Signal.RaiseLevels;
                if (signal.Signal.AddSteps.Count > 0)
                {
                    (added ??= []).AddRange(signal.Signal.AddSteps);
                }
            }
        }

        signals = fired ?? signals;
        var tier = nonHuman ? baseTier : _humanLadder[Math.Min(_ladderIndex[baseTier.Rank] + levels, _humanLadder.Length - 1)];
        var effective = nonHuman && action == RequestedAction.PasswordReset ? RequestedAction.SecretRotation : action;
        var script = _scripts[(tier.Rank * _actionCount) + (int)effective];
        var steps = script is null ? [] : added is null ? script.Script.Steps : script.WithAddedSteps(added);
        var exceptions = script is null ? [] : added is null ? script.Exceptions : script.ExceptionsFor(steps);
        var frozenUntil = context.History.LastFrozenAt + _policy.Freeze.ProtectionPeriod;
        return new PolicyDecision(
            tier,
            baseTier,
            reasons,
            signals,
            script?.Script.Id,
            steps,
            tier.Approval,
            tier.CoolDown,
            _policy.VerificationValidity,
            tier.PostReset,
            exceptions,
            action,
            effective,
            script is null ? ActionRefused(action, nonHuman) : CompiledScript.Allowed,
            context.AgentIsVendor ? _vendorVerdicts[tier.Rank] : InternalAgent,
            frozenUntil > context.Now ? frozenUntil : null);
    }

    // Rules are sorted strictest first: the first match fixes the tier, and only its equals add reasons.
    private IReadOnlyList<TierReason> Match(CompiledRule[] rules, Subject subject, IReadOnlyList<TierReason> fallback, out TierDefinition tier)
    {
        List<TierReason>? reasons = null;
        var rank = -1;
        foreach (var rule in rules)
        {
            if (rule.Rank < rank)
            {
                break;
            }

            if (rule.Match(subject) is { } reason)
            {
                rank = rule.Rank;
                (reasons ??= new List<TierReason>(2)).Add(reason);
            }
        }

        tier = rank >= 0 ? _tiers[rank] : subject.IsNonHuman ? _nonHumanTier : _defaultTier;
        return reasons ?? fallback;
    }

    private int Rank(string tierId) => Array.FindIndex(_tiers, t => t.Id == tierId);

    private Verdict VendorVerdict(TierDefinition tier) => _policy.Vendors.AllowedTierIds.Contains(tier.Id)
        ? new Verdict(true, $"vendor agents may handle tier '{tier.Name}'")
        : new Verdict(false, $"vendor agents may not handle tier '{tier.Name}'; an internal agent must take the case");

    private static Verdict ActionRefused(RequestedAction action, bool nonHuman) => nonHuman
        ? new Verdict(false, $"'{PolicyNames<RequestedAction>.Name(action)}' is not available for a non-human identity; request a secret rotation")
        : new Verdict(false, $"'{PolicyNames<RequestedAction>.Name(action)}' applies to non-human identities only");
}
