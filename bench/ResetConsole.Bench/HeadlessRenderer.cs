using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.Extensions.Logging;

namespace ResetConsole.Bench;

/// <summary>
/// A renderer like the server's for one circuit, minus the wire: its own dispatcher and diffs, no HTML and no
/// serialization. One per simulated screen, so renders run concurrently across screens as circuits do.
/// </summary>
public sealed class HeadlessRenderer(IServiceProvider services, ILoggerFactory loggers) : Renderer(services, loggers)
{
    public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

    public event Action? Rendered;

    public Task AddAsync<TComponent>(ParameterView parameters) where TComponent : IComponent =>
        Dispatcher.InvokeAsync(async () =>
        {
            var component = InstantiateComponent(typeof(TComponent));
            var id = AssignRootComponentId(component);
            await RenderRootComponentAsync(id, parameters);
        });

    protected override void HandleException(Exception exception) => Console.Error.WriteLine(exception);

    protected override Task UpdateDisplayAsync(in RenderBatch renderBatch)
    {
        Rendered?.Invoke();
        return Task.CompletedTask;
    }
}
