namespace ResetConsole.Load.Wire;

/// <summary>
/// The elements on one circuit's screen that have event handlers, by handler id, kept up to date from each batch:
/// new subtrees add elements, disposed ids leave, and a re-render that hands an element a new delegate moves it to its
/// new id. Not thread-safe: the circuit calls it under its lock.
/// </summary>
public sealed class ScreenElements
{
    private readonly Dictionary<ulong, RenderedElement> _byHandler = [];

    public void Apply(RenderBatch batch)
    {
        Reassign(batch);
        foreach (var id in batch.DisposedEventHandlers)
        {
            _byHandler.Remove(id);
        }

        foreach (var element in batch.Elements)
        {
            foreach (var handler in element.Handlers.Values)
            {
                _byHandler[handler] = element;
            }
        }
    }

    public void Clear() => _byHandler.Clear();

    /// <summary>A live element matching, with its current handler id for the event attribute (e.g. <c>onclick</c>).</summary>
    public (RenderedElement Element, ulong Handler)? Find(string eventAttribute, Func<RenderedElement, bool> match)
    {
        foreach (var (id, element) in _byHandler)
        {
            if (element.Handlers.TryGetValue(eventAttribute, out var handler) && handler == id && match(element))
            {
                return (element, id);
            }
        }

        return null;
    }

    // A setAttribute edit carrying a new id names the component and the attribute but not the element: pair each new
    // id with that component's element whose id for the same attribute this batch disposed, in tree order.
    private void Reassign(RenderBatch batch)
    {
        if (batch.ReassignedHandlers.Count == 0)
        {
            return;
        }

        var disposed = batch.DisposedEventHandlers.ToHashSet();
        var replaced = _byHandler.Where(h => disposed.Contains(h.Key)).OrderBy(h => h.Key)
            .SelectMany(h => h.Value.Handlers.Where(a => a.Value == h.Key).Select(a => (Element: h.Value, Attribute: a.Key)))
            .GroupBy(x => (x.Element.ComponentId, x.Attribute))
            .ToDictionary(g => g.Key, g => new Queue<RenderedElement>(g.Select(x => x.Element)));
        foreach (var (componentId, attribute, handler) in batch.ReassignedHandlers)
        {
            if (replaced.TryGetValue((componentId, attribute), out var elements) && elements.TryDequeue(out var element))
            {
                element.Handlers[attribute] = handler;
                _byHandler[handler] = element;
            }
        }
    }
}
