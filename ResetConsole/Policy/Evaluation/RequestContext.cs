namespace ResetConsole.Policy;

/// <summary>The circumstances of a request. <see cref="Now"/> comes from the caller's TimeProvider.</summary>
public sealed record RequestContext(
    RequestChannel Channel,
    string AgentId,
    bool AgentIsVendor,
    DateTimeOffset Now,
    RecentHistory History);
