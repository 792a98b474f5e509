using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;

namespace ResetConsole.Infrastructure;

/// <summary>
/// Every circuit's JS runtime has its own JSON options (its converters are bound to it), so the JSON metadata of every
/// type it sends is built again for every circuit. The first call of each circuit (the framework attaching its renderer:
/// an <c>int</c>, a .NET object reference, two dictionaries, sent as <c>object</c>) costs most of that, and most of it
/// is System.Text.Json looking for polymorphism settings on every interface of every value sent as <c>object</c>:
/// for an <c>int</c>, thirty-odd interfaces of generic math and formatting, each given reflected metadata, on every
/// circuit (docs/performance.md, "JSON metadata for every circuit"). Those interfaces carry no JSON settings and no
/// data, so the console's JS runtimes answer "no metadata" for them at once; what is actually sent is unchanged.
/// </summary>
public static class JsInteropSerialization
{
    private static readonly DefaultJsonTypeInfoResolver Reflection = new();

    // With IBinaryIntegerParseAndFormatInfo<T>, which is internal to the runtime and matched by name in IsBareAncestor.
    private static readonly HashSet<Type> BareSystemInterfaces =
    [
        typeof(IComparable), typeof(IComparable<>), typeof(IEquatable<>), typeof(IConvertible),
        typeof(IFormattable), typeof(ISpanFormattable), typeof(IUtf8SpanFormattable),
        typeof(IParsable<>), typeof(ISpanParsable<>), typeof(IUtf8SpanParsable<>),
    ];

    /// <summary>
    /// Wraps the framework's registration of <see cref="IJSRuntime"/> so that each runtime it creates gets the
    /// resolver below. The framework's own type stays (the circuit factory depends on it); if the registration is not
    /// the expected one (a framework change), nothing is changed.
    /// </summary>
    public static IServiceCollection AddLeanJsInteropMetadata(this IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(IJSRuntime))
            {
                continue;
            }

            if (descriptor is { IsKeyedService: false, Lifetime: ServiceLifetime.Scoped, ImplementationType: { } type } && typeof(JSRuntime).IsAssignableFrom(type))
            {
                var create = ActivatorUtilities.CreateFactory(type, Type.EmptyTypes);
                services[i] = ServiceDescriptor.Scoped<IJSRuntime>(provider => Tune((JSRuntime)create(provider, null)));
            }

            break;
        }

        return services;
    }

    /// <summary>Gives a runtime's JSON options the lean resolver, around whatever resolvers they already have.</summary>
    public static TRuntime Tune<TRuntime>(TRuntime runtime)
        where TRuntime : JSRuntime
    {
        var options = SerializerOptions(runtime);
        if (!options.IsReadOnly && options.TypeInfoResolver is not LeanAncestorResolver)
        {
            // A snapshot of the chain, not the chain itself: setting TypeInfoResolver below replaces the chain's contents.
            IJsonTypeInfoResolver inner = options.TypeInfoResolverChain.Count > 0
                ? JsonTypeInfoResolver.Combine([.. options.TypeInfoResolverChain])
                : Reflection;
            options.TypeInfoResolver = new LeanAncestorResolver(inner);
        }

        return runtime;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_JsonSerializerOptions")]
    private static extern JsonSerializerOptions SerializerOptions(JSRuntime runtime);

    /// <summary>
    /// True for the types System.Text.Json only ever asks about while looking for an ancestor's polymorphism settings
    /// of a value type sent as <c>object</c>: <see cref="ValueType"/>, the generic math interfaces, and the formatting,
    /// parsing, comparison, equality and conversion interfaces of <c>System</c>. None has a JSON setting or a property
    /// to send.
    /// </summary>
    public static bool IsBareAncestor(Type type) =>
        type == typeof(ValueType)
        || type.IsInterface && (type.Namespace == "System.Numerics"
            || BareSystemInterfaces.Contains(type.IsGenericType ? type.GetGenericTypeDefinition() : type)
            || type.IsGenericType && type.Namespace == "System" && type.Name == "IBinaryIntegerParseAndFormatInfo`1");

    /// <summary>Answers "no metadata" for <see cref="IsBareAncestor"/> types and asks the runtime's resolvers for the rest.</summary>
    private sealed class LeanAncestorResolver(IJsonTypeInfoResolver inner) : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
            IsBareAncestor(type) ? null : inner.GetTypeInfo(type, options);
    }
}
