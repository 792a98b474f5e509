using ResetConsole.Domain.Subjects;

namespace ResetConsole.Policy;

/// <summary>A sample request and what the policy must decide for it. <see cref="Source"/> names the file.</summary>
public sealed record PolicyTestCase(
    string Name,
    string Source,
    Subject Subject,
    RequestedAction Action,
    RequestContext Context,
    PolicyExpectation Expect);
