namespace ResetConsole.Domain.Subjects;

public enum ContactKind
{
    Email,
    Phone,
}
