namespace ResetConsole.Auth;

public static class ConsoleCookie
{
    public const string Name = ".ResetConsole.Auth";
    public const string LastCheckedKey = ".staff-checked";
}
