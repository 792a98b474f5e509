using ResetConsole.Features.Audit;
using ResetConsole.Infrastructure;

namespace ResetConsole.Tests.Unit.Audit;

public sealed class AuditOptionsValidatorTests
{
    private const string GoodKey = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    [Fact]
    public void Validate_DemoModeWithoutKey_Succeeds()
    {
        Assert.True(new AuditOptionsValidator(new DemoMode(true)).Validate(null, new AuditOptions()).Succeeded);
    }

    [Fact]
    public void Validate_OutsideDemoModeWithKey_Succeeds()
    {
        Assert.True(new AuditOptionsValidator(new DemoMode(false)).Validate(null, new AuditOptions { Key = GoodKey }).Succeeded);
    }

    [Fact]
    public void Validate_OutsideDemoModeWithoutKey_FailsWithTheKeySentence()
    {
        var result = new AuditOptionsValidator(new DemoMode(false)).Validate(null, new AuditOptions());

        Assert.Equal(AuditKeySource.MissingKey, Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_HttpSinkWithoutUrl_Fails()
    {
        var options = new AuditOptions { Siem = { Sink = SiemSink.Http } };

        var result = new AuditOptionsValidator(new DemoMode(true)).Validate(null, options);

        Assert.Contains("Audit:Siem:Url must be an absolute http or https URL when Audit:Siem:Sink is Http.", result.Failures!);
    }

    [Fact]
    public void Validate_SyslogSinkWithoutHost_Fails()
    {
        var options = new AuditOptions { Siem = { Sink = SiemSink.Syslog } };

        var result = new AuditOptionsValidator(new DemoMode(true)).Validate(null, options);

        Assert.Contains("Audit:Siem:Host must name the syslog collector when Audit:Siem:Sink is Syslog.", result.Failures!);
    }

    [Fact]
    public void Validate_CheckpointIntervalBelowOneSecond_Fails()
    {
        var options = new AuditOptions { Checkpoints = { Interval = TimeSpan.Zero } };

        var result = new AuditOptionsValidator(new DemoMode(true)).Validate(null, options);

        Assert.Contains("Audit:Checkpoints:Interval must be at least one second.", result.Failures!);
    }
}
