using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Microsoft.JSInterop.Infrastructure;
using ResetConsole.Infrastructure;

namespace ResetConsole.Tests.Integration;

/// <summary>
/// Each circuit's JS runtime skips System.Text.Json's reflected metadata for the interfaces of values sent as
/// <c>object</c> (generic math, formatting), and what it sends stays byte for byte what the framework sent.
/// </summary>
public sealed class JsInteropSerializationTests
{
    [Fact]
    public void CircuitJsRuntime_FromTheConsoleServices_IsTheFrameworksRuntimeWithTheLeanResolver()
    {
        using var factory = new ConsoleFactory();
        using var scope = factory.Services.CreateScope();

        var runtime = scope.ServiceProvider.GetRequiredService<IJSRuntime>();

        Assert.Equal("RemoteJSRuntime", runtime.GetType().Name);
        Assert.Contains("LeanAncestorResolver", OptionsOf(runtime).TypeInfoResolver!.GetType().Name);
    }

    [Fact]
    public void Tune_TheFrameworksAttachArguments_SendsTheSameJsonWithoutReflectingOnTheirInterfaces()
    {
        var (plain, reflectedPlain) = Recorded(new RecordingRuntime());
        var (tuned, reflectedTuned) = Recorded(new RecordingRuntime());
        JsInteropSerialization.Tune(tuned);

        var expected = Send(plain, Arguments());
        var actual = Send(tuned, Arguments());

        Assert.Equal("[7,{\"__dotNetObject\":1},{},{\"init\":[\"a\"]},{\"when\":\"2026-12-07T10:00:00+00:00\",\"count\":3}]", expected);
        Assert.Equal(expected, actual);
        Assert.Contains(typeof(IComparable<int>), reflectedPlain);
        Assert.Contains(typeof(System.Numerics.INumber<int>), reflectedPlain);
        Assert.Contains(typeof(int), reflectedTuned);
        Assert.DoesNotContain(reflectedTuned, JsInteropSerialization.IsBareAncestor);
        Assert.True(reflectedTuned.Count < reflectedPlain.Count / 2, $"{reflectedTuned.Count} types reflected against {reflectedPlain.Count}");
    }

    /// <summary>The runtime's options with a resolver that records every type reflected on.</summary>
    private static (RecordingRuntime Runtime, List<Type> Reflected) Recorded(RecordingRuntime runtime)
    {
        var reflected = new List<Type>();
        OptionsOf(runtime).TypeInfoResolverChain.Add(new Recording(new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(), reflected));
        return (runtime, reflected);
    }

    [Theory]
    [InlineData(typeof(ValueType), true)]
    [InlineData(typeof(System.Numerics.INumber<int>), true)]
    [InlineData(typeof(IComparable), true)]
    [InlineData(typeof(IEquatable<string>), true)]
    [InlineData(typeof(ISpanFormattable), true)]
    [InlineData(typeof(IUtf8SpanParsable<long>), true)]
    [InlineData(typeof(IConvertible), true)]
    [InlineData(typeof(IEnumerable<int>), false)]
    [InlineData(typeof(IReadOnlyDictionary<string, int>), false)]
    [InlineData(typeof(IDisposable), false)]
    [InlineData(typeof(object), false)]
    [InlineData(typeof(int), false)]
    [InlineData(typeof(DateTimeOffset), false)]
    public void IsBareAncestor_OnlyValueTypesAndTheirMathAndFormattingInterfaces(Type type, bool bare) =>
        Assert.Equal(bare, JsInteropSerialization.IsBareAncestor(type));

    [Fact]
    public void Tune_AValueDeclaredAsAFormattingInterface_IsRefusedAsREADMESays()
    {
        var call = JsInteropSerialization.Tune(new RecordingRuntime()).InvokeVoidAsync("show", [new Formatted(5)]);

        Assert.True(call.IsFaulted);
        Assert.IsType<NotSupportedException>(call.AsTask().Exception!.InnerException);
        // The framework's own options send the interface's (empty) contract: nothing of the value reached JavaScript anyway.
        Assert.Equal("[{\"value\":{}}]", Send(new RecordingRuntime(), [new Formatted(5)]));
    }

    [Fact]
    public void Tune_ASecondTime_KeepsOneLeanResolver()
    {
        var runtime = JsInteropSerialization.Tune(JsInteropSerialization.Tune(new RecordingRuntime()));

        Assert.Equal(Send(new RecordingRuntime(), Arguments()), Send(runtime, Arguments()));
    }

    private static object[] Arguments() =>
    [
        7, DotNetObjectReference.Create(new object()), new Dictionary<string, int[]>(),
        new Dictionary<string, List<string>> { ["init"] = ["a"] },
        new Payload(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero), 3),
    ];

    private static string Send(RecordingRuntime runtime, object[] args)
    {
        var call = runtime.InvokeVoidAsync("Blazor._internal.attachWebRendererInterop", args);
        Assert.False(call.IsFaulted, call.IsFaulted ? call.AsTask().Exception!.ToString() : null);
        return runtime.LastArguments!;
    }

    private static JsonSerializerOptions OptionsOf(IJSRuntime runtime) =>
        (JsonSerializerOptions)typeof(JSRuntime).GetProperty("JsonSerializerOptions", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(runtime)!;

    private sealed record Payload(DateTimeOffset When, int Count);

    private sealed record Formatted(IFormattable Value);

    private sealed class Recording(System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver inner, List<Type> asked)
        : System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver
    {
        public System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            asked.Add(type);
            return inner.GetTypeInfo(type, options);
        }
    }

    private sealed class RecordingRuntime : JSRuntime
    {
        public string? LastArguments { get; private set; }

        protected override void BeginInvokeJS(long taskId, string identifier, string? argsJson, JSCallResultType resultType, long targetInstanceId) =>
            LastArguments = argsJson;

        protected override void EndInvokeDotNet(DotNetInvocationInfo invocationInfo, in DotNetInvocationResult invocationResult)
        {
        }
    }
}
