using Microsoft.Extensions.Options;

namespace ResetConsole.Auth;

internal sealed class ConsoleAuthOptionsValidator : IValidateOptions<ConsoleAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleAuthOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
