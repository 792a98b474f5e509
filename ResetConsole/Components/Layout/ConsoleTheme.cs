using MudBlazor;

namespace ResetConsole.Components.Layout;

internal static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1b4f9c", Secondary = "#6b3fa0", AppbarBackground = "#1b4f9c" },
        PaletteDark = new PaletteDark { Primary = "#7aa7ea", Secondary = "#b794f4" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Roboto", "sans-serif"] } },
    };
}
