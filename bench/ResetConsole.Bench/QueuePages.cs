using ResetConsole.Features.Approvals;

namespace ResetConsole.Bench;

public static class QueuePages
{
    /// <summary>
    /// The page as the previous read would have left it had its first row changed since (a decision's approval, an
    /// escalation): a read given it reads the page's rows and that one item again.
    /// </summary>
    public static QueuePage WithFirstRowChanged(QueuePage page) =>
        page with { Items = [page.Items[0] with { Version = -1 }, .. page.Items.Skip(1)] };
}
