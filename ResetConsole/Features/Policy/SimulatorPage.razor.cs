using System.Globalization;
using Microsoft.AspNetCore.Components;
using ResetConsole.Directory;
using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

public partial class SimulatorPage
{
    private readonly SimulatorForm _form = new();
    private SimulationResult? _result;
    private string? _error;
    private bool _busy;

    [Inject]
    private PolicySimulator Simulator { get; set; } = default!;

    [Inject]
    private IDirectoryConnector Directory { get; set; } = default!;

    private async Task<IEnumerable<SubjectSummary>> SearchAsync(string? text, CancellationToken ct) =>
        (await Directory.SearchAsync(new DirectorySearch(text, 0, 10), ct)).Items;

    private async Task SimulateAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            if (!TryParseTime(_form.At, out var at))
            {
                _error = "Request time must look like 2026-11-26 21:30.";
                return;
            }

            _result = await Simulator.SimulateAsync(_form.ToRequest(at));
        }
        finally
        {
            _busy = false;
        }
    }

    private static bool TryParseTime(string? text, out DateTimeOffset? at)
    {
        at = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ok = DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed);
        at = ok ? new DateTimeOffset(parsed, TimeSpan.Zero) : null;
        return ok;
    }

    private sealed class SimulatorForm
    {
        public SubjectSummary? Account { get; set; }
        public RequestedAction Action { get; set; } = RequestedAction.PasswordReset;
        public RequestChannel Channel { get; set; } = RequestChannel.Phone;
        public bool VendorAgent { get; set; }
        public string? At { get; set; }
        public double? LastResetHoursAgo { get; set; }
        public double? ContactChangedDaysAgo { get; set; }
        public int FailedVerifications { get; set; }
        public int AgentCasesLastHour { get; set; }
        public bool FrozenInLastDay { get; set; }
        public SubjectKind? Kind { get; set; }
        public string? ExtraGroups { get; set; }
        public string? ExtraAdminRoles { get; set; }

        public SimulationRequest ToRequest(DateTimeOffset? at) => new()
        {
            SubjectId = Account?.Id,
            Kind = Kind,
            ExtraGroups = Split(ExtraGroups),
            ExtraAdminRoles = Split(ExtraAdminRoles),
            Action = Action,
            Channel = Channel,
            AgentIsVendor = VendorAgent,
            At = at,
            LastResetHoursAgo = LastResetHoursAgo,
            ContactChangedDaysAgo = ContactChangedDaysAgo,
            FailedVerifications = FailedVerifications,
            AgentCasesLastHour = AgentCasesLastHour,
            FrozenInLastDay = FrozenInLastDay,
        };

        private static string[] Split(string? text) =>
            (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
