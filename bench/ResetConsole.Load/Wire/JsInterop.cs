using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResetConsole.Load.Wire;

/// <summary>
/// Answers the JS interop calls a screen makes the way a browser would, with no DOM: the renderer attaching its
/// interop object, module imports (a JS object reference), and everything else (MudBlazor's element helpers, the
/// countdown module's <c>start</c>) with a null result or, for the few that return something, what a 1440×900 desktop browser would. Counts calls by identifier so a run can show what a screen asks.
/// </summary>
public static class JsInterop
{
    public const string AttachRenderer = "Blazor._internal.attachWebRendererInterop";

    private const int JSObjectReference = 1;
    private static long _nextObjectId;

    public static ConcurrentDictionary<string, long> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>The DotNetObjectReference id the server passed to attachWebRendererInterop.</summary>
    public static long? RendererInteropId(string identifier, string argsJson)
    {
        if (identifier != AttachRenderer || JsonNode.Parse(argsJson) is not JsonArray args)
        {
            return null;
        }

        foreach (var arg in args)
        {
            if (arg is JsonObject o && o["__dotNetObject"] is { } id)
            {
                return id.GetValue<long>();
            }
        }

        return null;
    }

    /// <summary>The JSON EndInvokeJSFromDotNet carries: [asyncHandle, true, result].</summary>
    public static string Answer(long asyncHandle, string identifier, int resultType)
    {
        Calls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        JsonNode? result = resultType == JSObjectReference
            ? new JsonObject { ["__jsObjectId"] = Interlocked.Increment(ref _nextObjectId) }
            : Plausible(identifier);
        return new JsonArray(asyncHandle, true, result).ToJsonString();
    }

    // What a 1440×900 desktop browser would answer to the calls that return something.
    private static JsonNode? Plausible(string identifier) => identifier switch
    {
        "mudpopoverHelper.countProviders" => 1,
        "window.hasOwnProperty" => true,
        "mudResizeListener.getBrowserWindowSize" => new JsonObject { ["width"] = 1440, ["height"] = 900 },
        "mudElementRef.getBoundingClientRect" => new JsonObject
        {
            ["top"] = 0, ["left"] = 0, ["width"] = 120, ["height"] = 36, ["right"] = 120, ["bottom"] = 36,
            ["scrollX"] = 0, ["scrollY"] = 0, ["windowWidth"] = 1440, ["windowHeight"] = 900,
        },
        "Blazor._internal.PageTitle.getAndRemoveExistingTitle" => "ResetConsole",
        _ => null,
    };

    /// <summary>The arguments DispatchEventAsync takes: the event descriptor and a browser-like MouseEventArgs.</summary>
    public static string Click(ulong eventHandlerId) => JsonSerializer.Serialize(new object?[]
    {
        new { eventHandlerId, eventName = "click", eventFieldInfo = (object?)null },
        new
        {
            type = "click", detail = 1, screenX = 0, screenY = 0, clientX = 0, clientY = 0, offsetX = 0, offsetY = 0, pageX = 0, pageY = 0,
            movementX = 0, movementY = 0, button = 0, buttons = 0, ctrlKey = false, shiftKey = false, altKey = false, metaKey = false,
        },
    });
}
