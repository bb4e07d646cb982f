using System.Collections.Concurrent;
using XRocketPay.Sandbox;
using XRocketPay.TestSupport;

namespace XRocketPay.Client.Tests;

/// <summary>
/// An in-process sandbox over loopback with its admin surface (<see cref="SandboxAdmin"/>), and clients pointed
/// at it. Every class that uses one runs against both shapes in one run (<see cref="FullSandbox"/>,
/// <see cref="EvidenceSandbox"/>: the pairs in SandboxShapes.cs), so nothing in the client may depend on a
/// field no public source shows.
/// </summary>
public abstract class SandboxFixture(SandboxShape shape) : SandboxAdmin(OptionsFor(shape))
{
    public const string CanaryToken = "canary-7f3a9c2e-TOKEN";

    /// <summary>The shape this sandbox answers in (full, or the strict evidence shape).</summary>
    public SandboxShape Shape { get; } = shape;

    private static SandboxOptions OptionsFor(SandboxShape shape)
    {
        var options = new SandboxOptions { WithdrawalCompletionDelay = TimeSpan.FromMilliseconds(200), Shape = shape };
        options.Tokens.Add(CanaryToken);
        return options;
    }

    public XRocketClient Client(string? token = null, Action<XRocketClientOptions>? configure = null, ConcurrentQueue<XRocketTrace>? traces = null)
    {
        var options = new XRocketClientOptions
        {
            BaseUri = BaseUri,
            Token = new XRocketApiToken(token ?? Token),

            // This sandbox serves the transfers dialect; detection (Auto) has tests of its own (DialectTests).
            Dialect = XRocketApiDialect.Transfers,
            Timeout = TimeSpan.FromSeconds(10),
            Retry = new XRocketRetryPolicy { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(50), MaxRetryAfter = TimeSpan.FromMilliseconds(100) },
        };
        if (traces is not null)
        {
            options.Trace = traces.Enqueue;
        }

        configure?.Invoke(options);
        return new XRocketClient(options);
    }
}
