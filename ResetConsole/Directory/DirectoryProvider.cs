namespace ResetConsole.Directory;

public enum DirectoryProvider
{
    Demo,
}
