using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using ResetConsole.Infrastructure;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Finds the audit key: <c>Audit:Key</c> when set; in demo mode otherwise the key file in the data folder, created once
/// (mode 600) and reused. Outside demo mode a missing key stops start-up.
/// </summary>
public sealed class AuditKeySource(IOptions<AuditOptions> options, DemoMode demo, AuditFiles files, ILogger<AuditKeySource> logger)
{
    public const string MissingKey =
        "Audit:Key must be set outside demo mode: a base64 key of at least 32 bytes (for example from 'openssl rand -base64 32'), " +
        "given through the environment or user-secrets, never appsettings.json or the database.";

    /// <summary>The keyring the app uses; it reads the key on first use.</summary>
    /// <param name="mayCreate">False for commands that only read the chain: a new key could not verify old entries.</param>
    public AuditKeyring Keyring(bool mayCreate = true) => AuditKeyring.Deferred(() => Load(mayCreate));

    /// <summary>The key's bytes (a copy the keyring wipes once it has derived its keys).</summary>
    public byte[] Load(bool mayCreate = true)
    {
        if (options.Value.Key is { Length: > 0 } configured)
        {
            return Decode(configured, "Audit:Key");
        }

        if (!demo.IsOn)
        {
            throw new StartupException(MissingKey);
        }

        var path = files.KeyPath;
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), $"The demo audit key '{path}'");
        }

        if (!mayCreate)
        {
            throw new StartupException($"There is no audit key: set Audit:Key, or start the console once in demo mode so it creates '{path}'.");
        }

        return Create(path);
    }

    private byte[] Create(string path)
    {
        var key = RandomNumberGenerator.GetBytes(AuditKeyring.MinimumKeyBytes);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (!OperatingSystem.IsWindows())
            {
                file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(path, file))
            {
                writer.Write(Convert.ToBase64String(key));
            }

            AuditMessages.DemoKeyCreated(logger, path);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, or the two would sign different chains.
            return Decode(File.ReadAllText(path), $"The demo audit key '{path}'");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The demo audit key cannot be created at '{path}' ({ex.GetType().Name}); make the data folder writable or set Audit:Key.", ex);
        }
    }

    private static byte[] Decode(string base64, string name) => AuditKeyring.Problem(base64, name) is { } problem
        ? throw new StartupException(problem)
        : Convert.FromBase64String(base64.Trim());
}
