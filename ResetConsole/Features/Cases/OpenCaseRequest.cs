using ResetConsole.Policy;

namespace ResetConsole.Features.Cases;

public sealed record OpenCaseRequest(string SubjectId, RequestedAction Action, RequestChannel Channel, string TicketReference);
