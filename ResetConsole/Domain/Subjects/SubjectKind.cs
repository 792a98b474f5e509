namespace ResetConsole.Domain.Subjects;

public enum SubjectKind
{
    Employee,
    Contractor,
    Executive,
    Service,
}
