using ResetConsole.Domain.Subjects;

namespace ResetConsole.Policy;

internal sealed class CompiledSignal(StepUpSignal signal)
{
    private readonly bool[] _channels = ChannelMask(signal.Trigger.Channels);

    public StepUpSignal Signal => signal;

    public FiredSignal Fired { get; } = new(signal.Id, signal.Description, signal.RaiseLevels, signal.Controls);

    public bool Fires(Subject subject, RequestContext context)
    {
        var trigger = signal.Trigger;
        var now = context.Now;
        var history = context.History;
        return trigger.Kind switch
        {
            SignalKind.ResetWithin => Within(history.LastResetAt ?? subject.LastCredentialResetAt, now, trigger.Window),
            SignalKind.ContactChangedWithin => AnyContactChanged(subject.Contacts, now, trigger.Window),
            SignalKind.FailedVerificationsAtLeast => history.FailedVerifications >= trigger.Threshold,
            SignalKind.OutsideBusinessHours => !trigger.Hours!.Contains(now),
            SignalKind.AgentCasesPerHourAbove => history.AgentCasesLastHour > trigger.Threshold,
            SignalKind.Channel => _channels[(int)context.Channel],
            SignalKind.FrozenWithin => Within(history.LastFrozenAt, now, trigger.Window),
            _ => false,
        };
    }

    // A timestamp in the future (clock skew) counts as recent: step-up errs on the strict side.
    private static bool Within(DateTimeOffset? at, DateTimeOffset now, TimeSpan window) =>
        at is { } value && now - value <= window;

    private static bool AnyContactChanged(IReadOnlyList<ContactOfRecord> contacts, DateTimeOffset now, TimeSpan window)
    {
        for (var i = 0; i < contacts.Count; i++)
        {
            if (now - contacts[i].ChangedAt <= window)
            {
                return true;
            }
        }

        return false;
    }

    private static bool[] ChannelMask(IReadOnlyList<RequestChannel> channels)
    {
        var mask = new bool[Enum.GetValues<RequestChannel>().Length];
        foreach (var channel in channels)
        {
            mask[(int)channel] = true;
        }

        return mask;
    }
}
