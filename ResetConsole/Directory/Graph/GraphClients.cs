using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using AzureIdentityAuthenticationProvider = Microsoft.Graph.Authentication.AzureIdentityAuthenticationProvider;

namespace ResetConsole.Directory.Graph;

/// <summary>
/// Builds the <see cref="GraphServiceClient"/> the connector uses: the SDK's middleware, except that its retry handler
/// retries nothing by default (reads opt in per request), so a write fails fast with Retry-After and the console's
/// side-effect worker owns the retry.
/// </summary>
public static class GraphClients
{
    /// <summary>Production: client credentials (app-only) with the secret from configuration.</summary>
    public static GraphServiceClient Create(GraphOptions options)
    {
        var credentialOptions = new ClientSecretCredentialOptions();
        if (!string.IsNullOrWhiteSpace(options.AuthorityHost))
        {
            credentialOptions.AuthorityHost = new Uri(options.AuthorityHost);
        }

        var credential = new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret, credentialOptions);
        var root = new Uri(options.BaseUrl);
        var auth = new AzureIdentityAuthenticationProvider(
            credential, [root.Host], observabilityOptions: null, isCaeEnabled: true, scopes: [$"{root.GetLeftPart(UriPartial.Authority)}/.default"]);
        return Create(options, auth);
    }

    /// <summary>
    /// Any authentication provider and, optionally, the innermost handler: tests pass a static-token provider and
    /// point <see cref="GraphOptions.BaseUrl"/> at a local fake.
    /// </summary>
    public static GraphServiceClient Create(GraphOptions options, IAuthenticationProvider auth, HttpMessageHandler? transport = null)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
            {
                handlers[i] = new RetryHandler(new RetryHandlerOption { MaxRetry = 0 });
            }
        }

        var http = GraphClientFactory.Create(handlers, finalHandler: transport);
        http.Timeout = options.RequestTimeout;
        return new GraphServiceClient(http, auth, options.BaseUrl.TrimEnd('/'));
    }
}
