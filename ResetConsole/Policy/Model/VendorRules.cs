namespace ResetConsole.Policy;

/// <summary>Which tiers outsourced (vendor) agents may handle.</summary>
public sealed record VendorRules(IReadOnlyList<string> AllowedTierIds, IReadOnlyList<string> Controls);
