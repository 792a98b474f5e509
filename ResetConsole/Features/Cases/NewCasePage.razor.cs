using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Features.Cases;

public partial class NewCasePage
{
    private readonly NewCaseForm _form = new();
    private string? _error;
    private Guid? _existing;
    private bool _busy;

    [Inject]
    private CaseService Cases { get; set; } = default!;

    [Inject]
    private IDirectoryConnector Directory { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "subject")]
    public string? SubjectId { get; set; }

    protected override async Task OnInitializedAsync()
    {
        if (SubjectId is { } id && await Directory.FindAsync(id) is { } subject)
        {
            _form.Account = new SubjectSummary(subject.Id, subject.Username, subject.DisplayName, subject.EmployeeId, subject.Kind, subject.Department,
                subject.Groups, [], [], subject.IsLocked, subject.Sessions.Count);
            _form.Action = subject.IsNonHuman ? RequestedAction.SecretRotation : RequestedAction.PasswordReset;
        }
    }

    private async Task<IEnumerable<SubjectSummary>> SearchAsync(string? text, CancellationToken ct) =>
        (await Directory.SearchAsync(new DirectorySearch(text, 0, 10), ct)).Items;

    private async Task OpenAsync()
    {
        if (_form.Account is null)
        {
            _error = "Pick the account to recover.";
            return;
        }

        _busy = true;
        _error = null;
        _existing = null;
        try
        {
            var actor = StaffActor.From((await AuthenticationState).User);
            var id = await Cases.OpenAsync(actor, new OpenCaseRequest(_form.Account.Id, _form.Action, _form.Channel, _form.Ticket ?? string.Empty));
            Navigation.NavigateTo($"/cases/{id}");
        }
        catch (OpenCaseConflictException conflict)
        {
            _error = conflict.Message;
            _existing = conflict.ExistingCaseId;
        }
        catch (Exception ex) when (ex is CaseRuleException or AccessRefusedException)
        {
            _error = ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class NewCaseForm
    {
        public SubjectSummary? Account { get; set; }
        public RequestedAction Action { get; set; } = RequestedAction.PasswordReset;
        public RequestChannel Channel { get; set; } = RequestChannel.Phone;
        public string? Ticket { get; set; }
    }
}
