using Microsoft.Graph.Models;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Graph;

/// <summary>Which contacts of record an "Update user" audit entry changed.</summary>
internal static class GraphContactAudit
{
    private static readonly Dictionary<string, ContactKind> _properties = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Mobile"] = ContactKind.Phone,
        ["MobilePhone"] = ContactKind.Phone,
        ["Email"] = ContactKind.Email,
        ["Mail"] = ContactKind.Email,
    };

    public static IEnumerable<ContactKind> ChangedContacts(DirectoryAudit audit, string subjectId)
    {
        var target = audit.TargetResources?.FirstOrDefault(t => t.Id == subjectId);
        foreach (var property in target?.ModifiedProperties ?? [])
        {
            if (property.DisplayName is { } name && _properties.TryGetValue(name, out var kind))
            {
                yield return kind;
            }

            // Entra also lists the changed properties as one comma-separated value.
            if (property.DisplayName == "Included Updated Properties" && property.NewValue is { } list)
            {
                foreach (var listed in list.Trim('"', '[', ']').Split(',', StringSplitOptions.TrimEntries))
                {
                    if (_properties.TryGetValue(listed.Trim('"'), out var listedKind))
                    {
                        yield return listedKind;
                    }
                }
            }
        }
    }
}
