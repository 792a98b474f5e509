using System.Globalization;
using ResetConsole.Domain.Subjects;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ResetConsole.Policy;

/// <summary>
/// Reads a policy test file (<c>cases:</c>). Times in history are written relative to <c>now</c>
/// ("last-reset-ago: 20h") so cases stay readable.
/// </summary>
public static class PolicyTestCaseLoader
{
    private static readonly TimeSpan _anyAge = TimeSpan.FromDays(3650);

    public static PolicyTestCaseLoadResult Load(string yamlText, string source)
    {
        var errors = new ErrorSink();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start, $"YAML syntax error: {ex.Message}");
            return new PolicyTestCaseLoadResult([], errors.Sorted());
        }

        var cases = new List<PolicyTestCase>();
        if (stream.Documents.Count == 1 && YamlMap.From(stream.Documents[0].RootNode, "the test file", errors) is { } root)
        {
            foreach (var item in root.Items("cases", required: true))
            {
                if (YamlMap.From(item, "a test case", errors) is { } map && ParseCase(map, source) is { } parsed)
                {
                    cases.Add(parsed);
                }
            }

            root.RejectUnknownKeys();
        }

        return new PolicyTestCaseLoadResult(errors.Count == 0 ? cases : [], errors.Sorted());
    }

    private static PolicyTestCase? ParseCase(YamlMap map, string source)
    {
        var name = map.String("name", required: true) ?? "?";
        var action = map.Enum<RequestedAction>("action", "requested action", required: true);
        var context = ParseContext(map.Map("context", $"the context of '{name}'", required: true));
        var subject = context is null ? null : ParseSubject(map.Map("subject", $"the subject of '{name}'", required: true), context.Now);
        var expect = ParseExpect(map.Map("expect", $"the expectations of '{name}'", required: true));
        map.RejectUnknownKeys();
        return action is null || context is null || subject is null || expect is null
            ? null
            : new PolicyTestCase(name, source, subject, action.Value, context, expect);
    }

    private static RequestContext? ParseContext(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var nowText = map.String("now", required: true);
        var parsedNow = DateTimeOffset.TryParse(nowText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var now);
        if (nowText is not null && !parsedNow)
        {
            map.Errors.Add(map.Get("now")!, $"'now' must be a date and time with offset, such as 2025-03-04T10:00:00+00:00; found '{nowText}'");
        }

        var context = new RequestContext(
            map.Enum<RequestChannel>("channel", "channel", required: true) ?? RequestChannel.Phone,
            map.String("agent") ?? "agent",
            map.Bool("vendor") ?? false,
            now,
            new RecentHistory(
                Ago(map, "last-reset-ago", now),
                map.Int("failed-verifications", 0, 1000) ?? 0,
                map.Int("agent-cases-last-hour", 0, 10000) ?? 0,
                Ago(map, "frozen-ago", now)));
        map.RejectUnknownKeys();
        return parsedNow ? context : null;
    }

    private static Subject? ParseSubject(YamlMap? map, DateTimeOffset now)
    {
        if (map is null)
        {
            return null;
        }

        var id = map.String("id") ?? "subject";
        var subject = new Subject
        {
            Id = id,
            Username = map.String("username") ?? id,
            DisplayName = map.String("display-name") ?? id,
            Kind = map.Enum<SubjectKind>("kind", "subject kind", required: true) ?? SubjectKind.Employee,
            Department = map.String("department") ?? string.Empty,
            Groups = [.. map.Strings("groups").Select(s => s.Text)],
            AdminRoles = [.. map.Strings("admin-roles").Select(s => s.Text)],
            Attributes = Attributes(map.Map("attributes", "the subject's attributes")),
            Contacts = [.. map.Items("contacts").Select(c => Contact(c, map.Errors, now)).OfType<ContactOfRecord>()],
            LastCredentialResetAt = Ago(map, "last-reset-ago", now),
        };
        map.RejectUnknownKeys();
        return subject;
    }

    private static ContactOfRecord? Contact(YamlNode node, ErrorSink errors, DateTimeOffset now)
    {
        if (YamlMap.From(node, "a contact", errors) is not { } map)
        {
            return null;
        }

        var kind = map.Enum<ContactKind>("kind", "contact kind", required: true) ?? ContactKind.Email;
        var value = map.String("value") ?? (kind == ContactKind.Email ? "someone@example.com" : "+44 7700 900000");
        var changed = Ago(map, "changed-ago", now) ?? now - TimeSpan.FromDays(365);
        map.RejectUnknownKeys();
        return new ContactOfRecord(Guid.Empty, kind, value, changed);
    }

    private static Dictionary<string, string> Attributes(YamlMap? map)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (map is null)
        {
            return result;
        }

        foreach (var (key, value) in map.Node.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? string.Empty;
            _ = map.Get(name);
            result[name] = map.Scalar(value, $"attribute '{name}'") ?? string.Empty;
        }

        return result;
    }

    private static PolicyExpectation? ParseExpect(YamlMap? map)
    {
        if (map is null)
        {
            return null;
        }

        var approval = map.Map("approval", "the expected approval");
        var expect = new PolicyExpectation(
            map.String("tier"),
            map.String("base-tier"),
            List(map, "reasons"),
            List(map, "signals"),
            List(map, "steps"),
            approval?.Enum<ApprovalQueue>("queue", "approval queue"),
            approval?.Int("required", 0, 10),
            map.String("vendor") is { } vendor ? vendor == "allowed" : null,
            map.Enum<RequestedAction>("action", "requested action"),
            List(map, "exceptions"));
        approval?.RejectUnknownKeys();
        map.RejectUnknownKeys();
        return expect;
    }

    private static IReadOnlyList<string>? List(YamlMap map, string key) =>
        map.Get(key) is null ? null : [.. map.Strings(key).Select(s => s.Text)];

    private static DateTimeOffset? Ago(YamlMap map, string key, DateTimeOffset now) =>
        map.Duration(key, _anyAge) is { } ago ? now - ago : null;
}
