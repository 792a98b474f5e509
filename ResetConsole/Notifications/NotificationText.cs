namespace ResetConsole.Notifications;

/// <summary>The plain text a subject reads: the body, then the link made absolute so it works outside the console.</summary>
internal static class NotificationText
{
    public static string Compose(OutgoingNotification notification, string? publicBaseUrl) =>
        notification.Link is { Length: > 0 } link
            ? $"{notification.Body}\n\n{AbsoluteLink(link, publicBaseUrl)}"
            : notification.Body;

    public static string AbsoluteLink(string link, string? publicBaseUrl)
    {
        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return link;
        }

        if (string.IsNullOrWhiteSpace(publicBaseUrl))
        {
            throw new InvalidOperationException("Notifications:PublicBaseUrl is required to deliver a message with a link.");
        }

        // Appended, not resolved with new Uri(base, link): a base with a path (https://host/console/) must keep it.
        return publicBaseUrl.TrimEnd('/') + "/" + link.TrimStart('/');
    }
}
