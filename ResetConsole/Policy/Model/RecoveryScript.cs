namespace ResetConsole.Policy;

public sealed record RecoveryScript(
    string Id,
    string TierId,
    IReadOnlyList<RequestedAction> Actions,
    IReadOnlyList<ScriptStep> Steps,
    SourcePosition At);
