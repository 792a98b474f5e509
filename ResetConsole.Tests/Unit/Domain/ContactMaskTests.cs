using ResetConsole.Domain.Subjects;

namespace ResetConsole.Tests.Unit.Domain;

public sealed class ContactMaskTests
{
    [Theory]
    [InlineData("+44 7700 900123", "+44 •••• ••23")]
    [InlineData("+1 212 555 0119", "+1 •••• ••19")]
    [InlineData("07700 900123", "•••• ••23")]
    public void Mask_Phone_KeepsCountryCodeAndLastTwoDigits(string phone, string expected) =>
        Assert.Equal(expected, ContactMask.Mask(ContactKind.Phone, phone));

    [Fact]
    public void Mask_Email_KeepsFirstLetterAndDomain() =>
        Assert.Equal("d•••••@northwind.example", ContactMask.Mask(ContactKind.Email, "dana.whitfield@northwind.example"));

    [Theory]
    [InlineData(ContactKind.Email, "not-an-email")]
    [InlineData(ContactKind.Phone, "12")]
    public void Mask_Malformed_RevealsNothing(ContactKind kind, string value) =>
        Assert.DoesNotContain(value, ContactMask.Mask(kind, value));
}
