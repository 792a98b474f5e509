namespace ResetConsole.Auth;

/// <summary>Claim types the console reads once the identity provider's claims are mapped.</summary>
public static class StaffClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Username = "preferred_username";
    public const string Role = "role";
    public const string Issuer = "iss";

    /// <summary>Present with value "true" for outsourced agents.</summary>
    public const string Vendor = "vendor";

    /// <summary>The outsourcing company an outsourced agent works for.</summary>
    public const string VendorName = "vendor_name";
}
