using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

internal static class SignalParser
{
    private static readonly string[] _triggers =
    [
        "reset-within", "contact-changed-within", "failed-verifications-at-least", "outside-business-hours",
        "agent-cases-per-hour-above", "channel", "frozen-within",
    ];

    public static IReadOnlyList<StepUpSignal> Parse(IReadOnlyList<YamlNode> items, ParseContext context)
    {
        var signals = new List<StepUpSignal>();
        foreach (var item in items)
        {
            if (YamlMap.From(item, "a step-up signal", context.Errors) is not { } map)
            {
                continue;
            }

            var id = map.String("id", required: true) ?? "?";
            var where = $"step-up signal '{id}'";
            var description = map.String("description", required: true) ?? id;
            var trigger = ParseTrigger(map.Map("when", $"the 'when' of {where}", required: true), where);
            var raise = map.Int("raise", 0, PolicyLimits.MaxRaiseLevels) ?? 0;
            var steps = StepParser.ParseSteps(map.Items("add-steps"), id, context.Errors);
            var controls = map.Controls();
            map.RejectUnknownKeys();
            if (raise == 0 && steps.Count == 0 && map.Get("raise") is null && map.Get("add-steps") is null)
            {
                context.Errors.Add(map.Node, $"{where} neither raises the tier ('raise') nor adds steps ('add-steps')");
            }

            if (signals.Exists(s => s.Id == id))
            {
                context.Errors.Add(map.Get("id")!, $"{where} is defined twice");
            }

            if (trigger is not null)
            {
                signals.Add(new StepUpSignal(id, description, trigger, raise, steps, controls, map.At));
            }
        }

        return signals;
    }

    private static SignalTrigger? ParseTrigger(YamlMap? map, string where)
    {
        if (map is null)
        {
            return null;
        }

        var present = _triggers.Where(k => map.Get(k) is not null).ToList();
        if (present.Count != 1)
        {
            map.Errors.Add(map.Node, $"{where} must have exactly one condition, one of: {string.Join(", ", _triggers)}; found {present.Count}");
            map.RejectUnknownKeys();
            return null;
        }

        var window = PolicyLimits.SignalWindow;
        var trigger = present[0] switch
        {
            "reset-within" => Window(SignalKind.ResetWithin, map.Duration("reset-within", window)),
            "contact-changed-within" => Window(SignalKind.ContactChangedWithin, map.Duration("contact-changed-within", window)),
            "frozen-within" => Window(SignalKind.FrozenWithin, map.Duration("frozen-within", window)),
            "failed-verifications-at-least" => Count(SignalKind.FailedVerificationsAtLeast, map.Int("failed-verifications-at-least", 1, 100)),
            "agent-cases-per-hour-above" => Count(SignalKind.AgentCasesPerHourAbove, map.Int("agent-cases-per-hour-above", 0, 1000)),
            "channel" => new SignalTrigger(SignalKind.Channel, TimeSpan.Zero, 0, null, map.Enums<RequestChannel>("channel", "channel", required: true)),
            _ => Hours(map.Map("outside-business-hours", $"the business hours of {where}")),
        };
        map.RejectUnknownKeys();
        return trigger;
    }

    private static SignalTrigger? Window(SignalKind kind, TimeSpan? window) =>
        window is null ? null : new SignalTrigger(kind, window.Value, 0, null, []);

    private static SignalTrigger? Count(SignalKind kind, int? threshold) =>
        threshold is null ? null : new SignalTrigger(kind, TimeSpan.Zero, threshold.Value, null, []);

    private static SignalTrigger? Hours(YamlMap? map) =>
        map is null ? null : BusinessHoursParser.Parse(map) is { } hours
            ? new SignalTrigger(SignalKind.OutsideBusinessHours, TimeSpan.Zero, 0, hours, [])
            : null;
}
