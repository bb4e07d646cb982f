namespace XRocketPay.PowerShell.Infrastructure;

/// <summary>
/// What waiting for one kind of object needs to know (Wait-XRocketWithdrawal, Wait-XRocketInvoice): how to
/// read it (one by one, and where the API has a list by ids, many in one request), when the wait for it is
/// over, and what error goes with it then. The waiting itself is <see cref="ReferenceCmdlet.WaitForAll{T}"/>.
/// </summary>
internal sealed class FinalStateWait<T>
    where T : class
{
    internal FinalStateWait(string noun, Func<XRocketClient, XRocketRef, CancellationToken, Task<T>> read, Func<T, string> id, Func<T, string?> status)
    {
        Noun = noun;
        Read = read;
        Id = id;
        Status = status;
    }

    /// <summary>"Withdrawal", "Invoice": how messages and progress name one.</summary>
    internal string Noun { get; }

    internal Func<XRocketClient, XRocketRef, CancellationToken, Task<T>> Read { get; }

    /// <summary>
    /// Reads the objects of up to <see cref="MaxPerRead"/> server ids in one request, or null when the API has
    /// no such list: then each object is read on its own. An id the answer leaves out is read on its own.
    /// </summary>
    internal Func<XRocketClient, IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<T>>>? ReadMany { get; set; }

    internal int MaxPerRead { get; set; } = 1;

    internal Func<T, string> Id { get; }

    internal Func<T, string?> Status { get; }

    /// <summary>True when the wait for this object is over (run off the pipeline thread; it may read more).</summary>
    internal Func<XRocketClient, T, CancellationToken, Task<bool>> IsDone { get; set; } = (_, _, _) => Task.FromResult(false);

    /// <summary>The error written with an object whose wait ended without what was waited for (FAIL, expired), or null.</summary>
    internal Func<T, ErrorRecord?> EndError { get; set; } = _ => null;

    /// <summary>
    /// For a failed read: the error saying the object is gone (deleted), given the last read (null when it was
    /// never read) and the id as given; null when the failure is only the read's own error.
    /// </summary>
    internal Func<T?, string?, XRocketException, ErrorRecord?> Gone { get; set; } = (_, _, _) => null;
}
