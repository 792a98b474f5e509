using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ResetConsole.Tests.Integration.Notifications;

/// <summary>
/// Just enough SMTP on 127.0.0.1 to accept a message and record it: EHLO/HELO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT.
/// No extensions are advertised, so the client sends plain commands. Can refuse every recipient the way a real server does.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _sessions = [];
    private readonly Task _accepting;

    public FakeSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Host => "127.0.0.1";

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>When true, RCPT TO answers 550 and quotes the address, as Postfix does.</summary>
    public bool RefuseRecipients { get; set; }

    public ConcurrentQueue<ReceivedMail> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll(_sessions.Append(_accepting).Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var ct = _stop.Token;
        string? from = null;
        var to = new List<string>();
        await writer.WriteLineAsync("220 fake.smtp.test ESMTP ready");
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            var argument = line.Length > verb.Length ? line[(verb.Length + 1)..] : "";
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 fake.smtp.test");
                    break;
                case "MAIL":
                    from = Path(argument);
                    to.Clear();
                    await writer.WriteLineAsync("250 2.1.0 Ok");
                    break;
                case "RCPT" when RefuseRecipients:
                    await writer.WriteLineAsync($"550 5.1.1 <{Path(argument)}>: Recipient address rejected: User unknown");
                    break;
                case "RCPT":
                    to.Add(Path(argument));
                    await writer.WriteLineAsync("250 2.1.5 Ok");
                    break;
                case "DATA" when from is null || to.Count == 0:
                    await writer.WriteLineAsync("503 5.5.1 Bad sequence of commands");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    Messages.Enqueue(new ReceivedMail(from, [.. to], await ReadDataAsync(reader, ct)));
                    await writer.WriteLineAsync("250 2.0.0 Ok: queued");
                    break;
                case "RSET":
                    from = null;
                    to.Clear();
                    await writer.WriteLineAsync("250 2.0.0 Ok");
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 2.0.0 Ok");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 2.0.0 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                    break;
            }
        }
    }

    private static async Task<string> ReadDataAsync(StreamReader reader, CancellationToken ct)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(ct) is { } line && line != ".")
        {
            data.Append(line.StartsWith("..", StringComparison.Ordinal) ? line[1..] : line).Append("\r\n");
        }

        return data.ToString();
    }

    // "FROM:<a@b> SIZE=1" -> "a@b"
    private static string Path(string argument)
    {
        var start = argument.IndexOf('<');
        var end = argument.IndexOf('>', start + 1);
        return start >= 0 && end > start ? argument[(start + 1)..end] : argument;
    }
}
