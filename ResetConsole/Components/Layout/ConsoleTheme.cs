using MudBlazor;

namespace ResetConsole.Components.Layout;

internal static class ConsoleTheme
{
    public static readonly MudTheme Theme = new()
    {
        // Status colours darkened from the defaults so text on them meets WCAG AA contrast (checked by the axe tests).
        PaletteLight = new PaletteLight
        {
            Primary = "#1b4f9c", Secondary = "#6b3fa0", AppbarBackground = "#1b4f9c",
            Warning = "#8f5200", Error = "#b00020", Success = "#1b6e20", Info = "#0b5cad",
        },
        PaletteDark = new PaletteDark { Primary = "#7aa7ea", Secondary = "#b794f4" },
        Typography = new Typography { Default = new DefaultTypography { FontFamily = ["system-ui", "Segoe UI", "Roboto", "sans-serif"] } },
    };
}
