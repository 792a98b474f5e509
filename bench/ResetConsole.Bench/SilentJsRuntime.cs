using Microsoft.JSInterop;

namespace ResetConsole.Bench;

/// <summary>Answers JS interop with defaults: the fan-out measurement has no browser, only renderers.</summary>
public sealed class SilentJsRuntime : IJSRuntime
{
    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => ValueTask.FromResult(default(TValue)!);

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => ValueTask.FromResult(default(TValue)!);
}
