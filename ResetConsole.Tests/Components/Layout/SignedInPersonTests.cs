using Bunit;
using ResetConsole.Auth;
using ResetConsole.Components.Layout;

namespace ResetConsole.Tests.Components.Layout;

public sealed class SignedInPersonTests : ConsoleTestContext
{
    [Fact]
    public void Render_ShowsTheNameAndEveryRole()
    {
        var user = SignIn("Lee Jordan", Roles.SecurityLead, Roles.Auditor);

        var person = Render<SignedInPerson>(p => p.Add(c => c.User, user));

        Assert.Contains("Lee Jordan", person.Markup);
        Assert.Contains("SecurityLead, Auditor", person.Markup);
    }

    [Fact]
    public void Render_ForAVendorAgent_SaysVendor()
    {
        var user = SignIn("Vik Raman", Roles.Agent);
        ((System.Security.Claims.ClaimsIdentity)user.Identity!).AddClaim(new(StaffClaims.Vendor, "true"));

        var person = Render<SignedInPerson>(p => p.Add(c => c.User, user));

        Assert.Contains("Vendor", person.Markup);
    }

    [Fact]
    public void Render_SignOutIsAPostWithAnAntiforgeryToken()
    {
        var user = SignIn("Dana Whitfield", Roles.Agent);

        var person = Render<SignedInPerson>(p => p.Add(c => c.User, user));

        var form = person.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("account/logout", form.GetAttribute("action"));
    }
}
