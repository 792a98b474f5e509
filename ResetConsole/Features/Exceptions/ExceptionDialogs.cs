using MudBlazor;
using ResetConsole.Auth;

namespace ResetConsole.Features.Exceptions;

/// <summary>Opens the exception dialogs the same way from the case page and the security dashboard.</summary>
public static class ExceptionDialogs
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };

    public static async Task<bool> DecideAsync(this IDialogService dialogs, ExceptionView exception, ExceptionDecision kind, StaffActor actor)
    {
        var dialog = await dialogs.ShowAsync<ExceptionDecisionDialog>($"{kind} exception",
            new DialogParameters<ExceptionDecisionDialog> { { d => d.Exception, exception }, { d => d.Kind, kind }, { d => d.Actor, actor } }, Options);
        return await dialog.Result is { Canceled: false };
    }

    public static async Task<bool> RequestAsync(this IDialogService dialogs, Guid caseId, IReadOnlyList<ExceptionOption> options, StaffActor actor)
    {
        var dialog = await dialogs.ShowAsync<ExceptionRequestDialog>("Ask for an exception",
            new DialogParameters<ExceptionRequestDialog> { { d => d.CaseId, caseId }, { d => d.Options, options }, { d => d.Actor, actor } }, Options);
        return await dialog.Result is { Canceled: false };
    }
}
