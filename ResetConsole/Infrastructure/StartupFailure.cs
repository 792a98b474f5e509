using Microsoft.Extensions.Options;

namespace ResetConsole.Infrastructure;

/// <summary>Turns a configuration mistake into one sentence instead of a stack trace; anything else stays an error.</summary>
public static class StartupFailure
{
    public static string? Describe(Exception ex) => ex switch
    {
        StartupException s => s.Message,
        OptionsValidationException o => string.Join(" ", o.Failures),
        AggregateException a when a.InnerExceptions.All(i => Describe(i) is not null) =>
            string.Join(" ", a.InnerExceptions.Select(Describe)),
        _ => null,
    };
}
