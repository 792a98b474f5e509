using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

/// <summary>What the parsers share: the error sink and the tiers declared so far, for reference checks.</summary>
internal sealed class ParseContext(ErrorSink errors)
{
    public ErrorSink Errors => errors;

    public List<TierDefinition> Tiers { get; } = [];

    public List<RecoveryScript> Scripts { get; } = [];

    public TierDefinition? Tier(string id) => Tiers.Find(t => t.Id == id);

    /// <summary>Reports a reference to an undeclared tier at the node that names it.</summary>
    public TierDefinition? ResolveTier(string id, YamlNode at, string where)
    {
        if (Tier(id) is { } tier)
        {
            return tier;
        }

        errors.Add(at, $"tier '{id}' referenced by {where} is not defined; defined tiers: {string.Join(", ", Tiers.Select(t => t.Id))}");
        return null;
    }

    public int HighestHumanRank => Tiers.Where(t => !t.IsNonHuman).Select(t => t.Rank).DefaultIfEmpty(-1).Max();

    public int LowestHumanRank => Tiers.Where(t => !t.IsNonHuman).Select(t => t.Rank).DefaultIfEmpty(-1).Min();
}
