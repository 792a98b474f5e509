using ResetConsole.Data;

namespace ResetConsole.Tests.Unit.Data;

public sealed class PragmaStateTests
{
    [Fact]
    public void IsRight_WalFullForeignKeysAndATimeout_IsTrue() =>
        Assert.True(new PragmaState("wal", 2, true, 5000).IsRight);

    [Theory]
    [InlineData("delete", 2, true, 5000)]
    [InlineData("wal", 1, true, 5000)]
    [InlineData("wal", 2, false, 5000)]
    [InlineData("wal", 2, true, 0)]
    [InlineData("memory", 2, true, 5000)]
    public void IsRight_AnyPragmaOff_IsFalse(string journal, int synchronous, bool foreignKeys, int busy) =>
        Assert.False(new PragmaState(journal, synchronous, foreignKeys, busy).IsRight);
}
