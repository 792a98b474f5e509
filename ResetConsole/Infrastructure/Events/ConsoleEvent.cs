namespace ResetConsole.Infrastructure.Events;

/// <summary>
/// Something changed, after commit. Carries ids, never rows: a subscriber re-queries what it shows, with its own
/// person's access rules.
/// </summary>
public sealed record ConsoleEvent(ConsoleTopic Topic, Guid? CaseId = null, string? SubjectId = null, Guid? ItemId = null)
{
    /// <summary>Assigned by the hub: a read made after this event must reflect it (see QueueSnapshots).</summary>
    public long Sequence { get; init; }
}
