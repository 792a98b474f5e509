using ResetConsole.Domain.Subjects;

namespace ResetConsole.Policy;

/// <summary>
/// A validated policy, compiled once per version. Thread-safe and immutable: share one instance per version.
/// </summary>
public sealed class CompiledPolicy
{
    private readonly PolicyEvaluator _evaluator;

    internal CompiledPolicy(PolicyDefinition definition)
    {
        Definition = definition;
        _evaluator = new PolicyEvaluator(definition);
    }

    public PolicyDefinition Definition { get; }

    public TierDefinition Tier(string id) => Definition.Tiers.First(t => t.Id == id);

    /// <summary>Pure: the same subject, action and context always give the same decision.</summary>
    public PolicyDecision Evaluate(Subject subject, RequestedAction action, RequestContext context) =>
        _evaluator.Evaluate(subject, action, context);
}
