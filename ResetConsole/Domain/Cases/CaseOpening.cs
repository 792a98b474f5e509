using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Domain.Cases;

/// <summary>Everything a case is opened with: the request, who opened it, and the policy's decision for it.</summary>
public sealed record CaseOpening(
    Subject Subject,
    string TicketReference,
    RequestChannel Channel,
    string AgentId,
    string AgentName,
    string? AgentVendor,
    PolicyDecision Decision,
    int PolicyVersion,
    DateTimeOffset Now);
