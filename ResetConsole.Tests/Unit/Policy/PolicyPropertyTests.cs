using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Tests.Unit.Policy;

public class PolicyPropertyTests
{
    private static readonly CompiledPolicy _policy = PolicyFiles.Default;
    private static readonly string[] _groups =
        ["Domain Admins", "Enterprise Admins", "Finance Approvers", "Executives", "Payroll", "IT Helpdesk", "Engineering", "Sales", "HR"];
    private static readonly string[] _privilegedGroups = ["Domain Admins", "Enterprise Admins"];

    private static Gen<Subject> HumanGen =>
        from kind in Gen.Elements(SubjectKind.Employee, SubjectKind.Contractor, SubjectKind.Executive)
        from groups in Gen.SubListOf(_groups)
        from roles in Gen.SubListOf("Global Administrator", "Privileged Role Administrator", "Reports Reader")
        from contactAge in Gen.Choose(0, 400)
        from resetHoursAgo in Gen.Choose(0, 200)
        select PolicySamples.Employee([.. groups]) with
        {
            Kind = kind,
            AdminRoles = [.. roles],
            Contacts = [new ContactOfRecord(Guid.Empty, ContactKind.Phone, "+44 7700 900123", PolicySamples.Now.AddDays(-contactAge))],
            LastCredentialResetAt = PolicySamples.Now.AddHours(-resetHoursAgo),
        };

    private static Gen<RequestContext> ContextGen =>
        from channel in Gen.Elements(Enum.GetValues<RequestChannel>())
        from minutes in Gen.Choose(0, 7 * 24 * 60)
        from failed in Gen.Choose(0, 6)
        from velocity in Gen.Choose(0, 20)
        from vendor in Gen.Elements(true, false)
        select new RequestContext(channel, "dana", vendor, PolicySamples.Now.AddMinutes(minutes), new RecentHistory(null, failed, velocity));

    private static Gen<RequestedAction> HumanActionGen =>
        Gen.Elements(RequestedAction.PasswordReset, RequestedAction.MfaReset, RequestedAction.Unlock, RequestedAction.TemporaryAccessPass);

    private static Arbitrary<(T1, T2, T3)> Combine<T1, T2, T3>(Gen<T1> first, Gen<T2> second, Gen<T3> third) =>
        (from a in first from b in second from c in third select (a, b, c)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Evaluate_AddingPrivilegedGroup_NeverLowersTier() =>
        Prop.ForAll(
            Combine(HumanGen, ContextGen, Gen.Elements(_privilegedGroups)),
            input =>
            {
                var (subject, context, group) = input;
                var before = _policy.Evaluate(subject, RequestedAction.PasswordReset, context);
                var after = _policy.Evaluate(subject with { Groups = [.. subject.Groups, group] }, RequestedAction.PasswordReset, context);
                return after.Tier.Rank >= before.Tier.Rank && after.Tier.Id == "privileged";
            });

    [Property(MaxTest = 500)]
    public Property Evaluate_StepUp_NeverLowersTier() =>
        Prop.ForAll(
            Combine(HumanGen, ContextGen, HumanActionGen),
            input =>
            {
                var (subject, context, action) = input;
                var decision = _policy.Evaluate(subject, action, context);
                var calm = _policy.Evaluate(subject with { LastCredentialResetAt = null }, action, context with { History = RecentHistory.None });
                return decision.Tier.Rank >= decision.BaseTier.Rank && decision.Tier.Rank >= calm.Tier.Rank;
            });

    [Property(MaxTest = 500)]
    public Property Evaluate_AboveStandard_HasApprovalOrNonKnowledgeStep() =>
        Prop.ForAll(
            Combine(Gen.OneOf(HumanGen, Gen.Constant(PolicySamples.Service())), ContextGen, HumanActionGen),
            input =>
            {
                var (subject, context, action) = input;
                var decision = _policy.Evaluate(subject, action, context);
                var hasStrongStep = decision.Steps.Any(s => s.Options.All(o => o.Kind != StepKind.KnowledgeCheck));
                return decision.Tier.Id == "standard" || !decision.Action.Allowed || (decision.Approval.IsRequired && hasStrongStep);
            });

    [Property(MaxTest = 300)]
    public Property Evaluate_SameInput_SameDecision() =>
        Prop.ForAll(
            Combine(HumanGen, ContextGen, HumanActionGen),
            input =>
            {
                var (subject, context, action) = input;
                var first = _policy.Evaluate(subject, action, context);
                var second = _policy.Evaluate(subject, action, context);
                return first.Tier == second.Tier
                    && first.Reasons.SequenceEqual(second.Reasons)
                    && first.Signals.SequenceEqual(second.Signals)
                    && first.Steps.SequenceEqual(second.Steps)
                    && first.Approval == second.Approval
                    && first.Vendor == second.Vendor
                    && first.Exceptions.SequenceEqual(second.Exceptions);
            });

    [Property(MaxTest = 300)]
    public Property Evaluate_ServiceSubject_AlwaysNonHuman() =>
        Prop.ForAll(
            Combine(HumanGen, ContextGen, Gen.Constant(0)),
            input =>
            {
                var (subject, context, _) = input;
                var decision = _policy.Evaluate(subject with { Kind = SubjectKind.Service }, RequestedAction.PasswordReset, context);
                return decision.Tier.IsNonHuman && decision.EffectiveAction == RequestedAction.SecretRotation;
            });
}
