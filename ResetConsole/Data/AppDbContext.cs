using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResetConsole.Auth;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Alerts;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Exceptions;
using ResetConsole.Domain.Incidents;
using ResetConsole.Domain.Reporting;
using ResetConsole.Features.Approvals;
using ResetConsole.Features.Audit;
using ResetConsole.Notifications;
using ResetConsole.Policy;

namespace ResetConsole.Data;

public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    public DbSet<StaffMember> Staff => Set<StaffMember>();
    public DbSet<DemoAccount> DemoAccounts => Set<DemoAccount>();
    public DbSet<DemoContact> DemoContacts => Set<DemoContact>();
    public DbSet<DemoAuthenticator> DemoAuthenticators => Set<DemoAuthenticator>();
    public DbSet<DemoSession> DemoSessions => Set<DemoSession>();
    public DbSet<PolicyVersion> PolicyVersions => Set<PolicyVersion>();
    public DbSet<RecoveryCase> RecoveryCases => Set<RecoveryCase>();
    public DbSet<VerificationStep> VerificationSteps => Set<VerificationStep>();
    public DbSet<ApprovalDecision> ApprovalDecisions => Set<ApprovalDecision>();
    public DbSet<SideEffect> SideEffects => Set<SideEffect>();
    public DbSet<VerificationChallenge> VerificationChallenges => Set<VerificationChallenge>();
    public DbSet<SubjectProtection> SubjectProtections => Set<SubjectProtection>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<ExceptionGrant> ExceptionGrants => Set<ExceptionGrant>();
    public DbSet<SecurityAlert> SecurityAlerts => Set<SecurityAlert>();
    public DbSet<DailyCount> DailyCounts => Set<DailyCount>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<PolicyProposal> PolicyProposals => Set<PolicyProposal>();
    public DbSet<QueueTally> QueueTallies => Set<QueueTally>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.UseOpenIddict();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset natively; store UTC ticks so range queries run in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
