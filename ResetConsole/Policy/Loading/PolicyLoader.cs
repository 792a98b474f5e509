using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

/// <summary>Parses, validates and compiles a policy file. Never throws for bad input: errors carry line and column.</summary>
public static class PolicyLoader
{
    public static PolicyLoadResult Load(string yamlText)
    {
        var errors = new ErrorSink();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start, $"YAML syntax error: {Describe(ex)}");
            return new PolicyLoadResult(null, errors.Sorted());
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode rootNode)
        {
            errors.Add(new SourcePosition(1, 1), "the policy must be one YAML document whose top level is a mapping (tiers:, scripts:, ...)");
            return new PolicyLoadResult(null, errors.Sorted());
        }

        var definition = PolicyParser.Parse(new YamlMap(rootNode, "the policy", errors), errors);
        return definition is null
            ? new PolicyLoadResult(null, errors.Sorted())
            : new PolicyLoadResult(new CompiledPolicy(definition), []);
    }

    // YamlDotNet prefixes its own "(Line: .., Col: ..)" position; ours is already in the error.
    private static string Describe(YamlException ex)
    {
        var message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
        var close = message.StartsWith("(Line", StringComparison.Ordinal) ? message.IndexOf("): ", StringComparison.Ordinal) : -1;
        return close >= 0 ? message[(close + 3)..] : message;
    }
}
